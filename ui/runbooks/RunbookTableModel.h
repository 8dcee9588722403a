#pragma once

#include "runbooks/RunbookTypes.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <memory>
#include <vector>

namespace ic::ui {

// The runbook index as a table: every runbook, or the hits of a search in rank order with
// their snippets. Sorting and tag filtering happen in a proxy on top.
class RunbookTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Title,
        Description,
        Tags,
        Severity,
        Owner,
        LastReviewed,
        Stale,
        ColumnCount
    };
    // Roles beyond Qt's: the runbook's id, its file, its tags (a QStringList), the rank, the
    // value to sort by and the highlighted snippet.
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        PathRole,
        TagsRole,
        RankRole,
        SortRole,
        SnippetHtmlRole // the search snippet, matched words in <b>; empty without a search
    };

    explicit RunbookTableModel(QObject *parent = nullptr);

    // Every runbook of records (shared, never copied), in their order.
    void showAll(std::shared_ptr<const std::vector<runbooks::RunbookRecord>> records);
    // Every runbook again, e.g. when the search is cleared: nothing to fetch or copy.
    void showAll();
    // Hits whose runbook is not in records (indexed since) are left out until the next list.
    void showHits(const std::vector<runbooks::SearchHit> &hits);
    // New records from the index: shown all when the model shows all, otherwise the hits on
    // show stay (those whose runbook is gone leave) until the next showHits, so a list that
    // arrives during a search never replaces its results.
    void updateRecords(std::shared_ptr<const std::vector<runbooks::RunbookRecord>> records);
    bool showsHits() const { return m_showsHits; }
    // The indexed runbook with this id, or nothing.
    const runbooks::RunbookRecord *record(const QString &id) const { return m_byId.value(id); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row
    {
        const runbooks::RunbookRecord *record;
        QString snippet;
        int rank;
        bool fuzzy;
    };

    void setRecords(std::shared_ptr<const std::vector<runbooks::RunbookRecord>> records);

    std::shared_ptr<const std::vector<runbooks::RunbookRecord>> m_records;
    // Built once per list: a search result is looked up per hit, not by walking every record.
    QHash<QString, const runbooks::RunbookRecord *> m_byId;
    std::vector<runbooks::SearchHit> m_hits;
    bool m_showsHits = false;
    std::vector<Row> m_rows;
    QDateTime m_now;
};

} // namespace ic::ui

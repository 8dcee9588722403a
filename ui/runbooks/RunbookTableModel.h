#pragma once

#include "runbooks/RunbookTypes.h"

#include <QAbstractTableModel>
#include <QDateTime>
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

    void showAll(std::vector<runbooks::RunbookRecord> records);
    // Hits whose runbook is not in records (indexed since) are left out until the next list.
    void showHits(const std::vector<runbooks::SearchHit> &hits);

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

    std::vector<runbooks::RunbookRecord> m_records;
    std::vector<Row> m_rows;
    QDateTime m_now;
};

} // namespace ic::ui

#include "RunbookTableModel.h"

#include <QHash>

namespace ic::ui {

RunbookTableModel::RunbookTableModel(QObject *parent)
    : QAbstractTableModel(parent),
      m_records(std::make_shared<const std::vector<runbooks::RunbookRecord>>())
{}

void RunbookTableModel::setRecords(
    std::shared_ptr<const std::vector<runbooks::RunbookRecord>> records)
{
    m_records = std::move(records);
    m_now = QDateTime::currentDateTimeUtc();
    m_byId.clear();
    m_byId.reserve(qsizetype(m_records->size()));
    for (const auto &record : *m_records)
        m_byId.insert(record.id, &record);
}

void RunbookTableModel::showAll(std::shared_ptr<const std::vector<runbooks::RunbookRecord>> records)
{
    beginResetModel();
    setRecords(std::move(records));
    m_rows.clear();
    endResetModel();
    showAll();
}

void RunbookTableModel::showAll()
{
    beginResetModel();
    m_showsHits = false;
    m_hits.clear();
    m_rows.clear();
    if (m_records) {
        m_rows.reserve(m_records->size());
        int rank = 0;
        for (const auto &record : *m_records)
            m_rows.push_back({&record, QString(), rank++, false});
    }
    endResetModel();
}

void RunbookTableModel::showHits(const std::vector<runbooks::SearchHit> &hits)
{
    beginResetModel();
    m_showsHits = true;
    m_hits = hits;
    m_rows.clear();
    int rank = 0;
    for (const auto &hit : m_hits) {
        if (const auto *record = m_byId.value(hit.id))
            m_rows.push_back({record, hit.snippet, rank++, hit.fuzzy});
    }
    endResetModel();
}

void RunbookTableModel::updateRecords(
    std::shared_ptr<const std::vector<runbooks::RunbookRecord>> records)
{
    if (!m_showsHits) {
        showAll(std::move(records));
        return;
    }
    // The rows point into the records: they are rebuilt with them, in one reset.
    const std::vector<runbooks::SearchHit> hits = std::move(m_hits);
    beginResetModel();
    setRecords(std::move(records));
    m_rows.clear();
    endResetModel();
    showHits(hits);
}

int RunbookTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RunbookTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunbookTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const Row &row = m_rows[std::size_t(index.row())];
    const runbooks::RunbookRecord &record = *row.record;
    switch (role) {
    case IdRole:
        return record.id;
    case PathRole:
        return record.path;
    case TagsRole:
        return record.meta.tags;
    case RankRole:
        return row.rank;
    case SnippetHtmlRole:
    case Qt::ToolTipRole:
        if (index.column() == Description && !row.snippet.isEmpty())
            return runbooks::markHighlights(row.snippet.simplified().toHtmlEscaped(),
                                            QStringLiteral("<b>"), QStringLiteral("</b>"));
        return role == Qt::ToolTipRole ? QVariant(record.path) : QVariant();
    case SortRole:
        if (index.column() == LastReviewed)
            return record.meta.lastReviewed;
        if (index.column() == Stale)
            return record.isStale(m_now);
        return data(index, Qt::DisplayRole).toString().toLower();
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (Column(index.column())) {
    case Title:
        return row.fuzzy ? tr("%1 (close match)").arg(record.meta.title) : record.meta.title;
    case Description:
        if (!row.snippet.isEmpty())
            return runbooks::markHighlights(row.snippet, QString(), QString()).simplified();
        return record.meta.description;
    case Tags:
        return record.meta.tags.join(QStringLiteral(", "));
    case Severity:
        return record.meta.severity;
    case Owner:
        return record.meta.owner;
    case LastReviewed:
        return record.meta.lastReviewed.toString(Qt::ISODate);
    case Stale:
        return record.isStale(m_now) ? tr("stale") : QString();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant RunbookTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Title:
        return tr("Title");
    case Description:
        return tr("Description");
    case Tags:
        return tr("Tags");
    case Severity:
        return tr("Severity");
    case Owner:
        return tr("Owner");
    case LastReviewed:
        return tr("Last reviewed");
    case Stale:
        return tr("Review");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace ic::ui

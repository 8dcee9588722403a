#include "RunbookTableModel.h"

#include <QHash>

namespace ic::ui {

RunbookTableModel::RunbookTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void RunbookTableModel::showAll(std::vector<runbooks::RunbookRecord> records)
{
    beginResetModel();
    m_records = std::move(records);
    m_now = QDateTime::currentDateTimeUtc();
    m_rows.clear();
    int rank = 0;
    for (const auto &record : m_records)
        m_rows.push_back({&record, QString(), rank++, false});
    endResetModel();
}

void RunbookTableModel::showHits(const std::vector<runbooks::SearchHit> &hits)
{
    QHash<QString, const runbooks::RunbookRecord *> byId;
    for (const auto &record : m_records)
        byId.insert(record.id, &record);
    beginResetModel();
    m_rows.clear();
    int rank = 0;
    for (const auto &hit : hits) {
        if (const auto *record = byId.value(hit.id))
            m_rows.push_back({record, hit.snippet, rank++, hit.fuzzy});
    }
    endResetModel();
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
            return record.reviewedAt();
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
        return record.reviewedAt().toLocalTime().date().toString(Qt::ISODate);
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

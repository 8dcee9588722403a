#include "ConcurrentWrites.h"

#include "storage/Sql.h"

#include <map>

namespace ic::team {
namespace {

const QString markerStart = QStringLiteral(" (not kept: ");

struct Write
{
    QString base;
    QVariant value;
    QString eventId;
};

bool sameValue(const QVariant &a, const QVariant &b)
{
    return a.isNull() == b.isNull() && (a.isNull() || a.toString() == b.toString());
}

QString withoutMarker(const QString &text)
{
    const qsizetype at = text.indexOf(markerStart);
    return at < 0 ? text : text.left(at);
}

// Whether the author of write had seen the write stamped hlc: it is in write's chain of bases.
bool hadSeen(const std::map<QString, Write> &writes, const Write &write, const QString &hlc)
{
    QString base = write.base;
    for (std::size_t steps = 0; !base.isEmpty() && steps <= writes.size(); ++steps) {
        if (base == hlc)
            return true;
        const auto previous = writes.find(base);
        if (previous == writes.end())
            return false;
        base = previous->second.base;
    }
    return false;
}

Result<void> markNotKept(const QSqlDatabase &db, const QString &loserEventId,
                         const QString &winnerEventId)
{
    auto events = sql::exec(db,
                            QStringLiteral("SELECT id, actor, text FROM timeline_events WHERE id "
                                           "IN (?, ?)"),
                            {loserEventId, winnerEventId});
    QString loserText;
    QString winnerActor;
    QString winnerText;
    bool foundLoser = false;
    bool foundWinner = false;
    while (events && events->next()) {
        if (events->value(0).toString() == loserEventId) {
            loserText = events->value(2).toString();
            foundLoser = true;
        } else {
            winnerActor = events->value(1).toString();
            winnerText = withoutMarker(events->value(2).toString());
            foundWinner = true;
        }
    }
    if (!foundLoser || !foundWinner)
        return {};
    const QString marked =
        withoutMarker(loserText) + markerStart +
        QStringLiteral("at the same time %1: “%2”, which was kept)").arg(winnerActor, winnerText);
    if (marked == loserText)
        return {};
    QString error;
    if (!sql::exec(db, QStringLiteral("UPDATE timeline_events SET text = ? WHERE id = ?"),
                   {marked, loserEventId}, &error))
        return failure(error);
    return {};
}

} // namespace

bool keepsEarliest(const QString &table, const QString &column)
{
    static const QStringList milestones{QStringLiteral("started_at"), QStringLiteral("detected_at"),
                                        QStringLiteral("acknowledged_at"),
                                        QStringLiteral("mitigated_at"),
                                        QStringLiteral("resolved_at")};
    return table == QLatin1String("incidents") && milestones.contains(column);
}

Result<void> recordFieldWrite(const QSqlDatabase &db, const FieldWrite &write)
{
    if (keepsEarliest(write.table, write.column))
        return {};
    QString error;
    if (!sql::exec(db,
                   QStringLiteral("INSERT OR IGNORE INTO team_writes (tbl, row_id, col, hlc, base, "
                                  "value, event_id) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                   {write.table, write.rowId, write.column, write.hlc,
                    write.base.isNull() ? QStringLiteral("") : write.base,
                    write.value.isNull() ? QVariant() : QVariant(write.value.toString()),
                    write.eventId.isNull() ? QStringLiteral("") : write.eventId},
                   &error))
        return failure(error);
    auto query = sql::exec(db,
                           QStringLiteral("SELECT hlc, base, value, event_id FROM team_writes "
                                          "WHERE tbl = ? AND row_id = ? AND col = ?"),
                           {write.table, write.rowId, write.column}, &error);
    if (!query)
        return failure(error);
    std::map<QString, Write> writes;
    while (query->next())
        writes.emplace(
            query->value(0).toString(),
            Write{query->value(1).toString(), query->value(2), query->value(3).toString()});
    if (writes.size() < 2)
        return {};
    // Only this write and those before it can have become losers now.
    for (auto loser = writes.begin(); loser != writes.end() && loser->first <= write.hlc; ++loser) {
        const Write *winner = nullptr;
        for (auto later = std::next(loser); later != writes.end(); ++later)
            if (!hadSeen(writes, later->second, loser->first) &&
                !sameValue(later->second.value, loser->second.value))
                winner = &later->second;
        if (winner && !loser->second.eventId.isEmpty() && !winner->eventId.isEmpty())
            if (const Result<void> marked = markNotKept(db, loser->second.eventId, winner->eventId);
                !marked)
                return marked;
    }
    return {};
}

} // namespace ic::team

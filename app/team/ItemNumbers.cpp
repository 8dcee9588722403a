#include "ItemNumbers.h"

#include "storage/Sql.h"

#include <vector>

namespace ic::team {

Result<void> settleItemNumbers(const QSqlDatabase &db, const QString &incidentId)
{
    QString error;
    auto items = sql::exec(
        db,
        QStringLiteral("SELECT c.id, c.claimed_number, c.number FROM checklist_items AS c LEFT "
                       "JOIN team_clocks AS k ON k.tbl = 'checklist_items' AND k.row_id = c.id "
                       "AND k.col = '*' WHERE c.incident_id = ? ORDER BY c.claimed_number, "
                       "k.hlc, c.id"),
        {incidentId}, &error);
    if (!items)
        return failure(error);
    struct Move
    {
        QString id;
        qint64 number;
    };
    std::vector<Move> moves;
    qint64 previous = 0;
    while (items->next()) {
        const qint64 claim = items->value(1).toLongLong();
        const qint64 number = std::max(claim, previous + 1);
        if (number != items->value(2).toLongLong())
            moves.push_back({items->value(0).toString(), number});
        previous = number;
    }
    // Through negative numbers first: no two items hold one number even between statements.
    for (const int sign : {-1, 1})
        for (const Move &move : moves)
            if (const Result<void> moved = sql::run(
                    db, QStringLiteral("UPDATE checklist_items SET number = ? WHERE id = ?"),
                    {sign * move.number, move.id});
                !moved)
                return moved;
    return {};
}

qint64 placeholderNumber(const QSqlDatabase &db, const QString &incidentId)
{
    return sql::scalar(db,
                       QStringLiteral("SELECT min(0, coalesce(min(number), 0)) - 1 FROM "
                                      "checklist_items WHERE incident_id = ?"),
                       {incidentId})
        .toLongLong();
}

} // namespace ic::team

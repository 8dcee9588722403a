#include "TeamSync.h"

#include "EventApply.h"
#include "TeamServer.h"
#include "TeamState.h"
#include "core/Logging.h"
#include "storage/Sql.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <set>

namespace ic::team {
namespace {

constexpr int batchSize = 500;

Result<void> refuse(const QSqlDatabase &local, qint64 seq, const QByteArray &payload,
                    const QString &reason, SyncReport &report)
{
    // The id as the payload names it, when it names one at all: for the message only.
    const QString id = QJsonDocument::fromJson(payload.left(maxEventBytes))
                           .object()
                           .value(QStringLiteral("id"))
                           .toString()
                           .left(36);
    const QString message = QStringLiteral("server event %1%2 refused: %3")
                                .arg(seq)
                                .arg(id.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(id))
                                .arg(reason);
    log::get(log::Team)->warn("{}", message.toStdString());
    report.refusals.append(message);
    ++report.refused;
    QString error;
    if (!sql::exec(local,
                   QStringLiteral("INSERT OR REPLACE INTO team_refused (server_seq, event_id, "
                                  "reason, seen_at) VALUES (?, ?, ?, ?)"),
                   {seq, id, reason, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                   &error))
        return failure(error);
    return {};
}

// One batch from the server, merged in one local transaction with the cursor after it.
Result<void> applyBatch(const QSqlDatabase &local, const std::vector<TeamServer::Download> &batch,
                        SyncReport &report, std::set<QString> &changed)
{
    sql::WriteTransaction transaction(local);
    if (!transaction.isActive())
        return failure(transaction.error());
    for (const TeamServer::Download &download : batch) {
        ++report.pulled;
        Result<TeamEvent> event = decodeEvent(download.payload);
        if (!event) {
            if (const Result<void> kept =
                    refuse(local, download.seq, download.payload, event.error(), report);
                !kept)
                return kept;
            continue;
        }
        // Each event in a savepoint: one that cannot be merged leaves no trace but its refusal.
        QString reason;
        {
            sql::WriteTransaction one(local);
            Result<Applied> applied = applyRemoteEvent(local, *event, download.payload);
            if (applied && one.commit()) {
                if (*applied == Applied::Folded) {
                    ++report.applied;
                    changed.insert(event->incidentId);
                }
                continue;
            }
            reason = applied ? one.error() : applied.error();
        }
        if (const Result<void> kept =
                refuse(local, download.seq, download.payload,
                       QStringLiteral("event %1: %2").arg(event->id, reason), report);
            !kept)
            return kept;
    }
    report.cursor = batch.back().seq;
    if (const Result<void> moved =
            setMetaValue(local, keys::cursor, QString::number(report.cursor));
        !moved)
        return moved;
    if (!transaction.commit())
        return failure(transaction.error());
    return {};
}

} // namespace

Result<int> pushWaiting(const QSqlDatabase &local, PgConnection &server)
{
    TeamServer team(server);
    int pushed = 0;
    for (;;) {
        QString error;
        auto query = sql::exec(local,
                               QStringLiteral("SELECT id, incident_id, hlc, payload FROM "
                                              "team_events WHERE pushed = 0 ORDER BY seq LIMIT ?"),
                               {batchSize}, &error);
        if (!query)
            return failure(error);
        std::vector<TeamServer::Upload> uploads;
        const QString console = metaValue(local, keys::console);
        while (query->next())
            uploads.push_back(TeamServer::Upload{
                query->value(0).toString(), query->value(1).toString(), console,
                query->value(2).toString(), query->value(3).toString().toUtf8()});
        if (uploads.empty())
            return pushed;
        if (const Result<void> sent = team.push(uploads); !sent)
            return Error{sent.error()};
        // Acknowledged only after the server committed: a crash in between sends them again,
        // which the server ignores.
        const Result<void> marked = sql::inWriteTransaction(local, [&]() -> Result<void> {
            for (const TeamServer::Upload &upload : uploads)
                if (const Result<void> done = sql::run(
                        local, QStringLiteral("UPDATE team_events SET pushed = 1 WHERE id = ?"),
                        {upload.id});
                    !done)
                    return done;
            return {};
        });
        if (!marked)
            return Error{marked.error()};
        pushed += int(uploads.size());
    }
}

Result<SyncReport> syncOnce(const QSqlDatabase &local, PgConnection &server)
{
    SyncReport report;
    const Result<int> pushed = pushWaiting(local, server);
    if (!pushed)
        return Error{pushed.error()};
    report.pushed = *pushed;
    report.cursor = metaValue(local, keys::cursor).toLongLong();
    TeamServer team(server);
    std::set<QString> changed;
    for (;;) {
        Result<std::vector<TeamServer::Download>> batch = team.pull(report.cursor, batchSize);
        if (!batch)
            return Error{batch.error()};
        if (batch->empty())
            break;
        if (const Result<void> applied = applyBatch(local, *batch, report, changed); !applied)
            return Error{applied.error()};
        if (int(batch->size()) < batchSize)
            break;
    }
    report.waiting = waitingEvents(local);
    report.changedIncidents = QStringList(changed.begin(), changed.end());
    (void)setMetaValue(local, keys::lastSync,
                       QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    return report;
}

} // namespace ic::team

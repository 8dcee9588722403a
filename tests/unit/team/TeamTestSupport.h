#pragma once

// Consoles of one team in one test: each its own database and incident service, joined to a
// stand-in for the server's events table, so the merge rules are tested without a network.
// tests/integration/test_team_server.cpp runs the same against a real PostgreSQL.

#include "../incidents/IncidentTestSupport.h"
#include "team/EventApply.h"
#include "team/TeamState.h"

#include <QSqlRecord>
#include <QtTest>

namespace ic::test {

struct TeamConsole : IncidentFixture
{
    TeamConsole(const QString &person)
    {
        QVERIFY(team::setMetaValue(connection(), team::keys::serverUri,
                                   QStringLiteral("postgresql://ic@127.0.0.1/ic")));
        service->noticeTeamMode();
        service->setActor(person);
    }

    // The state every console must agree on: incident rows, items, timeline and drafts.
    QString state() const
    {
        QStringList lines;
        for (const char *statement :
             {"SELECT * FROM incidents ORDER BY id", "SELECT * FROM checklist_items ORDER BY id",
              "SELECT * FROM timeline_events ORDER BY id", "SELECT * FROM drafts ORDER BY id"}) {
            auto query = sql::exec(connection(), QString::fromLatin1(statement));
            while (query && query->next()) {
                QStringList values;
                for (int column = 0; column < query->record().count(); ++column)
                    values.append(query->value(column).isNull() ? QStringLiteral("<null>")
                                                                : query->value(column).toString());
                lines.append(values.join(QLatin1Char('|')));
            }
        }
        return lines.join(QLatin1Char('\n'));
    }
};

// The server's events table: each payload once, in the order they arrived.
struct EventLog
{
    std::vector<std::pair<QString, QByteArray>> events;

    void push(IncidentFixture &console)
    {
        auto query = sql::exec(console.connection(),
                               QStringLiteral("SELECT id, payload FROM team_events WHERE pushed = "
                                              "0 ORDER BY seq"));
        while (query && query->next()) {
            const QString id = query->value(0).toString();
            if (std::none_of(events.begin(), events.end(),
                             [&](const auto &event) { return event.first == id; }))
                events.emplace_back(id, query->value(1).toString().toUtf8());
        }
        sql::exec(console.connection(), QStringLiteral("UPDATE team_events SET pushed = 1"));
    }

    // Merges one event into console in a transaction of its own.
    static Result<team::Applied> apply(IncidentFixture &console, const QByteArray &payload)
    {
        const Result<team::TeamEvent> event = team::decodeEvent(payload);
        if (!event)
            return Error{event.error()};
        sql::WriteTransaction transaction(console.connection());
        Result<team::Applied> applied =
            team::applyRemoteEvent(console.connection(), *event, payload);
        if (applied && !transaction.commit())
            return failure(transaction.error());
        return applied;
    }

    void pull(IncidentFixture &console)
    {
        for (const auto &[id, payload] : events) {
            const Result<team::Applied> applied = apply(console, payload);
            QVERIFY2(applied, qPrintable(applied.error()));
        }
        console.service->checkForExternalChanges();
    }

    void sync(TeamConsole &console)
    {
        push(console);
        pull(console);
    }
};

} // namespace ic::test

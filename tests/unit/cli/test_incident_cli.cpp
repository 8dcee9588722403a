#include "TestSupport.h"
#include "core/Settings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>
#include <QtTest>

using namespace ic;

// The incident subcommands through the real executable: a whole incident from the shell.
class TestIncidentCli : public QObject
{
    Q_OBJECT

    static test::RunResult run(const QStringList &args)
    {
        return test::runConsole(QStringList{QStringLiteral("incident")} + args);
    }

    static QJsonObject json(const test::RunResult &result)
    {
        return QJsonDocument::fromJson(result.out.toUtf8()).object();
    }

    static QString declare(const QStringList &extra = {})
    {
        const auto result = run(QStringList{QStringLiteral("new"), QStringLiteral("--title"),
                                            QStringLiteral("Login fails"),
                                            QStringLiteral("--severity"), QStringLiteral("SEV-2"),
                                            QStringLiteral("--service"), QStringLiteral("auth"),
                                            QStringLiteral("--commander"), QStringLiteral("dana")} +
                                extra);
        return result.exitCode == 0 ? result.out.trimmed() : QString();
    }

private Q_SLOTS:
    // Declared in New York, shown in Kolkata: show prints New York's times and says so.
    void showGivesTimesInTheIncidentsZoneWithItsName()
    {
        const auto declared = test::runConsole(
            {QStringLiteral("incident"), QStringLiteral("new"), QStringLiteral("--title"),
             QStringLiteral("Zone test"), QStringLiteral("--severity"), QStringLiteral("SEV-3")},
            {{QStringLiteral("TZ"), QStringLiteral("America/New_York")}});
        QVERIFY2(declared.exitCode == 0, qPrintable(declared.err));
        const QString id = declared.out.trimmed();
        const auto shown =
            test::runConsole({QStringLiteral("incident"), QStringLiteral("show"), id},
                             {{QStringLiteral("TZ"), QStringLiteral("Asia/Kolkata")}});
        QCOMPARE(shown.exitCode, 0);
        const QDateTime started =
            QDateTime::fromString(json(run({QStringLiteral("show"), id, QStringLiteral("--json")}))
                                      .value(QStringLiteral("milestones"))
                                      .toObject()
                                      .value(QStringLiteral("started"))
                                      .toString(),
                                  Qt::ISODateWithMs);
        QVERIFY(started.isValid());
        const QDateTime inNewYork = started.toTimeZone(QTimeZone("America/New_York"));
        const QString expected = inNewYork.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss ")) +
                                 inNewYork.timeZoneAbbreviation();
        QVERIFY2(shown.out.contains(QStringLiteral("started:      ") + expected),
                 qPrintable(expected + QStringLiteral("\n") + shown.out));
        QVERIFY2(shown.out.contains(expected + QStringLiteral("  declared")),
                 qPrintable(shown.out));
    }

    void wholeIncidentFromTheCommandLine()
    {
        const QString id = declare({QStringLiteral("--impact"), QStringLiteral("EU users"),
                                    QStringLiteral("--deputy"), QStringLiteral("finn"),
                                    QStringLiteral("--scribe"), QStringLiteral("gus")});
        QVERIFY(!id.isEmpty());

        auto result =
            run({QStringLiteral("tick"), id, QStringLiteral("1"), QStringLiteral("--by"),
                 QStringLiteral("erin"), QStringLiteral("--note"), QStringLiteral("on it")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains(QStringLiteral("[x]")));
        QCOMPARE(run({QStringLiteral("tick"), id, QStringLiteral("1"), QStringLiteral("--undo")})
                     .exitCode,
                 0);
        QCOMPARE(run({QStringLiteral("tick"), id, QStringLiteral("1"), QStringLiteral("--by"),
                      QStringLiteral("erin")})
                     .exitCode,
                 0);
        QCOMPARE(
            run({QStringLiteral("note"), id, QStringLiteral("Rolled back the deploy")}).exitCode,
            0);
        QCOMPARE(run({QStringLiteral("status"), id, QStringLiteral("monitoring")}).exitCode, 0);
        QCOMPARE(run({QStringLiteral("status"), id.left(8), QStringLiteral("Resolved")}).exitCode,
                 0);

        result = run({QStringLiteral("show"), id, QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject incident = json(result);
        QCOMPARE(incident[QStringLiteral("id")].toString(), id);
        QCOMPARE(incident[QStringLiteral("title")].toString(), QStringLiteral("Login fails"));
        QCOMPARE(incident[QStringLiteral("severity")].toString(), QStringLiteral("SEV-2"));
        QCOMPARE(incident[QStringLiteral("status")].toString(), QStringLiteral("resolved"));
        QCOMPARE(incident[QStringLiteral("impact")].toString(), QStringLiteral("EU users"));
        QCOMPARE(incident[QStringLiteral("commander")].toString(), QStringLiteral("dana"));
        QCOMPARE(incident[QStringLiteral("deputy")].toString(), QStringLiteral("finn"));
        QCOMPARE(incident[QStringLiteral("scribe")].toString(), QStringLiteral("gus"));
        QCOMPARE(incident[QStringLiteral("services")].toArray().first().toString(),
                 QStringLiteral("auth"));
        QVERIFY(incident[QStringLiteral("mtta_seconds")].isDouble());
        QVERIFY(incident[QStringLiteral("mttr_seconds")].isDouble());
        const QJsonObject milestones = incident[QStringLiteral("milestones")].toObject();
        for (const char *name : {"started", "detected", "acknowledged", "mitigated", "resolved"})
            QVERIFY2(milestones[QLatin1String(name)].isString(), name);
        // ISO 8601 with an offset (Z or ±hh:mm).
        static const QRegularExpression iso(QStringLiteral(
            "^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)$"));
        QVERIFY(iso.match(milestones[QStringLiteral("started")].toString()).hasMatch());

        const QJsonArray checklist = incident[QStringLiteral("checklist")].toArray();
        QVERIFY(checklist.size() > 20);
        const QJsonObject first = checklist.first().toObject();
        for (const char *key :
             {"id", "phase", "text", "due_at", "checked_at", "checked_by", "note"})
            QVERIFY2(first.contains(QLatin1String(key)), key);
        QCOMPARE(first[QStringLiteral("checked_by")].toString(), QStringLiteral("erin"));
        QCOMPARE(first[QStringLiteral("note")].toString(), QStringLiteral("on it"));
        QVERIFY(iso.match(first[QStringLiteral("due_at")].toString()).hasMatch());

        QStringList kinds;
        for (const QJsonValue &event : incident[QStringLiteral("timeline")].toArray()) {
            const QJsonObject object = event.toObject();
            QVERIFY(iso.match(object[QStringLiteral("at")].toString()).hasMatch());
            QVERIFY(object.contains(QStringLiteral("actor")));
            kinds << object[QStringLiteral("kind")].toString();
        }
        // The first tick records the acknowledged milestone in its own event; monitoring
        // records mitigated, which ticks "Carry out the fix" by itself (done_when).
        QCOMPARE(kinds, QStringList({QStringLiteral("declared"), QStringLiteral("tick"),
                                     QStringLiteral("untick"), QStringLiteral("tick"),
                                     QStringLiteral("note"), QStringLiteral("status"),
                                     QStringLiteral("tick"), QStringLiteral("status")}));

        const QString noteId =
            incident[QStringLiteral("timeline")].toArray().at(4)[QStringLiteral("id")].toString();
        result = run({QStringLiteral("note"), id, QStringLiteral("Rolled back deploy 41"),
                      QStringLiteral("--edit"), noteId, QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const QJsonArray timeline = json(result)[QStringLiteral("timeline")].toArray();
        QVERIFY(timeline.at(4)[QStringLiteral("superseded")].toBool());
        QCOMPARE(timeline.last()[QStringLiteral("kind")].toString(), QStringLiteral("note-edited"));
        QCOMPARE(timeline.last()[QStringLiteral("supersedes")].toString(), noteId);
        result = run({QStringLiteral("note"), id, QStringLiteral("x"), QStringLiteral("--edit"),
                      timeline.first()[QStringLiteral("id")].toString()});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(QStringLiteral("automatic events are permanent")));

        result = run({QStringLiteral("show"), id});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains(QStringLiteral("MTTR")));
        QVERIFY(result.out.contains(QStringLiteral("Rolled back the deploy")));
    }

    void listShowsIncidentsAndMetrics()
    {
        const QString id = declare({QStringLiteral("--drill")});
        auto result = run({QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const QJsonArray all = QJsonDocument::fromJson(result.out.toUtf8()).array();
        QVERIFY(std::any_of(all.begin(), all.end(), [&](const QJsonValue &value) {
            return value[QStringLiteral("id")].toString() == id &&
                   value[QStringLiteral("drill")].toBool();
        }));
        result = run({QStringLiteral("list")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains(id.left(8)));
        QVERIFY(result.out.contains(QStringLiteral("Mean MTTA")));
    }

    void invalidInputIsAUsageErrorNamingTheChoices()
    {
        const QString id = declare();
        auto result = run({QStringLiteral("new"), QStringLiteral("--title"), QStringLiteral("t"),
                           QStringLiteral("--severity"), QStringLiteral("SEV-9")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(QStringLiteral("SEV-1, SEV-2, SEV-3, SEV-4")));

        result = run({QStringLiteral("status"), id, QStringLiteral("fixed")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(
            result.err.contains(QStringLiteral("investigating, identified, monitoring, resolved")));

        result = run({QStringLiteral("tick"), id, QStringLiteral("999")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(QStringLiteral("from 1 to")));

        result = run({QStringLiteral("show"), QStringLiteral("no-such-incident")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(id.left(8)));

        result = run({QStringLiteral("frobnicate")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(QStringLiteral("new, list, show")));

        result = run({QStringLiteral("milestone"), id, QStringLiteral("resolved"),
                      QStringLiteral("2000-01-01T00:00:00Z")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(QStringLiteral("cannot be before started")));
    }

    // incident snooze moves or stops the next-update reminder, always with a reason.
    void snoozeMovesOrStopsTheUpdateReminder()
    {
        const QString id = declare(); // SEV-2: an update every 30 minutes
        auto result = run({QStringLiteral("snooze"), id, QStringLiteral("45")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QStringLiteral("--reason is required")),
                 qPrintable(result.err));
        result = run({QStringLiteral("snooze"), id, QStringLiteral("soon"),
                      QStringLiteral("--reason"), QStringLiteral("x")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(QStringLiteral("neither minutes")));

        result = run({QStringLiteral("snooze"), id, QStringLiteral("45"),
                      QStringLiteral("--reason"), QStringLiteral("waiting for the vendor")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY2(result.out.startsWith(QStringLiteral("Next update snoozed until ")),
                 qPrintable(result.out));
        QVERIFY(result.out.contains(QStringLiteral("UTC: waiting for the vendor")));
        const auto shown = run({QStringLiteral("show"), id});
        const QString dueLine = shown.out.section(QStringLiteral("Next update due: "), 1, 1)
                                    .section(QLatin1Char('\n'), 0, 0);
        QVERIFY2(!dueLine.isEmpty(), qPrintable(shown.out));

        result =
            run({QStringLiteral("snooze"), id, QStringLiteral("stop"), QStringLiteral("--reason"),
                 QStringLiteral("customers informed"), QStringLiteral("--json")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const QJsonArray timeline = json(result).value(QStringLiteral("timeline")).toArray();
        QCOMPARE(timeline.last()[QStringLiteral("kind")].toString(),
                 QStringLiteral("updates-paused"));
        QCOMPARE(timeline.last()[QStringLiteral("text")].toString(),
                 QStringLiteral("No further updates needed: customers informed"));
        QVERIFY(!run({QStringLiteral("show"), id}).out.contains(QStringLiteral("Next update due")));
    }

    // incident retime moves a note to when it happened; incident callout says what the deputy
    // calls out and --done records it.
    void retimeAndCallOutFromTheTerminal()
    {
        const QString id = declare(); // SEV-2: a call-out every 15 minutes
        QVERIFY(run({QStringLiteral("note"), id, QStringLiteral("First 502s")}).exitCode == 0);
        const QJsonArray before = json(run({QStringLiteral("show"), id, QStringLiteral("--json")}))
                                      .value(QStringLiteral("timeline"))
                                      .toArray();
        const QString noteId = before.last()[QStringLiteral("id")].toString();
        auto result = run({QStringLiteral("retime"), id, noteId, QStringLiteral("yesterday")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(QStringLiteral("is not a time")));
        const QDateTime happened = QDateTime::currentDateTimeUtc().addSecs(-600);
        result = run({QStringLiteral("retime"), id, noteId, happened.toString(Qt::ISODate),
                      QStringLiteral("--reason"), QStringLiteral("the graphs"),
                      QStringLiteral("--json")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const QJsonArray timeline = json(result).value(QStringLiteral("timeline")).toArray();
        bool moved = false;
        for (const QJsonValue &event : timeline)
            moved = moved ||
                    (event[QStringLiteral("kind")].toString() == QStringLiteral("note-retimed") &&
                     event[QStringLiteral("text")].toString() == QStringLiteral("First 502s"));
        QVERIFY(moved);
        result = run({QStringLiteral("retime"), id, noteId, happened.toString(Qt::ISODate)});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QStringLiteral("not a current manual note")),
                 qPrintable(result.err));

        result = run({QStringLiteral("callout"), id});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY2(result.out.startsWith(QStringLiteral("0 min in (SEV-2, investigating).")),
                 qPrintable(result.out));
        QVERIFY(result.out.contains(QStringLiteral("Next due at ")));
        result = run({QStringLiteral("callout"), id, QStringLiteral("--done")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY(result.out.startsWith(QStringLiteral("Call-out: 0 min in")));
        const QJsonObject due =
            QJsonDocument::fromJson(
                run({QStringLiteral("callout"), id, QStringLiteral("--json")}).out.toUtf8())
                .object();
        QVERIFY(QDateTime::fromString(due[QStringLiteral("due_at")].toString(), Qt::ISODate) >
                QDateTime::currentDateTimeUtc().addSecs(14 * 60));
    }

    // incident role and incident handover: who does what, command only by a handover.
    void rolesAndHandoverFromTheTerminal()
    {
        const QString id = declare(); // commander dana
        auto result =
            run({QStringLiteral("role"), id, QStringLiteral("scribe"), QStringLiteral("Kim")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QCOMPARE(result.out.trimmed(), QStringLiteral("Scribe: Kim"));
        result = run({QStringLiteral("role"), id, QStringLiteral("expert"), QStringLiteral("Dana"),
                      QStringLiteral("Lee")});
        QCOMPARE(result.out.trimmed(), QStringLiteral("Experts: Dana, Lee"));
        result = run({QStringLiteral("role"), id, QStringLiteral("janitor"), QStringLiteral("X")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(QStringLiteral("valid: commander, deputy")));
        result =
            run({QStringLiteral("role"), id, QStringLiteral("commander"), QStringLiteral("Kim")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(QStringLiteral("handover")));
        result = run({QStringLiteral("handover"), id});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(QStringLiteral("--to is required")));
        result = run({QStringLiteral("handover"), id, QStringLiteral("--to"), QStringLiteral("Kim"),
                      QStringLiteral("--note"), QStringLiteral("rollback half done")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QCOMPARE(result.out.trimmed(),
                 QStringLiteral("Command handed over from dana to Kim: rollback half done"));
        const auto shown = run({QStringLiteral("show"), id});
        QVERIFY2(shown.out.contains(QStringLiteral("Roles:     Commander Kim · Scribe Kim · "
                                                   "Experts Dana, Lee")),
                 qPrintable(shown.out));
    }

    void repeatingAChangeIsNotAnError()
    {
        const QString id = declare();
        QCOMPARE(run({QStringLiteral("tick"), id, QStringLiteral("2")}).exitCode, 0);
        // Exit 3 is for an unreadable database; "it is so already" is success, said plainly.
        auto again = run({QStringLiteral("tick"), id, QStringLiteral("2")});
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.contains(QStringLiteral("already ticked")) &&
                     again.out.contains(QStringLiteral("nothing changed")),
                 qPrintable(again.out + again.err));
        QCOMPARE(run({QStringLiteral("status"), id, QStringLiteral("identified")}).exitCode, 0);
        again = run({QStringLiteral("status"), id, QStringLiteral("identified")});
        QCOMPARE(again.exitCode, 0);
        QVERIFY(again.out.contains(QStringLiteral("nothing changed")));
        // The timeline holds each change once.
        const QJsonArray timeline =
            json(run({QStringLiteral("show"), id, QStringLiteral("--json")}))
                .value(QStringLiteral("timeline"))
                .toArray();
        QCOMPARE(timeline.size(), 3);
        // A milestone in the future is a refused input (2), not a data error (3).
        const auto future =
            run({QStringLiteral("milestone"), id, QStringLiteral("resolved"),
                 QDateTime::currentDateTimeUtc().addDays(364).toString(Qt::ISODate)});
        QCOMPARE(future.exitCode, 2);
        QVERIFY(future.err.contains(QStringLiteral("in the future")));
    }

    void theActorFollowsOneRule()
    {
        const QString id = declare();
        // An explicitly empty --by is refused, never recorded as nobody.
        auto result = run({QStringLiteral("note"), id, QStringLiteral("x"), QStringLiteral("--by"),
                           QStringLiteral("  ")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QStringLiteral("--by needs a name")), qPrintable(result.err));

        // Without --by: the name from the settings (the same one the window uses), not $USER.
        const QString dataDir = qEnvironmentVariable("INCIDENT_CONSOLE_DATA_DIR");
        {
            Settings settings(dataDir);
            settings.set(settings::commanderName, QStringLiteral("Ana Lima"));
            QVERIFY(settings.sync());
        }
        QCOMPARE(run({QStringLiteral("note"), id, QStringLiteral("from the shell")}).exitCode, 0);
        {
            Settings settings(dataDir);
            settings.set(settings::commanderName, QString());
            QVERIFY(settings.sync());
        }
        const QJsonArray timeline =
            json(run({QStringLiteral("show"), id, QStringLiteral("--json")}))
                .value(QStringLiteral("timeline"))
                .toArray();
        QCOMPARE(timeline.last()[QStringLiteral("actor")].toString(), QStringLiteral("Ana Lima"));
        QCOMPARE(timeline.size(), 2);
    }

    void badSeverityFileIsReportedAndDefaultsWork()
    {
        const QString dataDir = qEnvironmentVariable("INCIDENT_CONSOLE_DATA_DIR");
        const QString file = QDir(dataDir).filePath(QStringLiteral("severity.yaml"));
        QVERIFY(test::writeFile(file, "name: Broken\nlevels:\n  - id: A\n"));
        const auto result =
            run({QStringLiteral("new"), QStringLiteral("--title"), QStringLiteral("t"),
                 QStringLiteral("--severity"), QStringLiteral("SEV-3")});
        QFile::remove(file);
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.err.contains(QStringLiteral("severity.yaml:3: missing field 'definition'")),
                 qPrintable(result.err));
    }
};

QTEST_GUILESS_MAIN(TestIncidentCli)
#include "test_incident_cli.moc"

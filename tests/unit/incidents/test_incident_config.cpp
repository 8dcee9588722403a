#include "TestSupport.h"
#include "core/Settings.h"
#include "incidents/IncidentConfig.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace ic;
using namespace ic::incidents;

class TestIncidentConfig : public QObject
{
    Q_OBJECT

    QString dataDir() const { return qEnvironmentVariable("INCIDENT_CONSOLE_DATA_DIR"); }
    QString userFile(const QString &name) const { return QDir(dataDir()).filePath(name); }

private Q_SLOTS:
    void settingsChooseTheShippedScheme()
    {
        QTemporaryDir dir;
        {
            Settings settings(dir.path());
            settings.set(settings::severityScheme, QStringLiteral("p0"));
            QVERIFY(settings.sync());
        }
        QCOMPARE(loadIncidentConfig(dir.path()).severities.levels.front().id, QStringLiteral("P0"));
        Settings(dir.path()).set(settings::severityScheme, QStringLiteral("nonsense"));
        QCOMPARE(loadIncidentConfig(dir.path()).severities.levels.front().id,
                 QStringLiteral("SEV-1"));
    }

    void init()
    {
        QDir().mkpath(dataDir());
        QFile::remove(userFile(QStringLiteral("severity.yaml")));
        QFile::remove(userFile(QStringLiteral("checklist.yaml")));
    }

    void defaultSeveritySchemeHasTheSeedFacts()
    {
        const IncidentConfig config = loadIncidentConfig(dataDir());
        QVERIFY(config.problems.isEmpty());
        QCOMPARE(config.severities.ids(),
                 QStringList({QStringLiteral("SEV-1"), QStringLiteral("SEV-2"),
                              QStringLiteral("SEV-3"), QStringLiteral("SEV-4")}));
        const QList<qint64> targets{15 * 60, 3600, 4 * 3600, 24 * 3600};
        const QList<qint64> cadence{20 * 60, 30 * 60, 60 * 60, 0};
        const QList<qint64> callOuts{10 * 60, 15 * 60, 30 * 60, 0};
        for (int i = 0; i < 4; ++i) {
            const SeverityLevel &level = config.severities.levels[size_t(i)];
            QCOMPARE(level.responseTargetSeconds, targets[i]);
            QCOMPARE(level.updateEverySeconds, cadence[i]);
            QCOMPARE(level.callOutEverySeconds, callOuts[i]);
            QVERIFY(!level.definition.isEmpty());
            QVERIFY(!level.escalation.empty());
        }
        const auto &ladder = config.severities.levels[0].escalation;
        QCOMPARE(ladder.back().afterSeconds, qint64(3600));
        // The seeds' Critical path: primary, then secondary within minutes, then the lead.
        QStringList calls;
        for (const EscalationStep &step : ladder)
            calls << step.call;
        QCOMPARE(calls,
                 (QStringList{QStringLiteral("primary-on-call"),
                              QStringLiteral("secondary-on-call"), QStringLiteral("team-lead"),
                              QStringLiteral("engineering-manager"), QStringLiteral("vendor")}));
        const SeverityLevel &critical = config.severities.levels[0];
        QCOMPARE(critical.nextEscalation(0)->call, QStringLiteral("secondary-on-call"));
        QCOMPARE(critical.nextEscalation(15 * 60 - 1)->call, QStringLiteral("team-lead"));
        QCOMPARE(critical.nextEscalation(15 * 60)->call, QStringLiteral("engineering-manager"));
        QVERIFY(!critical.nextEscalation(3600));
    }

    void everyShippedStepNamesTheRoleItCalls()
    {
        for (const char *name : {"sev", "p0", "p1"}) {
            const auto scheme = shippedSeverityScheme(QString::fromLatin1(name));
            QVERIFY(scheme);
            for (const SeverityLevel &level : scheme->levels) {
                for (const EscalationStep &step : level.escalation)
                    QVERIFY2(!step.call.isEmpty(),
                             qPrintable(level.id + QLatin1Char(' ') + step.step));
            }
        }
    }

    void escalationCallMustBeARoleName()
    {
        QString error;
        const auto scheme = parseSeverityScheme(
            "name: X\nlevels:\n  - id: A\n    definition: d\n    response_target: 5m\n"
            "    escalation:\n      - { after: 5m, step: Call them, call: The Boss }\n",
            QStringLiteral("severity.yaml"), &error);
        QVERIFY(!scheme);
        QVERIFY2(error.startsWith(QStringLiteral("severity.yaml:7: field 'call'")),
                 qPrintable(error));
    }

    void checklistItemsNameTheRoleTheyCall()
    {
        const IncidentConfig config = loadIncidentConfig(dataDir());
        QStringList calls;
        for (const TemplateItem &item : config.checklist.items) {
            if (!item.call.isEmpty())
                calls << item.call;
        }
        // The escalation items of the commander's checklist: team lead at 15 min, outside
        // support at 60 min, as the seed runbooks' ladders have it.
        QCOMPARE(calls, (QStringList{QStringLiteral("team-lead"), QStringLiteral("vendor")}));
        const SeverityLevel &critical = config.severities.levels[0];
        QCOMPARE(critical.extraItems.front().text,
                 QStringLiteral("Inform management of the incident"));
        QCOMPARE(critical.extraItems.front().call, QStringLiteral("engineering-manager"));

        QString error;
        QVERIFY(!parseChecklistTemplate("name: X\nphases:\n  - name: P\n    items:\n"
                                        "      - { text: Ring them, call: Team Lead }\n",
                                        QStringLiteral("checklist.yaml"), &error));
        QVERIFY2(error.startsWith(QStringLiteral("checklist.yaml:5: field 'call'")),
                 qPrintable(error));
    }

    void shippedAlternativesParse()
    {
        QCOMPARE(shippedSeverityScheme(QStringLiteral("p0"))->ids().first(), QStringLiteral("P0"));
        QCOMPARE(shippedSeverityScheme(QStringLiteral("p1"))->ids().last(), QStringLiteral("P4"));
        QCOMPARE(shippedSeverityScheme(QStringLiteral("p1"))->levels[0].responseTargetSeconds,
                 qint64(15 * 60));
    }

    void defaultChecklistHasFourPhases()
    {
        const IncidentConfig config = loadIncidentConfig(dataDir());
        QCOMPARE(config.checklist.phases.size(), 4);
        QVERIFY(config.checklist.items.size() >= 20);
        QCOMPARE(config.checklist.items.front().due.kind, DueRule::Kind::Offset);
        QCOMPARE(config.checklist.items.front().due.offsetSeconds, qint64(300));
        QCOMPARE(config.checklist.items.front().milestone, QStringLiteral("acknowledged"));
    }

    void userFilesOverride()
    {
        QVERIFY(test::writeFile(userFile(QStringLiteral("severity.yaml")),
                                "name: Ours\nlevels:\n"
                                "  - id: Major\n    definition: Big\n    response_target: 10m\n"
                                "    update_every: 15m\n"
                                "  - id: Minor\n    definition: Small\n    response_target: 1d\n"
                                "    update_every: none\n"));
        QVERIFY(test::writeFile(userFile(QStringLiteral("checklist.yaml")),
                                "name: Short\nphases:\n  - name: Only\n    items:\n"
                                "      - { text: Do it, due: response_target }\n"));
        const IncidentConfig config = loadIncidentConfig(dataDir());
        QVERIFY(config.problems.isEmpty());
        QCOMPARE(config.severities.ids(),
                 QStringList({QStringLiteral("Major"), QStringLiteral("Minor")}));
        QCOMPARE(config.severities.levels[1].updateEverySeconds, qint64(0));
        QCOMPARE(config.checklist.phases, QStringList({QStringLiteral("Only")}));
        QCOMPARE(config.checklist.items.front().due.kind, DueRule::Kind::ResponseTarget);
    }

    void badFilesAreReportedAndDefaultsStillLoad_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("severity: bad duration")
            << QStringLiteral("severity.yaml")
            << QByteArray("name: X\nlevels:\n  - id: A\n    definition: d\n"
                          "    response_target: soon\n")
            << QStringLiteral("severity.yaml:5: field 'response_target': 'soon' is not a duration");
        QTest::newRow("severity: missing definition")
            << QStringLiteral("severity.yaml")
            << QByteArray("name: X\nlevels:\n  - id: A\n    response_target: 5m\n")
            << QStringLiteral("severity.yaml:3: missing field 'definition'");
        QTest::newRow("severity: syntax")
            << QStringLiteral("severity.yaml") << QByteArray("name: X\nlevels: [\n  - id: A\n")
            << QStringLiteral("severity.yaml:");
        QTest::newRow("checklist: unknown milestone")
            << QStringLiteral("checklist.yaml")
            << QByteArray("name: C\nphases:\n  - name: P\n    items:\n"
                          "      - text: t\n        milestone: fixed\n")
            << QStringLiteral("checklist.yaml:6: field 'milestone': 'fixed' is not one of");
        QTest::newRow("checklist: no items")
            << QStringLiteral("checklist.yaml") << QByteArray("name: C\nphases:\n  - name: P\n")
            << QStringLiteral("checklist.yaml:3: "
                              "missing field "
                              "'items'");
    }

    void badFilesAreReportedAndDefaultsStillLoad()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QVERIFY(test::writeFile(userFile(file), content));
        const IncidentConfig config = loadIncidentConfig(dataDir());
        QCOMPARE(config.problems.size(), 1);
        QVERIFY2(config.problems.first().contains(expected), qPrintable(config.problems.first()));
        QVERIFY(config.problems.first().contains(QStringLiteral("using the built-in defaults")));
        QCOMPARE(config.severities.levels.size(), size_t(4));
        QCOMPARE(config.checklist.phases.size(), 4);
    }
};

QTEST_GUILESS_MAIN(TestIncidentConfig)
#include "test_incident_config.moc"

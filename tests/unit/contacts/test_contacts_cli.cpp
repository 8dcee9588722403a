#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace ic;

namespace {

// A weekly primary rota handing over on Mondays at 09:00 in Berlin, a fixed team lead, and
// a holiday override; summer time in Berlin starts on Sunday 29 March 2026.
const QByteArray contacts =
    "people:\n"
    "  - { id: ana, name: Ana Lima, phone: \"+49 30 1234567\", email: ana@example.com, chat: "
    "\"@ana\", tz: Europe/Berlin }\n"
    "  - { id: ben, name: Ben Okafor, phone: \"+1 415 555 0100\", chat: \"@ben\", tz: "
    "America/Los_Angeles, notes: Prefers a call }\n"
    "  - { id: dana, name: Dana Park, phone: \"+44 20 7946 0000\", tz: Europe/London, roles: "
    "[team-lead] }\n"
    "rotas:\n"
    "  - { role: primary-on-call, people: [ana, ben], every: 7d, handover: "
    "\"2026-03-02T09:00:00\", tz: Europe/Berlin }\n"
    "overrides:\n"
    "  - { role: team-lead, person: ben, from: \"2026-04-01T00:00:00Z\", until: "
    "\"2026-04-03T00:00:00Z\" }\n";

// The reader's zone is fixed so the offsets in the output are known.
const QMap<QString, QString> inBerlin{{QStringLiteral("TZ"), QStringLiteral("Europe/Berlin")}};

QJsonArray parseArray(const QString &out)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(out.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        qWarning("not a JSON array: %s", qPrintable(out.left(300)));
    return document.array();
}

QJsonObject roleIn(const QJsonArray &roles, const QString &name)
{
    for (const QJsonValue &role : roles) {
        if (role[QStringLiteral("role")].toString() == name)
            return role.toObject();
    }
    return {};
}

} // namespace

class TestContactsCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;
    QString m_dataDir;

    test::RunResult run(QStringList args, const QString &dataDir = {})
    {
        args << QStringLiteral("--data-dir") << (dataDir.isEmpty() ? m_dataDir : dataDir);
        return test::runConsole(args, inBerlin);
    }

    QJsonArray oncallAt(const QString &time)
    {
        const auto result =
            run({QStringLiteral("oncall"), QStringLiteral("--at"), time, QStringLiteral("--json")});
        if (result.exitCode != 0 || !result.err.isEmpty())
            qWarning("oncall --at %s: %d %s", qPrintable(time), result.exitCode,
                     qPrintable(result.err));
        return parseArray(result.out);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_dataDir = m_root.filePath(QStringLiteral("data"));
        QVERIFY(QDir().mkpath(m_dataDir));
        QVERIFY(test::writeFile(m_dataDir + QStringLiteral("/contacts.yaml"), contacts));
    }

    void helpDescribesBothCommands()
    {
        const auto contactsHelp = run({QStringLiteral("contacts"), QStringLiteral("--help")});
        QCOMPARE(contactsHelp.exitCode, 0);
        QVERIFY(contactsHelp.out.startsWith(QStringLiteral("Usage: incident-console contacts")));
        QVERIFY(contactsHelp.out.contains(QStringLiteral("ROLE")));
        const auto oncallHelp = run({QStringLiteral("oncall"), QStringLiteral("--help")});
        QCOMPARE(oncallHelp.exitCode, 0);
        QVERIFY(oncallHelp.out.contains(QStringLiteral("--at <TIME>")));
        const auto top = test::runConsole({QStringLiteral("--help")});
        QVERIFY(top.out.contains(QStringLiteral("oncall")));
        QVERIFY(top.out.contains(QStringLiteral("contacts")));
    }

    void firstUseWritesTheDefaultAndListsNobody()
    {
        const QString fresh = m_root.filePath(QStringLiteral("fresh"));
        const auto json = run({QStringLiteral("contacts"), QStringLiteral("--json")}, fresh);
        QCOMPARE(json.exitCode, 0);
        QVERIFY2(json.err.isEmpty(), qPrintable(json.err));
        QCOMPARE(parseArray(json.out).size(), 0);
        QCOMPARE(test::unixMode(fresh + QStringLiteral("/contacts.yaml")), 0600);
        const auto text = run({QStringLiteral("oncall")}, fresh);
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("No contacts yet")), qPrintable(text.out));
        QVERIFY(text.out.contains(fresh + QStringLiteral("/contacts.yaml")));
    }

    void contactsJsonListsPeopleWithTheirRoles()
    {
        const auto result = run({QStringLiteral("contacts"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const QJsonArray people = parseArray(result.out);
        QCOMPARE(people.size(), 3);
        const QJsonObject ana = people.at(0).toObject();
        QCOMPARE(ana[QStringLiteral("id")].toString(), QStringLiteral("ana"));
        QCOMPARE(ana[QStringLiteral("phone")].toString(), QStringLiteral("+49 30 1234567"));
        QCOMPARE(ana[QStringLiteral("email")].toString(), QStringLiteral("ana@example.com"));
        QCOMPARE(ana[QStringLiteral("chat")].toString(), QStringLiteral("@ana"));
        QCOMPARE(ana[QStringLiteral("tz")].toString(), QStringLiteral("Europe/Berlin"));
        QVERIFY(ana[QStringLiteral("notes")].isNull());
        QCOMPARE(ana[QStringLiteral("roles")].toArray(),
                 QJsonArray{QStringLiteral("primary-on-call")});
        QCOMPARE(people.at(1)[QStringLiteral("roles")].toArray(),
                 (QJsonArray{QStringLiteral("primary-on-call"), QStringLiteral("team-lead")}));
        QVERIFY(people.at(2)[QStringLiteral("email")].isNull());
    }

    void contactsForARoleListsOnlyItsPeople()
    {
        const auto json = run(
            {QStringLiteral("contacts"), QStringLiteral("team-lead"), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonArray people = parseArray(json.out);
        QCOMPARE(people.size(), 2);
        QCOMPARE(people.at(0)[QStringLiteral("id")].toString(), QStringLiteral("ben"));
        QCOMPARE(people.at(1)[QStringLiteral("id")].toString(), QStringLiteral("dana"));
        const auto text = run({QStringLiteral("contacts"), QStringLiteral("team-lead")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("phone +44 20 7946 0000")), qPrintable(text.out));
        QVERIFY(text.out.contains(QStringLiteral("notes: Prefers a call")));
        const auto unknown = run({QStringLiteral("contacts"), QStringLiteral("legal")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains(QStringLiteral("no role 'legal'")), qPrintable(unknown.err));
        QVERIFY(unknown.err.contains(QStringLiteral("primary-on-call, team-lead")));
    }

    // `oncall --json` agrees with the rota across a hand-over and the change to summer time.
    void oncallFollowsTheRotaAcrossHandOverAndDaylightSaving()
    {
        const QJsonArray beforeHandOver = oncallAt(QStringLiteral("2026-03-30T08:59:59+02:00"));
        QCOMPARE(beforeHandOver.size(), 2);
        const QJsonObject primary = roleIn(beforeHandOver, QStringLiteral("primary-on-call"));
        QCOMPARE(primary[QStringLiteral("person")][QStringLiteral("id")].toString(),
                 QStringLiteral("ben"));
        QCOMPARE(primary[QStringLiteral("source")].toString(), QStringLiteral("rota"));
        // The hand-over stays at 09:00 Berlin time, now +02:00 (07:00 UTC, not 08:00).
        QCOMPARE(primary[QStringLiteral("until")].toString(),
                 QStringLiteral("2026-03-30T09:00:00+02:00"));
        const QJsonObject after = roleIn(oncallAt(QStringLiteral("2026-03-30T07:00:00Z")),
                                         QStringLiteral("primary-on-call"));
        QCOMPARE(after[QStringLiteral("person")][QStringLiteral("id")].toString(),
                 QStringLiteral("ana"));
        QCOMPARE(after[QStringLiteral("until")].toString(),
                 QStringLiteral("2026-04-06T09:00:00+02:00"));
        // Before the change the same hand-over was 08:00 UTC.
        QCOMPARE(roleIn(oncallAt(QStringLiteral("2026-03-20T12:00")),
                        QStringLiteral("primary-on-call"))[QStringLiteral("until")]
                     .toString(),
                 QStringLiteral("2026-03-23T09:00:00+01:00"));
    }

    void oncallShowsFixedRolesAndOverrides()
    {
        const QJsonObject lead = roleIn(oncallAt(QStringLiteral("2026-03-31T12:00:00+02:00")),
                                        QStringLiteral("team-lead"));
        const QJsonObject dana = lead[QStringLiteral("person")].toObject();
        QCOMPARE(dana[QStringLiteral("name")].toString(), QStringLiteral("Dana Park"));
        QCOMPARE(dana[QStringLiteral("phone")].toString(), QStringLiteral("+44 20 7946 0000"));
        QCOMPARE(dana[QStringLiteral("tz")].toString(), QStringLiteral("Europe/London"));
        QCOMPARE(lead[QStringLiteral("until")].toString(),
                 QStringLiteral("2026-04-01T02:00:00+02:00"));
        const QJsonObject holiday =
            roleIn(oncallAt(QStringLiteral("2026-04-02T12:00:00Z")), QStringLiteral("team-lead"));
        QCOMPARE(holiday[QStringLiteral("source")].toString(), QStringLiteral("override"));
        QCOMPARE(holiday[QStringLiteral("person")][QStringLiteral("id")].toString(),
                 QStringLiteral("ben"));
        const QJsonObject back =
            roleIn(oncallAt(QStringLiteral("2026-04-04T12:00:00Z")), QStringLiteral("team-lead"));
        QCOMPARE(back[QStringLiteral("source")].toString(), QStringLiteral("fixed"));
        QVERIFY(back[QStringLiteral("until")].isNull());
    }

    void oncallTextNamesPersonHowToReachAndTheirTime()
    {
        const auto result = run(
            {QStringLiteral("oncall"), QStringLiteral("--at"), QStringLiteral("2026-03-31T12:00")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains(QStringLiteral("primary-on-call: Ana Lima (ana) [rota]")),
                 qPrintable(result.out));
        QVERIFY(result.out.contains(QStringLiteral("until Mon 2026-04-06 09:00 CEST")));
        QVERIFY(result.out.contains(QStringLiteral("phone +49 30 1234567 · email ana@example.com "
                                                   "· chat @ana")));
        QVERIFY(result.out.contains(QStringLiteral("team-lead: Dana Park (dana) [fixed]")));
        QVERIFY(result.out.contains(QStringLiteral("(Wed 01:00 in Europe/London)")));
    }

    void badTimeIsAUsageError()
    {
        const auto result =
            run({QStringLiteral("oncall"), QStringLiteral("--at"), QStringLiteral("tomorrowish")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QStringLiteral("--at: 'tomorrowish' is not a time")),
                 qPrintable(result.err));
        const auto extra = run({QStringLiteral("oncall"), QStringLiteral("now")});
        QCOMPARE(extra.exitCode, 2);
    }

    // A broken entry is a warning naming file, line and field; the rest is still answered.
    void brokenEntriesWarnAndTheRestAnswers()
    {
        const QString dataDir = m_root.filePath(QStringLiteral("broken"));
        QVERIFY(QDir().mkpath(dataDir));
        QVERIFY(test::writeFile(dataDir + QStringLiteral("/contacts.yaml"),
                                "people:\n"
                                "  - { id: ana, name: Ana Lima, tz: Europe/Berlinn }\n"
                                "roles:\n"
                                "  team-lead: [ana, zoe]\n"));
        const auto result = run({QStringLiteral("oncall"), QStringLiteral("--json")}, dataDir);
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.err.contains(QStringLiteral("contacts.yaml:2: people[0].tz: unknown time "
                                                    "zone")),
                 qPrintable(result.err));
        QVERIFY(result.err.contains(QStringLiteral("contacts.yaml:4: roles.team-lead[1]: no "
                                                   "person has the id 'zoe'")));
        const QJsonArray roles = parseArray(result.out);
        QCOMPARE(roles.size(), 1);
        QCOMPARE(roles.at(0)[QStringLiteral("person")][QStringLiteral("id")].toString(),
                 QStringLiteral("ana"));
    }

    // A team's runbook folder can carry the directory.
    void runbookFolderContactsAreRead()
    {
        const QString runbooks = m_root.filePath(QStringLiteral("team-runbooks"));
        QVERIFY(QDir().mkpath(runbooks));
        QVERIFY(test::writeFile(runbooks + QStringLiteral("/contacts.yaml"),
                                "people:\n  - { id: sec, name: Security desk, phone: \"+1 555 "
                                "0100\", roles: [security] }\n"));
        const auto result = run({QStringLiteral("contacts"), QStringLiteral("security"),
                                 QStringLiteral("--json"), QStringLiteral("--runbooks"), runbooks});
        QCOMPARE(result.exitCode, 0);
        const QJsonArray people = parseArray(result.out);
        QCOMPARE(people.size(), 1);
        QCOMPARE(people.at(0)[QStringLiteral("name")].toString(), QStringLiteral("Security desk"));
    }
    // {{contacts}} names the commander and whoever holds the roles the severity's ladder
    // calls; a template that does not ask gets none of it, nor do the export and the logs.
    // incident tick on an escalation item records whoever holds its role now, or the person
    // --called names; an item that calls nobody refuses --called.
    void tickOfAnEscalationItemRecordsWhoWasCalled()
    {
        const QString dataDir = m_root.filePath(QStringLiteral("ticks"));
        QVERIFY(QDir().mkpath(dataDir));
        QVERIFY(test::writeFile(dataDir + QStringLiteral("/contacts.yaml"),
                                "people:\n"
                                "  - { id: dana, name: Dana Park, phone: \"+44 20 7946 0000\" }\n"
                                "roles:\n"
                                "  team-lead: [dana]\n"));
        const auto declared =
            run({QStringLiteral("incident"), QStringLiteral("new"), QStringLiteral("--title"),
                 QStringLiteral("Search down"), QStringLiteral("--severity"),
                 QStringLiteral("SEV-1"), QStringLiteral("--json")},
                dataDir);
        QVERIFY2(declared.exitCode == 0, qPrintable(declared.err));
        const QJsonObject incident = QJsonDocument::fromJson(declared.out.toUtf8()).object();
        const QString id = incident.value(QStringLiteral("id")).toString();
        const auto numberOf = [&incident](const QString &start) {
            for (const QJsonValue &item : incident.value(QStringLiteral("checklist")).toArray()) {
                if (item[QStringLiteral("text")].toString().startsWith(start))
                    return QString::number(item[QStringLiteral("number")].toInt());
            }
            return QString();
        };
        const QString teamLead = numberOf(QStringLiteral("Escalate: bring in the team lead"));
        const QString management = numberOf(QStringLiteral("Inform management"));
        const QString plain = numberOf(QStringLiteral("Find the root cause"));
        QVERIFY(!teamLead.isEmpty() && !management.isEmpty() && !plain.isEmpty());

        const auto shown = run({QStringLiteral("incident"), QStringLiteral("show"), id}, dataDir);
        QVERIFY2(shown.out.contains(
                     QStringLiteral("Escalate: bring in the team lead if not under control  "
                                    "(due ")),
                 qPrintable(shown.out));
        QVERIFY(shown.out.contains(QStringLiteral(")  calls team-lead\n")));

        const auto ticked =
            run({QStringLiteral("incident"), QStringLiteral("tick"), id, teamLead}, dataDir);
        QVERIFY2(ticked.exitCode == 0, qPrintable(ticked.err));
        QCOMPARE(ticked.out, QStringLiteral("[x] Escalate: bring in the team lead if not under "
                                            "control — called Dana Park\n"));

        const auto instead =
            run({QStringLiteral("incident"), QStringLiteral("tick"), id, management,
                 QStringLiteral("--called"), QStringLiteral("Lee Chen"), QStringLiteral("--json")},
                dataDir);
        QVERIFY2(instead.exitCode == 0, qPrintable(instead.err));
        const QJsonArray timeline = QJsonDocument::fromJson(instead.out.toUtf8())
                                        .object()
                                        .value(QStringLiteral("timeline"))
                                        .toArray();
        const QJsonObject last = timeline.last().toObject();
        QCOMPARE(last.value(QStringLiteral("text")).toString(),
                 QStringLiteral("Done: Inform management of the incident — called Lee Chen "
                                "(engineering-manager)"));
        QCOMPARE(last[QStringLiteral("data")][QStringLiteral("called")].toString(),
                 QStringLiteral("Lee Chen"));
        QCOMPARE(timeline.at(timeline.size() - 2)[QStringLiteral("data")][QStringLiteral("called")]
                     .toString(),
                 QStringLiteral("Dana Park"));
        // The number stays in contacts.yaml.
        QVERIFY(!instead.out.contains(QStringLiteral("7946")));

        const auto refused = run({QStringLiteral("incident"), QStringLiteral("tick"), id, plain,
                                  QStringLiteral("--called"), QStringLiteral("Lee Chen")},
                                 dataDir);
        QVERIFY(refused.exitCode != 0);
        QVERIFY2(refused.err.contains(QStringLiteral("item %1 calls nobody").arg(plain)),
                 qPrintable(refused.err));
    }

    void draftsNameContactsOnlyWhenTheTemplateAsks()
    {
        const QString dataDir = m_root.filePath(QStringLiteral("drafts"));
        QVERIFY(QDir().mkpath(dataDir + QStringLiteral("/templates")));
        QVERIFY(test::writeFile(dataDir + QStringLiteral("/contacts.yaml"),
                                "people:\n"
                                "  - { id: kim, name: Kim Chen, chat: \"@kim\", phone: \"+1 555 "
                                "0101\" }\n"
                                "  - { id: ana, name: Ana Lima, chat: \"@ana\", phone: \"+49 30 "
                                "1234567\" }\n"
                                "  - { id: dana, name: Dana Park, phone: \"+44 20 7946 0000\" }\n"
                                "roles:\n"
                                "  secondary-on-call: [ana]\n"
                                "  team-lead: [dana]\n"));
        QVERIFY(test::writeFile(dataDir + QStringLiteral("/templates/call-list.mustache"),
                                "{{! Call list: whom to call }}\n"
                                "{{#contacts}}\n"
                                "{{role}}: {{name}}{{#handle}} ({{handle}}){{/handle}}\n"
                                "{{/contacts}}\n"));
        const auto declared =
            run({QStringLiteral("incident"), QStringLiteral("new"), QStringLiteral("--title"),
                 QStringLiteral("Checkout down"), QStringLiteral("--severity"),
                 QStringLiteral("SEV-1"), QStringLiteral("--commander"), QStringLiteral("Kim Chen"),
                 QStringLiteral("--json"), QStringLiteral("--log-level"), QStringLiteral("debug")},
                dataDir);
        QVERIFY2(declared.exitCode == 0, qPrintable(declared.err));
        const QString id = QJsonDocument::fromJson(declared.out.toUtf8())
                               .object()
                               .value(QStringLiteral("id"))
                               .toString();
        const auto draft = run({QStringLiteral("draft"), id, QStringLiteral("call-list"),
                                QStringLiteral("--format"), QStringLiteral("text"),
                                QStringLiteral("--log-level"), QStringLiteral("debug")},
                               dataDir);
        QVERIFY2(draft.out.contains(QStringLiteral("commander: Kim Chen (@kim)\n"
                                                   "secondary-on-call: Ana Lima (@ana)\n"
                                                   "team-lead: Dana Park\n")),
                 qPrintable(draft.out + draft.err));
        const auto initial =
            run({QStringLiteral("draft"), id, QStringLiteral("initial"), QStringLiteral("--format"),
                 QStringLiteral("text"), QStringLiteral("--log-level"), QStringLiteral("debug")},
                dataDir);
        const QString exportPath = m_root.filePath(QStringLiteral("export.md"));
        const auto exported = run({QStringLiteral("export"), id, QStringLiteral("--format"),
                                   QStringLiteral("md"), QStringLiteral("--output"), exportPath},
                                  dataDir);
        QCOMPARE(exported.exitCode, 0);
        QFile exportFile(exportPath);
        QVERIFY(exportFile.open(QIODevice::ReadOnly));
        const QString exportText = QString::fromUtf8(exportFile.readAll());
        QVERIFY(exportText.contains(QStringLiteral("Checkout down")));
        QString logs;
        const QDir logDir(dataDir + QStringLiteral("/logs"));
        for (const QString &name : logDir.entryList(QDir::Files)) {
            QFile log(logDir.filePath(name));
            QVERIFY(log.open(QIODevice::ReadOnly));
            logs += QString::fromUtf8(log.readAll());
        }
        QVERIFY(!logs.isEmpty());
        for (const QString &personal :
             {QStringLiteral("1234567"), QStringLiteral("@ana"), QStringLiteral("Dana Park")}) {
            QVERIFY2(!initial.out.contains(personal), qPrintable(initial.out));
            QVERIFY(!exportText.contains(personal));
            QVERIFY2(!logs.contains(personal), qPrintable(personal));
            QVERIFY(!draft.err.contains(personal));
        }
    }
};

QTEST_GUILESS_MAIN(TestContactsCli)
#include "test_contacts_cli.moc"

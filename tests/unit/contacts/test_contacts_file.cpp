#include "TestSupport.h"
#include "contacts/ContactsFile.h"
#include "contacts/ContactsLoader.h"
#include "contacts/OnCall.h"
#include "core/DataDir.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace ic;
using namespace ic::contacts;

namespace {

// DESIGN.md's example, as a team writes it.
const QByteArray example =
    "people:\n"
    "  - { id: ana, name: Ana Lima, phone: \"+49 30 1234567\", email: ana@example.com, chat: "
    "\"@ana\", tz: Europe/Berlin }\n"
    "  - { id: ben, name: Ben Okafor, phone: \"+1 415 555 0100\", chat: \"@ben\", tz: "
    "America/Los_Angeles }\n"
    "  - { id: dana, name: Dana Park, phone: \"+44 20 7946 0000\", chat: \"@dana\", tz: "
    "Europe/London }\n"
    "roles:\n"
    "  team-lead: [dana]\n"
    "  engineering-manager: [ben]\n"
    "rotas:\n"
    "  - { role: primary-on-call, people: [ana, ben], every: 7d, handover: "
    "\"2026-11-30T09:00:00+01:00\" }\n";

const Problem *problemFor(const QList<Problem> &problems, const QString &field)
{
    for (const Problem &problem : problems) {
        if (problem.field == field)
            return &problem;
    }
    return nullptr;
}

QString describe(const QList<Problem> &problems)
{
    QStringList lines;
    for (const Problem &problem : problems)
        lines << problem.toString();
    return lines.join(QLatin1Char('\n'));
}

Directory mergeOne(const QByteArray &yaml)
{
    const QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("contacts.yaml"));
    test::writeFile(path, yaml);
    return loadDirectory(dir.path(), {}, QDateTime::currentDateTimeUtc());
}

} // namespace

class TestContactsFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void designExampleReads()
    {
        const ContactsFile file =
            parseContactsFile(example, QStringLiteral("contacts.yaml"), QStringLiteral("/x"));
        QVERIFY2(file.problems.isEmpty(), qPrintable(describe(file.problems)));
        QCOMPARE(file.people.size(), 3);
        const Person &ana = file.people.at(0);
        QCOMPARE(ana.id, QStringLiteral("ana"));
        QCOMPARE(ana.name, QStringLiteral("Ana Lima"));
        QCOMPARE(ana.phone, QStringLiteral("+49 30 1234567"));
        QCOMPARE(ana.email, QStringLiteral("ana@example.com"));
        QCOMPARE(ana.chat, QStringLiteral("@ana"));
        QCOMPARE(ana.tz, QStringLiteral("Europe/Berlin"));
        QCOMPARE(ana.line, 2);
        QCOMPARE(file.fixedRoles.size(), 2);
        QCOMPARE(file.rotas.size(), 1);
        QCOMPARE(file.rotas.at(0).rota.every, std::chrono::seconds(7 * 24 * 3600));
        QCOMPARE(file.rotas.at(0).rota.handover,
                 QDateTime(QDate(2026, 11, 30), QTime(8, 0), QTimeZone::utc()));
    }

    void mergedRolesComeInEscalationOrder()
    {
        const Directory directory = mergeOne(example);
        QVERIFY2(directory.problems.isEmpty(), qPrintable(describe(directory.problems)));
        QCOMPARE(directory.roleNames(),
                 (QStringList{QStringLiteral("primary-on-call"), QStringLiteral("team-lead"),
                              QStringLiteral("engineering-manager")}));
        QCOMPARE(directory.rolesOf(QStringLiteral("ben")),
                 (QStringList{QStringLiteral("primary-on-call"),
                              QStringLiteral("engineering-manager")}));
    }

    // One bad field or entry is reported with file, line and field; everything else stays.
    void brokenEntriesAreReportedAndTheRestStays()
    {
        const QByteArray yaml =
            "people:\n"
            "  - { id: ana, name: Ana Lima, tz: Mars/Olympus, phone: call me }\n"
            "  - { id: ben, name: Ben Okafor, fax: \"123\" }\n"
            "  - { id: ana, name: Another Ana }\n"
            "  - { id: nameless }\n"
            "  - { name: Dana Park, email: not-an-address }\n"
            "roles:\n"
            "  team-lead: [dana-park, zoe]\n"
            "  Bad Role: [ben]\n"
            "rotas:\n"
            "  - { role: primary-on-call, people: [ana, ghost], every: 7d, "
            "handover: \"2026-11-30T09:00:00\" }\n"
            "  - { role: secondary-on-call, people: [ben], every: 5, "
            "handover: \"2026-11-30T09:00:00Z\" }\n"
            "  - { role: secondary-on-call, people: [ben], every: 1d, "
            "handover: \"2026-11-30T09:00:00\", tz: Europe/Berlin }\n"
            "calendars:\n"
            "  - { role: vendor, ics: \"https://example.com/oncall.ics\" }\n"
            "overrides:\n"
            "  - { role: team-lead, person: ben, from: \"2026-12-02T00:00Z\", "
            "until: \"2026-12-01T00:00Z\" }\n"
            "  - { role: team-lead, person: nobody, from: \"2026-12-01T00:00Z\", "
            "until: \"2026-12-02T00:00Z\" }\n"
            "colour: blue\n";
        const Directory directory = mergeOne(yaml);
        const QList<Problem> &problems = directory.problems;
        const auto expect = [&](const QString &field, int line, const QString &words) {
            const Problem *problem = problemFor(problems, field);
            QVERIFY2(problem,
                     qPrintable(field + QStringLiteral(" not in:\n") + describe(problems)));
            QCOMPARE(problem->line, line);
            QVERIFY2(problem->message.contains(words), qPrintable(problem->toString()));
            QVERIFY(problem->file.endsWith(QStringLiteral("contacts.yaml")));
        };
        expect(QStringLiteral("people[0].tz"), 2, QStringLiteral("time zone"));
        expect(QStringLiteral("people[0].phone"), 2, QStringLiteral("phone number"));
        expect(QStringLiteral("people[1].fax"), 3, QStringLiteral("unknown field"));
        expect(QStringLiteral("people[2].id"), 4, QStringLiteral("unique"));
        expect(QStringLiteral("people[3].name"), 5, QStringLiteral("missing"));
        expect(QStringLiteral("people[4].email"), 6, QStringLiteral("e-mail"));
        expect(QStringLiteral("roles.team-lead[1]"), 8, QStringLiteral("'zoe'"));
        expect(QStringLiteral("roles.Bad Role"), 9, QStringLiteral("lower-case"));
        expect(QStringLiteral("rotas[0].handover"), 11, QStringLiteral("offset"));
        expect(QStringLiteral("rotas[1].every"), 12, QStringLiteral("duration"));
        expect(QStringLiteral("calendars[0].ics"), 15, QStringLiteral("never fetched"));
        expect(QStringLiteral("overrides[0].until"), 17, QStringLiteral("later"));
        expect(QStringLiteral("overrides[1].person"), 18, QStringLiteral("'nobody'"));
        expect(QStringLiteral("colour"), 19, QStringLiteral("unknown field"));
        // The rest is usable: Ana without her bad fields, Ben, Dana with an id from her name.
        QCOMPARE(directory.people.size(), 3);
        QVERIFY(directory.person(QStringLiteral("ana"))->tz.isEmpty());
        QVERIFY(directory.person(QStringLiteral("ana"))->phone.isEmpty());
        QCOMPARE(directory.person(QStringLiteral("dana-park"))->name, QStringLiteral("Dana Park"));
        const RoleDefinition *lead = directory.role(QStringLiteral("team-lead"));
        QVERIFY(lead);
        QCOMPARE(lead->holders, QStringList{QStringLiteral("dana-park")});
        const RoleDefinition *secondary = directory.role(QStringLiteral("secondary-on-call"));
        QVERIFY(secondary);
        QCOMPARE(secondary->source, Source::Rota);
        QCOMPARE(directory.rotas.at(secondary->rota).every, std::chrono::seconds(86400));
        QVERIFY(!directory.role(QStringLiteral("primary-on-call")));
        // No problem message repeats a phone number or an address it refused.
        QVERIFY(!describe(problems).contains(QStringLiteral("call me")));
        QVERIFY(!describe(problems).contains(QStringLiteral("not-an-address")));
    }

    void notYamlIsOneProblemWithItsLine()
    {
        const ContactsFile file =
            parseContactsFile("people:\n  - { name: [unclosed\n", QStringLiteral("c.yaml"), {});
        QCOMPARE(file.problems.size(), 1);
        QVERIFY(file.problems.at(0).line >= 2);
        QVERIFY(file.problems.at(0).message.contains(QStringLiteral("YAML")));
        const ContactsFile list = parseContactsFile("- a\n- b\n", QStringLiteral("c.yaml"), {});
        QCOMPARE(list.problems.size(), 1);
        QVERIFY(list.problems.at(0).message.contains(QStringLiteral("mapping")));
    }

    void firstUseWritesAPrivateCommentedDefault()
    {
        const QTemporaryDir dir;
        QVERIFY(ensureDefaultContacts(dir.path()).isEmpty());
        const QString path = contactsPath(dir.path());
        QCOMPARE(test::unixMode(path), 0600);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("# people:"));
        QVERIFY(text.contains("rotas:"));
        const Directory directory = loadDirectory(dir.path(), {}, QDateTime::currentDateTime());
        QVERIFY2(directory.problems.isEmpty(), qPrintable(describe(directory.problems)));
        QVERIFY(directory.people.isEmpty());
        // Once the user has edited it, a later start leaves it as it is.
        QVERIFY(test::writeFile(path, "people: []\n"));
        QVERIFY(ensureDefaultContacts(dir.path()).isEmpty());
        QCOMPARE(test::fileHash(path),
                 QCryptographicHash::hash("people: []\n", QCryptographicHash::Sha256));
    }

    void defaultExampleWorksWhenUncommented()
    {
        QFile source(QStringLiteral(":/contacts/contacts.yaml"));
        QVERIFY(source.open(QIODevice::ReadOnly));
        QByteArray yaml;
        bool inExample = false;
        for (const QByteArray &line : source.readAll().split('\n')) {
            inExample = inExample || line.startsWith("# people:");
            if (inExample && line.startsWith('#'))
                yaml += line.mid(line.startsWith("# ") ? 2 : 1) + '\n';
        }
        const ContactsFile file = parseContactsFile(yaml, QStringLiteral("default"), {});
        QVERIFY2(file.problems.isEmpty(), qPrintable(describe(file.problems)));
        QCOMPARE(file.people.size(), 4);
        QCOMPARE(file.rotas.size(), 1);
        QCOMPARE(file.calendars.size(), 1);
        QCOMPARE(file.overrides.size(), 1);
    }

    // A team keeps contacts.yaml in its runbook folder; the data dir's own file corrects it.
    void dataDirFileReplacesRunbookFolderDefinitions()
    {
        const QTemporaryDir dataDir;
        const QTemporaryDir runbooks;
        QVERIFY(test::writeFile(runbooks.filePath(QStringLiteral("contacts.yaml")), example));
        QVERIFY(test::writeFile(contactsPath(dataDir.path()),
                                "people:\n"
                                "  - { id: ben, name: Ben Okafor, phone: \"+1 415 555 0199\" }\n"
                                "  - { id: eve, name: Eve Adams, roles: [team-lead] }\n"));
        const Directory directory =
            loadDirectory(dataDir.path(), {runbooks.path()}, QDateTime::currentDateTime());
        QVERIFY2(directory.problems.isEmpty(), qPrintable(describe(directory.problems)));
        QCOMPARE(directory.files.size(), 2);
        QCOMPARE(directory.people.size(), 4);
        QCOMPARE(directory.person(QStringLiteral("ben"))->phone, QStringLiteral("+1 415 555 0199"));
        QCOMPARE(directory.role(QStringLiteral("team-lead"))->holders,
                 QStringList{QStringLiteral("eve")});
        QCOMPARE(directory.role(QStringLiteral("engineering-manager"))->holders,
                 QStringList{QStringLiteral("ben")});
        QCOMPARE(directory.role(QStringLiteral("primary-on-call"))->source, Source::Rota);
    }

    // contacts.yaml decides whom the commander calls: a file others can change is not used.
    void fileOthersCanChangeIsRefused()
    {
        const QTemporaryDir dataDir;
        const QString path = contactsPath(dataDir.path());
        QVERIFY(test::writeFile(path, example));
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner |
                                                QFile::ReadGroup | QFile::WriteGroup));
        const Directory directory = loadDirectory(dataDir.path(), {}, QDateTime::currentDateTime());
        QVERIFY(directory.people.isEmpty());
        QCOMPARE(directory.problems.size(), 1);
        QCOMPARE(directory.problems.at(0).file, path);
        QVERIFY2(directory.problems.at(0).message.contains(QStringLiteral("0660")),
                 qPrintable(directory.problems.at(0).toString()));
    }

    // Personal data: an existing contacts.yaml or calendar export others can read is made
    // private with the rest of the data dir.
    void dataDirMakesContactsPrivate()
    {
        const QTemporaryDir root;
        const QString dataDir = root.filePath(QStringLiteral("data"));
        QVERIFY(QDir().mkpath(dataDir));
        QVERIFY(test::writeFile(contactsPath(dataDir), example));
        QVERIFY(test::writeFile(dataDir + QStringLiteral("/oncall.ics"), "BEGIN:VCALENDAR\n"));
        for (const QString &name : {QStringLiteral("contacts.yaml"), QStringLiteral("oncall.ics")})
            QVERIFY(QFile::setPermissions(dataDir + QLatin1Char('/') + name,
                                          QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                              QFile::ReadOther));
        QVERIFY(ensureDataDir(dataDir).ok());
        QCOMPARE(test::unixMode(contactsPath(dataDir)), 0600);
        QCOMPARE(test::unixMode(dataDir + QStringLiteral("/oncall.ics")), 0600);
    }

    void overrideForAnUndefinedRoleDefinesIt()
    {
        const Directory directory =
            mergeOne("people:\n  - { id: ana, name: Ana Lima }\n"
                     "overrides:\n  - { role: legal, person: ana, from: \"2026-12-01T00:00Z\", "
                     "until: \"2026-12-02T00:00Z\" }\n");
        QVERIFY2(directory.problems.isEmpty(), qPrintable(describe(directory.problems)));
        const RoleDefinition *legal = directory.role(QStringLiteral("legal"));
        QVERIFY(legal);
        const Holding during = holdingAt(
            directory, *legal, QDateTime(QDate(2026, 12, 1), QTime(12, 0), QTimeZone::utc()));
        QCOMPARE(during.personId, QStringLiteral("ana"));
        QCOMPARE(during.source, Source::Override);
        const Holding after = holdingAt(
            directory, *legal, QDateTime(QDate(2026, 12, 3), QTime(12, 0), QTimeZone::utc()));
        QVERIFY(!after.isHeld());
    }
};

QTEST_GUILESS_MAIN(TestContactsFile)
#include "test_contacts_file.moc"

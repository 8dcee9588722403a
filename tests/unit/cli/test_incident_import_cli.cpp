#include "TestSupport.h"
#include "incidents/IncidentImport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace ic;

// export → import into another data dir → export, through the real executable.
class TestIncidentImportCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;

    QString dataDir(const QString &name) const { return m_root.filePath(name); }
    QString file(const QString &name) const { return m_root.filePath(name); }

    static test::RunResult run(const QString &dataDir, const QStringList &args)
    {
        return test::runConsole(QStringList{QStringLiteral("--data-dir"), dataDir} + args);
    }

    static QByteArray read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    test::RunResult exportJson(const QString &dataDir, const QString &id, const QString &name)
    {
        return run(dataDir, {QStringLiteral("export"), id, QStringLiteral("--format"),
                             QStringLiteral("json"), QStringLiteral("--output"), file(name)});
    }

    QString m_id;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        const QString source = dataDir(QStringLiteral("source"));
        const auto declared =
            run(source,
                {QStringLiteral("incident"), QStringLiteral("new"), QStringLiteral("--title"),
                 QStringLiteral("Login fails"), QStringLiteral("--severity"),
                 QStringLiteral("SEV-2"), QStringLiteral("--service"), QStringLiteral("auth"),
                 QStringLiteral("--deputy"), QStringLiteral("finn"), QStringLiteral("--drill")});
        QVERIFY2(declared.exitCode == 0, qPrintable(declared.err));
        m_id = declared.out.trimmed();
        for (const QStringList &change :
             {QStringList{QStringLiteral("tick"), m_id, QStringLiteral("1"),
                          QStringLiteral("--note"), QStringLiteral("on it")},
              QStringList{QStringLiteral("tick"), m_id, QStringLiteral("2")},
              QStringList{QStringLiteral("tick"), m_id, QStringLiteral("2"),
                          QStringLiteral("--undo")},
              QStringList{QStringLiteral("note"), m_id, QStringLiteral("TODO: add an alert")},
              QStringList{QStringLiteral("status"), m_id, QStringLiteral("resolved")}}) {
            const auto result = run(source, QStringList{QStringLiteral("incident")} + change);
            QVERIFY2(result.exitCode == 0,
                     qPrintable(change.join(QLatin1Char(' ')) + QStringLiteral(": ") + result.err));
        }
        const auto exported = exportJson(source, m_id, QStringLiteral("source.json"));
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
    }

    void exportImportExportIsByteIdentical()
    {
        const QString target = dataDir(QStringLiteral("target"));
        const auto imported = run(target, {QStringLiteral("incident"), QStringLiteral("import"),
                                           file(QStringLiteral("source.json"))});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QCOMPARE(imported.out.trimmed(), m_id);
        const auto again = exportJson(target, m_id, QStringLiteral("target.json"));
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        const QByteArray original = read(file(QStringLiteral("source.json")));
        QVERIFY(original.size() > 1000);
        QCOMPARE(read(file(QStringLiteral("target.json"))), original);

        // A second import is refused (exit 1) and leaves the data dir as it was.
        const auto twice = run(target, {QStringLiteral("incident"), QStringLiteral("import"),
                                        file(QStringLiteral("source.json"))});
        QCOMPARE(twice.exitCode, 1);
        QVERIFY2(twice.err.contains(file(QStringLiteral("source.json"))) &&
                     twice.err.contains(QStringLiteral("incident %1").arg(m_id)) &&
                     twice.err.contains(QStringLiteral("already exists")) &&
                     twice.err.contains(QStringLiteral("nothing imported")),
                 qPrintable(twice.err));
        QVERIFY(exportJson(target, m_id, QStringLiteral("after.json")).exitCode == 0);
        QCOMPARE(read(file(QStringLiteral("after.json"))), original);
    }

    void jsonOutputIsTheIncident()
    {
        const auto imported = run(dataDir(QStringLiteral("json")),
                                  {QStringLiteral("incident"), QStringLiteral("import"),
                                   file(QStringLiteral("source.json")), QStringLiteral("--json")});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        const QJsonObject incident = QJsonDocument::fromJson(imported.out.toUtf8()).object();
        QCOMPARE(incident[QStringLiteral("id")].toString(), m_id);
        QCOMPARE(incident[QStringLiteral("status")].toString(), QStringLiteral("resolved"));
        QCOMPARE(incident[QStringLiteral("drill")].toBool(), true);
    }

    void badFileIsAUsageErrorNamingFileAndPlace()
    {
        const QString broken = file(QStringLiteral("broken.json"));
        QFile f(broken);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(read(file(QStringLiteral("source.json"))).left(200));
        f.close();
        const QString target = dataDir(QStringLiteral("bad"));
        auto result = run(target, {QStringLiteral("incident"), QStringLiteral("import"), broken});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.startsWith(QStringLiteral("incident-console incident import: %1: "
                                                      "line ")
                                           .arg(broken)) &&
                     result.err.contains(QStringLiteral("not valid JSON")),
                 qPrintable(result.err));

        result = run(target, {QStringLiteral("incident"), QStringLiteral("import"),
                              file(QStringLiteral("missing.json"))});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(
                     QStringLiteral("cannot read %1").arg(file(QStringLiteral("missing.json")))),
                 qPrintable(result.err));
        QCOMPARE(run(target, {QStringLiteral("incident"), QStringLiteral("list")})
                     .out.count(QStringLiteral("Login fails")),
                 0);
    }

    // A file past the import limit is refused before it is read into memory.
    void fileOverTheLimitIsRefusedUnread()
    {
        const QString huge = file(QStringLiteral("huge.json"));
        QFile f(huge);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(incidents::maxImportFileBytes + 1)); // sparse: no disk is used
        f.close();
        const auto result = run(dataDir(QStringLiteral("huge")),
                                {QStringLiteral("incident"), QStringLiteral("import"), huge});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QStringLiteral("%1: 268,435,457 bytes, more than the "
                                                    "268,435,456 an import reads; nothing "
                                                    "imported")
                                         .arg(huge)),
                 qPrintable(result.err));
    }
};

QTEST_GUILESS_MAIN(TestIncidentImportCli)
#include "test_incident_import_cli.moc"

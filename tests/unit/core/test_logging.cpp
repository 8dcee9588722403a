#include "TestSupport.h"
#include "core/Logging.h"

#include <QTemporaryDir>
#include <QtTest>
#include <spdlog/spdlog.h>

using namespace ic;

class TestLogging : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesDefaultAndPerLoggerLevels()
    {
        QString error;
        const auto spec =
            log::parseLevelSpec(QStringLiteral("info,health=debug, storage=warning"), &error);
        QVERIFY2(spec, qPrintable(error));
        QCOMPARE(spec->defaultLevel, spdlog::level::info);
        QCOMPARE(spec->perLogger.at("health"), spdlog::level::debug);
        QCOMPARE(spec->perLogger.at("storage"), spdlog::level::warn);
    }

    void rejectsUnknownLevelNamingTheValidOnes()
    {
        QString error;
        QVERIFY(!log::parseLevelSpec(QStringLiteral("loud"), &error));
        QVERIFY(error.contains(QStringLiteral("loud")));
        QVERIFY(error.contains(QStringLiteral("debug")));
    }

    void rejectsUnknownLoggerNamingTheValidOnes()
    {
        QString error;
        QVERIFY(!log::parseLevelSpec(QStringLiteral("info,healht=debug"), &error));
        QVERIFY(error.contains(QStringLiteral("healht")));
        QVERIFY(error.contains(QStringLiteral("health")));
    }

    void rejectsEmptySpec()
    {
        QString error;
        QVERIFY(!log::parseLevelSpec(QStringLiteral(" , "), &error));
        QVERIFY(!error.isEmpty());
    }

    void writesNamedLoggersAndQtMessagesToTheFile()
    {
        QTemporaryDir dir;
        log::Options options;
        options.logDir = dir.filePath(QStringLiteral("logs"));
        QString error;
        options.levels = *log::parseLevelSpec(QStringLiteral("warn,health=debug"), &error);
        QCOMPARE(log::setup(options), QString());
        log::get(log::Health)->debug("probe detail {}", 42);
        log::get(log::Storage)->info("storage chatter that the level hides");
        qWarning("a warning from Qt");
        spdlog::apply_all([](const std::shared_ptr<spdlog::logger> &l) { l->flush(); });

        QFile file(log::logFilePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY2(text.contains(QStringLiteral("[health]")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("probe detail 42")));
        QVERIFY(!text.contains(QStringLiteral("storage chatter")));
        QVERIFY(text.contains(QStringLiteral("a warning from Qt")));
        QVERIFY(text.contains(QStringLiteral("[qt]")));
        qInstallMessageHandler(nullptr);
    }

    void unwritableLogDirIsReportedNotFatal()
    {
        QTemporaryDir dir;
        const QString blocker = dir.filePath(QStringLiteral("file"));
        QVERIFY(test::writeFile(blocker, "x"));
        log::Options options;
        options.logDir = blocker + QStringLiteral("/logs");
        const QString problem = log::setup(options);
        QVERIFY(problem.contains(blocker));
        log::get(log::Core)->warn("still logging to stderr");
        QCOMPARE(log::logFilePath(), QString());
        qInstallMessageHandler(nullptr);
    }
};

QTEST_GUILESS_MAIN(TestLogging)
#include "test_logging.moc"

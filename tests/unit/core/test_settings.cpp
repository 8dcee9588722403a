#include "core/Settings.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace ic;

class TestSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsApplyToAFreshDataDir()
    {
        QTemporaryDir dir;
        const Settings settings(dir.path());
        QCOMPARE(settings.get(settings::theme), QStringLiteral("system"));
        QCOMPARE(settings.get(settings::severityScheme), QStringLiteral("sev"));
        QCOMPARE(settings.get(settings::notifications), true);
        QVERIFY(settings.get(settings::runbookFolders).isEmpty());
    }

    void everyKeyRoundTripsThroughTheFile()
    {
        QTemporaryDir dir;
        {
            Settings settings(dir.path());
            for (const SettingSample &sample : allSettings())
                settings.setRaw(sample.key, sample.sample);
            QVERIFY(settings.sync());
        }
        const Settings reread(dir.path());
        for (const SettingSample &sample : allSettings()) {
            QVariant value = reread.raw(sample.key);
            // INI files store text; convert back as the typed accessor does.
            QVERIFY2(value.convert(sample.sample.metaType()), sample.key);
            QCOMPARE(value, sample.sample);
        }
        QCOMPARE(reread.get(settings::severityScheme), QStringLiteral("p0"));
        QCOMPARE(reread.get(settings::notifications), false);
        QCOMPARE(reread.get(settings::runbookFolders).size(), 2);
    }

    void typedSetIsReadBack()
    {
        QTemporaryDir dir;
        Settings settings(dir.path());
        settings.set(settings::commanderName, QStringLiteral("Jo"));
        settings.set(settings::theme, QStringLiteral("light"));
        QVERIFY(settings.sync());
        const Settings reread(dir.path());
        QCOMPARE(reread.get(settings::commanderName), QStringLiteral("Jo"));
        QCOMPARE(reread.get(settings::theme), QStringLiteral("light"));
    }

    void samplesDifferFromDefaults()
    {
        // Otherwise the round-trip test could pass without writing anything.
        QTemporaryDir dir;
        const Settings fresh(dir.path());
        for (const SettingSample &sample : allSettings())
            QVERIFY2(!fresh.raw(sample.key).isValid(), sample.key);
        QCOMPARE(allSettings().size(), std::size_t(8));
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "test_settings.moc"

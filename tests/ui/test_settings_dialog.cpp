#include "TestSupport.h"
#include "core/Settings.h"
#include "ui/SettingsDialog.h"
#include "ui/Theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QSignalSpy>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QTemporaryDir>
#include <QtTest>

using namespace ic;
using namespace ic::ui;

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The checklist's open items are unchecked boxes: in the dark theme each must stand out
    // from the dark background (Fusion alone outlined them in almost the background colour).
    void darkThemeDrawsVisibleCheckBoxes()
    {
        const QPalette palette = ui::darkPalette();
        const std::unique_ptr<QStyle> style(ui::darkStyle());
        const QColor base = palette.color(QPalette::Base);
        for (const auto element :
             {QStyle::PE_IndicatorItemViewItemCheck, QStyle::PE_IndicatorCheckBox}) {
            QImage image(20, 20, QImage::Format_RGB32);
            image.fill(base);
            QStyleOptionViewItem option;
            option.rect = QRect(2, 2, 16, 16);
            option.palette = palette;
            option.state = QStyle::State_Enabled | QStyle::State_Off;
            QPainter painter(&image);
            style->drawPrimitive(element, &option, &painter);
            painter.end();
            int visible = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x)
                    if (qAbs(qGray(image.pixel(x, y)) - qGray(base.rgb())) > 60)
                        ++visible;
            QVERIFY2(visible >= 40, qPrintable(QStringLiteral("%1 pixels stand out").arg(visible)));
        }
    }

    void initTestCase() { qunsetenv("INCIDENT_CONSOLE_SLACK_WEBHOOK"); }

    void everyFieldIsSavedAndShownAgain()
    {
        QTemporaryDir dir;
        Settings settings(dir.path());
        {
            SettingsDialog dialog(settings, dir.path());
            dialog.findChild<QListWidget *>(QStringLiteral("settingsRunbookFolders"))
                ->addItem(QStringLiteral("/srv/runbooks"));
            auto *scheme = dialog.findChild<QComboBox *>(QStringLiteral("settingsSeverityScheme"));
            scheme->setCurrentIndex(scheme->findData(QStringLiteral("p0")));
            dialog.findChild<QLineEdit *>(QStringLiteral("settingsCommander"))
                ->setText(QStringLiteral("Ana Lima"));
            dialog.findChild<QLineEdit *>(QStringLiteral("settingsWebhook"))
                ->setText(QStringLiteral("https://hooks.example.com/services/T/B/SECRET"));
            auto *theme = dialog.findChild<QComboBox *>(QStringLiteral("settingsTheme"));
            theme->setCurrentIndex(theme->findData(QStringLiteral("dark")));
            dialog.findChild<QCheckBox *>(QStringLiteral("settingsNotifications"))
                ->setChecked(false);
            QSignalSpy themeChanged(&dialog, &SettingsDialog::themeChanged);
            QVERIFY(dialog.save());
            QCOMPARE(themeChanged.size(), 1);
        }
        const Settings reread(dir.path());
        QCOMPARE(reread.get(settings::runbookFolders),
                 QStringList{QStringLiteral("/srv/runbooks")});
        QCOMPARE(reread.get(settings::severityScheme), QStringLiteral("p0"));
        QCOMPARE(reread.get(settings::commanderName), QStringLiteral("Ana Lima"));
        QCOMPARE(reread.get(settings::theme), QStringLiteral("dark"));
        QCOMPARE(reread.get(settings::notifications), false);

        // The webhook is a secret: in its own 0600 file, not in settings.ini.
        QFile ini(reread.fileName());
        QVERIFY(ini.open(QIODevice::ReadOnly));
        QVERIFY(!ini.readAll().contains("SECRET"));
        QCOMPARE(test::unixMode(dir.filePath(QStringLiteral("slack-webhook.secret"))), 0600);

        Settings again(dir.path());
        SettingsDialog shown(again, dir.path());
        QCOMPARE(shown.findChild<QLineEdit *>(QStringLiteral("settingsCommander"))->text(),
                 QStringLiteral("Ana Lima"));
        QVERIFY(shown.findChild<QLineEdit *>(QStringLiteral("settingsWebhook"))
                    ->text()
                    .endsWith(QStringLiteral("SECRET")));
        QVERIFY(shown.findChild<QLabel *>(QStringLiteral("settingsWebhookStorage"))
                    ->text()
                    .contains(QStringLiteral("slack-webhook.secret")));
    }

    void insecureWebhookIsRefusedAndNothingIsSaved()
    {
        QTemporaryDir dir;
        Settings settings(dir.path());
        SettingsDialog dialog(settings, dir.path());
        dialog.findChild<QLineEdit *>(QStringLiteral("settingsCommander"))
            ->setText(QStringLiteral("Jo"));
        dialog.findChild<QLineEdit *>(QStringLiteral("settingsWebhook"))
            ->setText(QStringLiteral("http://hooks.example.com/x"));
        QVERIFY(!dialog.save());
        auto *problem = dialog.findChild<QLabel *>(QStringLiteral("settingsProblem"));
        QVERIFY(problem->text().contains(QStringLiteral("https")));
        QVERIFY(Settings(dir.path()).get(settings::commanderName).isEmpty());
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("slack-webhook.secret"))));
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "test_settings_dialog.moc"

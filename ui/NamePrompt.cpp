#include "NamePrompt.h"

#include "IncidentHeader.h"
#include "MainWindow.h"
#include "core/Settings.h"
#include "incidents/Actor.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ic::ui {

NamePrompt::NamePrompt(const QString &dataDir, QWidget *parent)
    : QFrame(parent), m_dataDir(dataDir), m_name(new QLineEdit(incidents::accountFullName(), this))
{
    setObjectName(QStringLiteral("namePrompt"));
    setAccessibleName(tr("Your name"));
    auto *label = new QLabel(
        tr("<b>Who are you?</b> Ticks, notes and new incidents are recorded under this name."),
        this);
    label->setWordWrap(true);
    label->setBuddy(m_name);
    m_name->setObjectName(QStringLiteral("namePromptName"));
    m_name->setMaxLength(120);
    // Room for a full name even in a narrow header.
    m_name->setMinimumWidth(m_name->fontMetrics().averageCharWidth() * 18);
    auto *save = new QPushButton(tr("Use this name"), this);
    save->setObjectName(QStringLiteral("namePromptSave"));
    auto *later = new QPushButton(tr("Not now"), this);
    later->setObjectName(QStringLiteral("namePromptLater"));
    later->setToolTip(tr("Changes are recorded under the account's login name; Settings "
                         "sets a name any time."));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(label);
    auto *row = new QHBoxLayout;
    layout->addLayout(row);
    row->addWidget(m_name, 1);
    row->addWidget(save);
    row->addWidget(later);
    connect(save, &QPushButton::clicked, this, [this] { answer(true); });
    connect(m_name, &QLineEdit::returnPressed, this, [this] { answer(true); });
    connect(later, &QPushButton::clicked, this, [this] { answer(false); });
    connect(m_name, &QLineEdit::textChanged, save,
            [save](const QString &text) { save->setEnabled(!text.trimmed().isEmpty()); });
    save->setEnabled(!m_name->text().trimmed().isEmpty());
}

bool NamePrompt::isNeeded(const QString &dataDir)
{
    const Settings settings(dataDir);
    return !settings.get(settings::nameAsked) &&
           settings.get(settings::commanderName).trimmed().isEmpty();
}

void NamePrompt::answer(bool keepName)
{
    const QString name = m_name->text().simplified();
    if (keepName && name.isEmpty())
        return;
    Settings settings(m_dataDir);
    settings.set(settings::nameAsked, true);
    if (keepName)
        settings.set(settings::commanderName, name);
    settings.sync();
    hide();
    if (keepName)
        Q_EMIT saved();
}

void installNamePrompt(MainWindow &window, const QString &dataDir)
{
    if (!NamePrompt::isNeeded(dataDir))
        return;
    auto *prompt = new NamePrompt(dataDir, window.header());
    window.header()->addRow(prompt);
    QObject::connect(prompt, &NamePrompt::saved, &window, &MainWindow::settingsSaved);
}

} // namespace ic::ui

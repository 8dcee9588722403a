#include "EscalationStrip.h"

#include "ActiveIncident.h"
#include "ElidedLabel.h"
#include "IncidentHeader.h"
#include "MainWindow.h"
#include "contacts/ContactsLoader.h"
#include "contacts/TemplateContacts.h"
#include "core/AsyncTask.h"
#include "core/Duration.h"
#include "core/Logging.h"
#include "core/Settings.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>

namespace ic::ui {
namespace {

// Rotas and calendars are read again this often, so hand-overs and edits show up.
constexpr int reloadEveryMs = 5 * 60 * 1000;

// Phone, e-mail and chat handle, those the directory has.
QString reachOf(const contacts::Person &person)
{
    QStringList ways;
    for (const QString &way : {person.phone, person.email, person.chat}) {
        if (!way.isEmpty())
            ways << way;
    }
    return ways.join(QStringLiteral(" · "));
}

// Who holds a role now and how to reach them, for the checklist's escalation items.
ActiveIncident::RoleHolder roleHolder(const contacts::Directory &directory, const QString &role)
{
    const contacts::RoleDefinition *definition = directory.role(role);
    if (!definition)
        return {};
    const contacts::Holding holding =
        contacts::holdingAt(directory, *definition, QDateTime::currentDateTime());
    const contacts::Person *person = directory.person(holding.personId);
    return person ? ActiveIncident::RoleHolder{person->name, reachOf(*person)}
                  : ActiveIncident::RoleHolder{holding.shownName, {}};
}

} // namespace

EscalationStrip::EscalationStrip(ActiveIncident &incident, QWidget *parent)
    : QFrame(parent), m_incident(incident), m_step(new ElidedLabel(this)),
      m_person(new ElidedLabel(this)), m_reach(new ElidedLabel(this))
{
    setObjectName(QStringLiteral("escalationStrip"));
    setAccessibleName(tr("Next escalation step"));
    m_step->setObjectName(QStringLiteral("escalationStep"));
    m_person->setObjectName(QStringLiteral("escalationPerson"));
    m_reach->setObjectName(QStringLiteral("escalationReach"));
    m_reach->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_step);
    row->addWidget(m_person, 1);
    row->addWidget(m_reach);
    addCopy(QStringLiteral("escalationCopyPhone"), tr("Copy &phone"), Qt::Key_P,
            &contacts::Person::phone, tr("phone number"));
    addCopy(QStringLiteral("escalationCopyEmail"), tr("Copy &e-mail"), Qt::Key_E,
            &contacts::Person::email, tr("e-mail address"));
    addCopy(QStringLiteral("escalationCopyChat"), tr("Copy c&hat handle"), Qt::Key_H,
            &contacts::Person::chat, tr("chat handle"));
    for (QAction *action : m_actions) {
        auto *button = new QToolButton(this);
        button->setObjectName(action->objectName() + QStringLiteral("Button"));
        button->setDefaultAction(action);
        button->hide();
        row->addWidget(button);
        m_buttons.append(button);
    }
    hide();
}

QAction *EscalationStrip::addCopy(const QString &objectName, const QString &text, int key,
                                  QString contacts::Person::*field, const QString &what)
{
    auto *action = new QAction(text, this);
    action->setObjectName(objectName);
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | key));
    action->setShortcutContext(Qt::WindowShortcut);
    action->setEnabled(false);
    connect(action, &QAction::triggered, this, [this, field, what] {
        const contacts::Person *person = holder();
        if (!person || (person->*field).isEmpty())
            return;
        QGuiApplication::clipboard()->setText(person->*field);
        Q_EMIT copied(tr("%1's %2 copied").arg(person->name, what));
    });
    m_actions.append(action);
    return action;
}

QList<QAction *> EscalationStrip::copyActions() const
{
    return m_actions;
}

void EscalationStrip::setDirectory(contacts::Directory directory)
{
    m_directory = std::move(directory);
    m_loaded = true;
    m_holding = {};
    QStringList problems;
    for (const contacts::Problem &problem : m_directory.problems)
        problems << problem.toString();
    setToolTip(problems.join(QLatin1Char('\n')));
    updateClocks();
}

const contacts::Person *EscalationStrip::holder() const
{
    return m_directory.person(m_holding.personId);
}

void EscalationStrip::updateClocks()
{
    const incidents::SeverityLevel *level =
        m_incident.hasIncident() && m_incident.incident().isOpen()
            ? m_incident.severities().level(m_incident.incident().severity)
            : nullptr;
    if (!level || level->escalation.empty()) {
        hide();
        return;
    }
    const QDateTime now = QDateTime::currentDateTime();
    const qint64 elapsed =
        m_incident.incident().milestone(incidents::Milestone::Started).secsTo(now);
    const incidents::EscalationStep *next = level->nextEscalation(elapsed);
    const incidents::EscalationStep &step = next ? *next : level->escalation.back();
    m_step->setText(
        next ? tr("Next escalation in %1: %2")
                   .arg(formatClock(std::chrono::seconds(step.afterSeconds - elapsed)), step.step)
             : tr("Last escalation step: %1").arg(step.step));
    const contacts::RoleDefinition *role = m_directory.role(step.call);
    if (role &&
        (m_holding.role != step.call || (m_holding.until.isValid() && now >= m_holding.until)))
        m_holding = contacts::holdingAt(m_directory, *role, now);
    if (!role)
        m_holding = {};
    const contacts::Person *person = holder();
    if (step.call.isEmpty())
        m_person->clear();
    else if (!m_loaded)
        m_person->setText(tr("%1: reading contacts…").arg(step.call));
    else if (person) {
        const QString theirTime =
            person->tz.isEmpty()
                ? QString()
                : tr(" · their time %1 (%2)")
                      .arg(now.toTimeZone(person->timeZone()).toString(QStringLiteral("HH:mm")),
                           person->tz);
        m_person->setText(tr("call %1: %2%3").arg(step.call, person->name, theirTime));
    } else if (m_holding.isHeld())
        m_person->setText(
            tr("call %1: %2 (not in contacts.yaml)").arg(step.call, m_holding.shownName));
    else
        m_person->setText(tr("call %1: nobody holds it now (see contacts.yaml)").arg(step.call));
    m_reach->setText(person ? reachOf(*person) : QString());
    m_actions.at(0)->setEnabled(person && !person->phone.isEmpty());
    m_actions.at(1)->setEnabled(person && !person->email.isEmpty());
    m_actions.at(2)->setEnabled(person && !person->chat.isEmpty());
    for (qsizetype i = 0; i < m_buttons.size(); ++i)
        m_buttons.at(i)->setVisible(m_actions.at(i)->isEnabled());
    show();
}

void installEscalation(MainWindow &window, ActiveIncident *incident, const QString &dataDir,
                       const QStringList &runbookDirs)
{
    auto *strip = new EscalationStrip(*incident, window.header());
    window.header()->addRow(strip);
    window.addActions(strip->copyActions());
    QObject::connect(incident, &ActiveIncident::changed, strip, &EscalationStrip::updateClocks);
    incident->setContactsProvider([strip, incident](const incidents::Incident &shown) {
        const incidents::SeverityLevel *level = incident->severities().level(shown.severity);
        return contacts::templateContacts(strip->directory(), shown.commander,
                                          level ? level->escalationRoles() : QStringList(),
                                          QDateTime::currentDateTime());
    });
    QObject::connect(strip, &EscalationStrip::copied, &window, [&window](const QString &what) {
        window.statusBar()->showMessage(what, 5000);
    });
    const auto reload = [strip, incident, dataDir, runbookDirs] {
        runAsync(
            strip,
            [dataDir, folders = runbookDirs + Settings(dataDir).get(settings::runbookFolders)] {
                if (const QString problem = contacts::ensureDefaultContacts(dataDir);
                    !problem.isEmpty())
                    log::get(log::Ui)->warn("{}", problem.toStdString());
                return contacts::loadDirectory(dataDir, folders, QDateTime::currentDateTime());
            },
            [strip, incident](const Result<contacts::Directory> &loaded) {
                if (!loaded)
                    return;
                strip->setDirectory(loaded.value());
                incident->setRoleHolders(
                    [strip](const QString &role) { return roleHolder(strip->directory(), role); });
            });
    };
    reload();
    auto *timer = new QTimer(strip);
    QObject::connect(timer, &QTimer::timeout, strip, reload);
    timer->start(reloadEveryMs);
    auto *clock = new QTimer(strip);
    QObject::connect(clock, &QTimer::timeout, strip, &EscalationStrip::updateClocks);
    clock->start(1000);
}

} // namespace ic::ui

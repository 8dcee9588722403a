#include "TeamSettings.h"

#include "Counted.h"
#include "core/AsyncTask.h"
#include "storage/Database.h"
#include "team/PgConnection.h"
#include "team/TeamMembership.h"
#include "team/TeamState.h"

#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>

namespace ic::ui {
namespace {

// First contact over a VPN may be slow; the dialog stays usable meanwhile.
constexpr int joinTimeoutSeconds = 10;

struct Membership
{
    QString uri;     // empty: in no team
    int waiting = 0; // changes not on the server yet
};

// What the database says, read on the pool like everything else here.
Result<Membership> readMembership(const QString &databasePath)
{
    QString error;
    const std::unique_ptr<Database> database = Database::openAdditional(databasePath, &error);
    if (!database)
        return failure(error);
    const QSqlDatabase db = database->connection();
    return Membership{team::metaValue(db, team::keys::serverUri), team::waitingEvents(db)};
}

} // namespace

TeamSettings::TeamSettings(QString databasePath, QString dataDir, QString person, QWidget *parent)
    : QWidget(parent), m_databasePath(std::move(databasePath)), m_dataDir(std::move(dataDir)),
      m_person(std::move(person)), m_uri(new QLineEdit(this)), m_password(new QLineEdit(this)),
      m_join(new QPushButton(tr("Join"), this)), m_leave(new QPushButton(tr("Leave"), this)),
      m_state(new QLabel(this))
{
    setObjectName(QStringLiteral("teamSettings"));
    m_uri->setObjectName(QStringLiteral("teamServerUri"));
    m_uri->setPlaceholderText(
        QStringLiteral("postgresql://you@db.example:5432/incidents?sslmode=verify-full"));
    m_uri->setAccessibleName(tr("Team server"));
    m_password->setObjectName(QStringLiteral("teamServerPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("Password (or PGPASSWORD, ~/.pgpass)"));
    m_password->setAccessibleName(tr("Team server password"));
    m_join->setObjectName(QStringLiteral("teamJoin"));
    m_leave->setObjectName(QStringLiteral("teamLeave"));
    m_state->setObjectName(QStringLiteral("teamSettingsState"));
    m_state->setWordWrap(true);
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_uri, 0, 0);
    grid->addWidget(m_join, 0, 1);
    grid->addWidget(m_password, 1, 0);
    grid->addWidget(m_leave, 1, 1);
    grid->addWidget(m_state, 2, 0, 1, 2);
    connect(m_join, &QPushButton::clicked, this, &TeamSettings::join);
    connect(m_leave, &QPushButton::clicked, this, &TeamSettings::leave);
    busy(tr("Reading…"));
    showMembership();
}

void TeamSettings::busy(const QString &what)
{
    m_join->setEnabled(false);
    m_leave->setEnabled(false);
    m_state->setText(what);
}

void TeamSettings::showMembership(const QString &note)
{
    runAsync(
        this, [path = m_databasePath] { return readMembership(path); },
        [this, note](const Result<Membership> &membership) {
            if (!membership) {
                m_state->setText(membership.error());
                return;
            }
            const bool joined = !membership->uri.isEmpty();
            if (joined)
                m_uri->setText(membership->uri);
            m_uri->setReadOnly(joined);
            m_password->setVisible(!joined);
            m_join->setEnabled(!joined);
            m_leave->setEnabled(joined);
            if (!note.isEmpty()) {
                m_state->setText(note);
                return;
            }
            m_state->setText(
                joined ? tr("In the team at %1; %2.")
                             .arg(team::parseServerAddress(membership->uri).display,
                                  counted(membership->waiting, tr("1 change not sent yet"),
                                          tr("%1 changes not sent yet")))
                       : tr("In no team: incidents stay on this console. Join to share them "
                            "with every console of the team."));
        });
}

void TeamSettings::join()
{
    const QString uri = m_uri->text().trimmed();
    const QString password = m_password->text();
    busy(tr("Joining %1…").arg(team::parseServerAddress(uri).display));
    runAsync(
        this,
        [path = m_databasePath, dataDir = m_dataDir, uri, password,
         person = m_person]() -> Result<team::JoinOutcome> {
            QString error;
            const std::unique_ptr<Database> database = Database::openAdditional(path, &error);
            if (!database)
                return failure(error);
            return team::joinTeam(database->connection(), dataDir, uri,
                                  password.isEmpty() ? std::nullopt
                                                     : std::optional<QString>(password),
                                  person, joinTimeoutSeconds);
        },
        [this](const Result<team::JoinOutcome> &joined) {
            m_password->clear();
            if (!joined) {
                showMembership(tr("Not joined: %1").arg(joined.error()));
                return;
            }
            showMembership(
                tr("Joined the team at %1 as console %2; shared %3.")
                    .arg(joined->display, joined->console,
                         counted(joined->sharedIncidents, tr("1 incident"), tr("%1 incidents"))));
            Q_EMIT membershipChanged();
        });
}

void TeamSettings::leave()
{
    const auto answer = QMessageBox::question(
        this, tr("Leave the team"),
        tr("Leave the team? Incidents stay on this console; changes made from now on are kept "
           "and go up if it joins the same team again."));
    if (answer != QMessageBox::Yes)
        return;
    busy(tr("Leaving…"));
    runAsync(
        this,
        [path = m_databasePath, dataDir = m_dataDir]() -> Result<int> {
            QString error;
            const std::unique_ptr<Database> database = Database::openAdditional(path, &error);
            if (!database)
                return failure(error);
            // Changes not sent yet stay in the journal and go up on joining again.
            return team::leaveTeam(database->connection(), dataDir, true);
        },
        [this](const Result<int> &left) {
            if (!left) {
                showMembership(tr("Not left: %1").arg(left.error()));
                return;
            }
            showMembership(tr("Left the team; incidents stay on this console."));
            Q_EMIT membershipChanged();
        });
}

} // namespace ic::ui

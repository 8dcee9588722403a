#pragma once

#include "Hlc.h"
#include "core/Result.h"

#include <QSqlDatabase>
#include <QString>

namespace ic::team {

// What this data dir knows about its team, kept in console.db's app_meta (never a password):
// the server it joined, its own console id, its clock and its pull cursor.
namespace keys {
inline const QString serverUri = QStringLiteral("team.uri");
inline const QString console = QStringLiteral("team.console");
inline const QString clock = QStringLiteral("team.hlc");
inline const QString cursor = QStringLiteral("team.cursor");
inline const QString lastSync = QStringLiteral("team.last_sync");
inline const QString lastError = QStringLiteral("team.last_error");
// The team whose journal this data dir keeps (its server URI). Set on joining and kept on
// leaving, so changes made while out of the team are journaled too and go up on rejoining.
inline const QString journal = QStringLiteral("team.journal");
} // namespace keys

QString metaValue(const QSqlDatabase &db, const QString &key);
Result<void> setMetaValue(const QSqlDatabase &db, const QString &key, const QString &value);
Result<void> removeMetaValue(const QSqlDatabase &db, const QString &key);

// Whether this data dir shares its incidents with a team now.
bool isShared(const QSqlDatabase &db);
// Whether its changes are journaled: in a team, or out of one it was in (see keys::journal).
bool isJournaled(const QSqlDatabase &db);
// Forgets the journal of another team (joining a new one shares everything here anew).
Result<void> clearJournal(const QSqlDatabase &db);
// This data dir's console id, made on first use.
Result<QString> consoleId(const QSqlDatabase &db);

// The clock of this console's next event (inside the change's transaction), and the clock
// after seeing a remote one.
Result<Hlc> stampNextEvent(const QSqlDatabase &db, const QString &console);
Result<void> observeClock(const QSqlDatabase &db, const Hlc &remote);

// How many of this console's events the server does not have yet.
int waitingEvents(const QSqlDatabase &db);

} // namespace ic::team

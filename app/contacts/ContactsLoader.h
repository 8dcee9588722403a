#pragma once

#include "Directory.h"

namespace ic::contacts {

// <dataDir>/contacts.yaml
QString contactsPath(const QString &dataDir);

// Writes the commented default contacts.yaml (0600: it will hold personal data) into
// dataDir unless one exists. Returns an empty string, or why it could not be written.
QString ensureDefaultContacts(const QString &dataDir);

// The contacts files in the order they are merged: contacts.yaml at the top of each runbook
// folder that has one (a team keeps it in its runbook repository), then the data dir's.
QStringList contactsFiles(const QString &dataDir, const QStringList &runbookFolders);

// Reads and merges every contacts file. A person, or a role's rota, calendar or holders,
// defined again by a later file replaces the earlier definition, so the data dir's file can
// correct a team's shared one; overrides add up. Calendars are expanded for a year and more
// either side of around. Files another account can change are refused (a problem each):
// they decide whom the commander calls.
Directory loadDirectory(const QString &dataDir, const QStringList &runbookFolders,
                        const QDateTime &around);

} // namespace ic::contacts

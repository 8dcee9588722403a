#pragma once

#include <QString>

namespace ic::team {

// The team server's password, when libpq's own sources (PGPASSWORD, ~/.pgpass or PGPASSFILE)
// do not give it: the file team-password.secret (0600) in the data dir, written like the
// webhook secret. Never in console.db, the log or the URI.
class TeamPassword
{
public:
    explicit TeamPassword(const QString &dataDir);

    // Empty when PGPASSWORD is set (it wins) or no password is stored.
    QString load() const;
    // An empty string, or why it could not be stored or removed.
    QString store(const QString &password) const;
    QString clear() const;

private:
    QString m_path;
};

} // namespace ic::team

#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace ic::ui {

// The Settings row for team mode: the server's libpq URI and its password, Join and Leave.
// Both run on the thread pool with their own connection (first contact may take seconds);
// the console's team link and incident service notice the change by themselves.
class TeamSettings : public QWidget
{
    Q_OBJECT
public:
    TeamSettings(QString databasePath, QString dataDir, QString person, QWidget *parent = nullptr);

Q_SIGNALS:
    // A join or leave finished (its message is on show).
    void membershipChanged();

private:
    // Reads the membership on the pool and shows it; note, when given, is said instead of the
    // usual line (what a join or leave just did).
    void showMembership(const QString &note = {});
    void join();
    void leave();
    void busy(const QString &what);

    QString m_databasePath;
    QString m_dataDir;
    QString m_person;
    QLineEdit *m_uri;
    QLineEdit *m_password;
    QPushButton *m_join;
    QPushButton *m_leave;
    QLabel *m_state;
};

} // namespace ic::ui

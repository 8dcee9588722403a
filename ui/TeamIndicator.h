#pragma once

#include "team/TeamWorker.h"

#include <QLabel>
#include <functional>

namespace ic::ui {

// One line in the header while this console is in a team: who is here, or that the server is
// out of reach and how many changes wait ("Team: offline — 12 changes waiting"). Hidden
// outside a team.
class TeamIndicator : public QLabel
{
    Q_OBJECT
public:
    explicit TeamIndicator(QWidget *parent = nullptr);

    // The role a person holds on the open incident ("scribe"), shown beside their name.
    using RoleOf = std::function<QString(const QString &person)>;
    void setRoleOf(RoleOf roleOf);

    void show(const team::TeamStatus &status);
    // Shows the last status again (the roles changed).
    void refresh();
    static QString describe(const team::TeamStatus &status, const RoleOf &roleOf = {});

private:
    RoleOf m_roleOf;
    team::TeamStatus m_last;
};

} // namespace ic::ui

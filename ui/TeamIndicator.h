#pragma once

#include "team/TeamWorker.h"

#include <QLabel>

namespace ic::ui {

// One line in the header while this console is in a team: who is here, or that the server is
// out of reach and how many changes wait ("Team: offline — 12 changes waiting"). Hidden
// outside a team.
class TeamIndicator : public QLabel
{
    Q_OBJECT
public:
    explicit TeamIndicator(QWidget *parent = nullptr);

    void show(const team::TeamStatus &status);
    static QString describe(const team::TeamStatus &status);
};

} // namespace ic::ui

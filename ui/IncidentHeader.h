#pragma once

#include <QFrame>

class QLabel;

namespace ic::ui {

// The strip across the top of the cockpit. In peacetime it says that no incident is open;
// during an incident it carries severity, title, status, clocks and commander.
class IncidentHeader : public QFrame
{
    Q_OBJECT
public:
    explicit IncidentHeader(QWidget *parent = nullptr);

private:
    QLabel *m_state;
    QLabel *m_hint;
};

} // namespace ic::ui

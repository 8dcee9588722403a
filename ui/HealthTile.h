#pragma once

#include "health/HealthMonitor.h"

#include <QFrame>

class QLabel;
class QToolButton;

namespace ic::ui {

class HealthSparkline;

// One check on the board: state as colour, icon and word; name, latency, since when, the
// last message, a sparkline, its runbook one click away and "probe now".
class HealthTile : public QFrame
{
    Q_OBJECT
public:
    explicit HealthTile(const QString &name, QWidget *parent = nullptr);

    void display(const health::CheckStatus &status, const QDateTime &now);

    // "✔ OK", "✖ CRIT"…: the icon and the word, for tiles and accessibility.
    static QString stateText(health::State state);

Q_SIGNALS:
    void runbookRequested(const QString &runbookId);
    void probeNowRequested(const QString &name);
    void detailsRequested(const QString &name);

private:
    QString m_name;
    QString m_runbook;
    QLabel *m_state;
    QLabel *m_title;
    QLabel *m_latency;
    QLabel *m_since;
    QLabel *m_message;
    HealthSparkline *m_sparkline;
    QToolButton *m_runbookButton;
    QToolButton *m_probeNow;
    QToolButton *m_details;
};

} // namespace ic::ui

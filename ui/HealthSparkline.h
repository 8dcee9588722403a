#pragma once

#include "health/HealthTypes.h"

#include <QWidget>

namespace ic::ui {

// The last results of a check as small bars: height is latency, colour the raw state. The
// tooltip says the same in words, so colour is never the only carrier.
class HealthSparkline : public QWidget
{
    Q_OBJECT
public:
    explicit HealthSparkline(QWidget *parent = nullptr);

    void setResults(const QList<health::CheckResult> &results);
    QSize sizeHint() const override { return {80, 16}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<health::CheckResult> m_results;
};

// The colour of a state on the board, shared by tiles and sparklines.
QColor stateColor(health::State state);

} // namespace ic::ui

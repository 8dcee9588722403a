#include "HealthSparkline.h"

#include "Counted.h"

#include <QPainter>

namespace ic::ui {

QColor stateColor(health::State state)
{
    switch (state) {
    case health::State::Ok:
        return QColor(0x2e, 0x7d, 0x32);
    case health::State::Warn:
        return QColor(0xf9, 0xa8, 0x25);
    case health::State::Crit:
        return QColor(0xc6, 0x28, 0x28);
    case health::State::Unknown:
        return QColor(0x6d, 0x4c, 0x91);
    case health::State::Stale:
        return QColor(0x75, 0x75, 0x75);
    }
    return Qt::gray;
}

HealthSparkline::HealthSparkline(QWidget *parent) : QWidget(parent)
{
    setMinimumHeight(14);
}

void HealthSparkline::setResults(const QList<health::CheckResult> &results)
{
    m_results = results;
    int ok = 0;
    for (const health::CheckResult &result : results)
        ok += result.state == health::State::Ok;
    setToolTip(tr("%1: %2 OK")
                   .arg(counted(results.size(), tr("Last result"), tr("Last %1 results")))
                   .arg(ok));
    update();
}

void HealthSparkline::paintEvent(QPaintEvent *)
{
    if (m_results.isEmpty())
        return;
    QPainter painter(this);
    qint64 slowest = 1;
    for (const health::CheckResult &result : m_results)
        slowest = std::max(slowest, result.latencyMs);
    const double barWidth = double(width()) / double(std::max<qsizetype>(m_results.size(), 30));
    for (qsizetype i = 0; i < m_results.size(); ++i) {
        const health::CheckResult &result = m_results.at(i);
        // At least a third of the height, so a fast failure is still visible.
        const double share = 0.33 + 0.67 * double(result.latencyMs) / double(slowest);
        const double barHeight = share * height();
        painter.fillRect(
            QRectF(i * barWidth, height() - barHeight, std::max(1.0, barWidth - 1), barHeight),
            stateColor(result.state));
    }
}

} // namespace ic::ui

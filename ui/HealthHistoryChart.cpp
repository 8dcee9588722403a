#include "HealthHistoryChart.h"

#include "Counted.h"
#include "HealthSparkline.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

namespace ic::ui {
namespace {

// Fewer than this share of OK results makes an hour bad, not merely degraded.
constexpr double badBelowPercent = 95.0;

health::State availabilityState(double percent)
{
    if (percent >= 100.0)
        return health::State::Ok;
    return percent >= badBelowPercent ? health::State::Warn : health::State::Crit;
}

Qt::BrushStyle availabilityPattern(double percent)
{
    if (percent >= 100.0)
        return Qt::NoBrush;
    return percent >= badBelowPercent ? Qt::BDiagPattern : Qt::DiagCrossPattern;
}

QString hourLabel(const QDateTime &start)
{
    return start.toLocalTime().toString(QStringLiteral("HH:mm"));
}

} // namespace

HealthHistoryChart::HealthHistoryChart(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("healthDetailChart"));
    setAccessibleName(tr("Last 24 hours, hour by hour"));
    setMouseTracking(true);
    setHistory({}, QDateTime::currentDateTimeUtc());
}

void HealthHistoryChart::setHistory(const QList<health::HourOfHistory> &lastDay,
                                    const QDateTime &now)
{
    const QDateTime utc = now.toUTC();
    const QDateTime currentHour = QDateTime(utc.date(), QTime(utc.time().hour(), 0), Qt::UTC);
    m_hours.clear();
    m_maxP95 = 0;
    for (int index = 0; index < hours; ++index) {
        Hour hour;
        hour.start = currentHour.addSecs(-qint64(hours - 1 - index) * 3600);
        for (const health::HourOfHistory &stored : lastDay) {
            if (stored.start != hour.start || stored.stats.total == 0)
                continue;
            hour.total = stored.stats.total;
            hour.percent = stored.stats.percent();
            hour.p95 = stored.stats.latencyPercentile(95).value_or(stored.stats.averageLatencyMs);
        }
        m_maxP95 = std::max(m_maxP95, hour.p95);
        m_hours.append(hour);
    }

    const Hour *worst = nullptr;
    int measured = 0;
    int fullyOk = 0;
    for (const Hour &hour : m_hours) {
        if (hour.total == 0)
            continue;
        ++measured;
        fullyOk += hour.percent >= 100.0 ? 1 : 0;
        if (!worst || hour.percent < worst->percent)
            worst = &hour;
    }
    if (measured == 0)
        m_summary = tr("No results in the last 24 hours yet.");
    else if (fullyOk == measured)
        m_summary = counted(measured, tr("The one measured hour of the last 24 fully OK."),
                            tr("All %1 measured hours of the last 24 fully OK."));
    else
        m_summary = tr("%1 of %2 measured hours fully OK; worst %3 at %4 % OK.")
                        .arg(fullyOk)
                        .arg(measured)
                        .arg(hourLabel(worst->start), QString::number(worst->percent, 'f', 1));
    setAccessibleDescription(m_summary);
    update();
}

QString HealthHistoryChart::describeHour(int index) const
{
    const Hour &hour = m_hours.at(index);
    const QString span =
        tr("%1–%2").arg(hourLabel(hour.start), hourLabel(hour.start.addSecs(3600)));
    if (hour.total == 0)
        return tr("%1: no results").arg(span);
    const QString results = counted(hour.total, tr("1 result"), tr("%1 results"));
    return tr("%1: %2 % OK of %3, p95 latency %4 ms")
        .arg(span, QString::number(hour.percent, 'f', 1), results,
             QString::number(hour.p95, 'f', 0));
}

QRectF HealthHistoryChart::plotArea() const
{
    const int line = fontMetrics().height();
    return QRectF(rect()).adjusted(2, line + 4, -2, -(line + 4));
}

int HealthHistoryChart::hourAt(const QPointF &position) const
{
    const QRectF area = plotArea();
    if (!area.contains(position))
        return -1;
    return std::clamp(int((position.x() - area.left()) / (area.width() / hours)), 0, hours - 1);
}

void HealthHistoryChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF area = plotArea();
    const QColor text = palette().color(QPalette::WindowText);
    const QColor faint = palette().color(QPalette::Mid);

    painter.setPen(text);
    painter.drawText(QRectF(rect()).adjusted(2, 0, -2, 0), Qt::AlignTop | Qt::AlignLeft,
                     m_maxP95 > 0 ? tr("p95 latency, up to %1 ms").arg(m_maxP95, 0, 'f', 0)
                                  : tr("p95 latency"));
    const QRectF footer(area.left(), area.bottom() + 2, area.width(), fontMetrics().height() + 2);
    painter.drawText(footer, Qt::AlignLeft | Qt::AlignTop, hourLabel(m_hours.first().start));
    painter.drawText(footer, Qt::AlignHCenter | Qt::AlignTop,
                     hourLabel(m_hours.at(hours / 2).start));
    painter.drawText(footer, Qt::AlignRight | Qt::AlignTop, tr("now"));
    painter.setPen(faint);
    painter.drawLine(area.bottomLeft(), area.bottomRight());

    const double slot = area.width() / hours;
    for (int index = 0; index < hours; ++index) {
        const Hour &hour = m_hours.at(index);
        const double left = area.left() + index * slot + 1;
        if (hour.total == 0) {
            painter.setPen(QPen(faint, 1, Qt::DotLine));
            painter.drawLine(QPointF(left, area.bottom() - 1),
                             QPointF(left + slot - 2, area.bottom() - 1));
            continue;
        }
        // Even a 0 ms hour gets a bar tall enough to show its colour and pattern.
        const double height =
            std::max(8.0, m_maxP95 > 0 ? area.height() * hour.p95 / m_maxP95 : 8.0);
        const QRectF bar(left, area.bottom() - height, std::max(1.0, slot - 2), height);
        painter.setPen(Qt::NoPen);
        painter.setBrush(stateColor(availabilityState(hour.percent)));
        painter.drawRect(bar);
        if (const Qt::BrushStyle pattern = availabilityPattern(hour.percent);
            pattern != Qt::NoBrush) {
            painter.setBrush(QBrush(Qt::white, pattern));
            painter.drawRect(bar);
        }
    }
}

bool HealthHistoryChart::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int index = hourAt(help->pos());
        if (index >= 0)
            QToolTip::showText(help->globalPos(), describeHour(index), this);
        else
            QToolTip::showText(help->globalPos(), m_summary, this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace ic::ui

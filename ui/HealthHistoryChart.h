#pragma once

#include "health/HealthHistory.h"

#include <QWidget>

namespace ic::ui {

// The last day of a check, hour by hour. A bar's height is the hour's p95 latency; its colour
// and its fill pattern (plain, hatched, cross-hatched) say whether every result of the hour
// was OK, most were, or fewer than 95 %. Hovering a bar tells the hour in words and
// summary() tells the day, so neither colour nor shape carries the meaning alone.
class HealthHistoryChart : public QWidget
{
    Q_OBJECT
public:
    static constexpr int hours = 24;

    explicit HealthHistoryChart(QWidget *parent = nullptr);

    // `lastDay` comes from health::hourlyHistory; hours it lacks are drawn as having no result.
    void setHistory(const QList<health::HourOfHistory> &lastDay, const QDateTime &now);
    // One sentence about the day: hours fully OK and the worst hour, or that there is no data.
    QString summary() const { return m_summary; }
    // The tooltip text of the bar for hour `index` (0 = oldest, hours - 1 = the current hour).
    QString describeHour(int index) const;

    QSize sizeHint() const override { return {480, 110}; }
    QSize minimumSizeHint() const override { return {240, 80}; }

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Hour
    {
        QDateTime start;
        qint64 total = 0;
        double percent = -1;
        double p95 = 0;
    };
    QRectF plotArea() const;
    int hourAt(const QPointF &position) const;

    QList<Hour> m_hours;
    double m_maxP95 = 0;
    QString m_summary;
};

} // namespace ic::ui

#pragma once

// Shared by the bench_* programs: statistics and the one-line output format.

#include <QElapsedTimer>
#include <QEventLoop>
#include <QString>
#include <QTextStream>
#include <QTimer>
#include <algorithm>
#include <vector>

namespace ic::bench {

inline double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = std::size_t(p / 100.0 * double(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

inline double median(std::vector<double> values)
{
    return percentile(std::move(values), 50);
}

// Gaps between the ticks of a 1 ms timer while the event loop runs for ms milliseconds: how
// long the loop was kept from its work.
inline std::vector<double> eventLoopGaps(int ms)
{
    std::vector<double> gaps;
    QElapsedTimer sinceTick;
    QTimer beat;
    beat.setTimerType(Qt::PreciseTimer);
    beat.setInterval(1);
    QObject::connect(&beat, &QTimer::timeout, [&] {
        gaps.push_back(double(sinceTick.nsecsElapsed()) / 1e6);
        sinceTick.restart();
    });
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    sinceTick.start();
    beat.start();
    loop.exec();
    return gaps;
}

// name value unit baseline_value ratio (ratio = value / baseline; "-" without a baseline)
inline void report(const QString &name, double value, const QString &unit, double baseline)
{
    QTextStream out(stdout);
    out << name << ' ' << QString::number(value, 'f', 2) << ' ' << unit << ' '
        << (baseline > 0 ? QString::number(baseline, 'f', 2) : QStringLiteral("-")) << ' '
        << (baseline > 0 ? QString::number(value / baseline, 'f', 2) : QStringLiteral("-"))
        << Qt::endl;
}

} // namespace ic::bench

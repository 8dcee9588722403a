#pragma once

// Shared by the bench_* programs: statistics and the one-line output format.

#include <QString>
#include <QTextStream>
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

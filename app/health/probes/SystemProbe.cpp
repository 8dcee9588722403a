#include "SystemProbe.h"

#include "core/AsyncTask.h"

#include <QFile>
#include <QLocale>
#include <QThread>
#include <cstdlib>
#include <sys/statvfs.h>

namespace ic::health {
namespace {

QString number(double value)
{
    return QString::number(value, 'f', 2);
}

QString bytes(double value)
{
    return QLocale::c().formattedDataSize(qint64(value), 1, QLocale::DataSizeTraditionalFormat);
}

Observation disk(const QString &path)
{
    Observation observation;
    struct statvfs info
    {};
    if (::statvfs(QFile::encodeName(path).constData(), &info) != 0) {
        observation.determinate = false;
        observation.message = QStringLiteral("cannot read the file system of %1: %2")
                                  .arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return observation;
    }
    const double blockSize = double(info.f_frsize);
    const double total = double(info.f_blocks) * blockSize;
    const double available = double(info.f_bavail) * blockSize;
    const double used = double(info.f_blocks - info.f_bfree) * blockSize;
    // As df computes it: the share of the space a normal user can fill.
    const double usedPercent = used + available > 0 ? used * 100.0 / (used + available) : 0.0;
    observation.values.insert(QStringLiteral("[USED_PERCENT]"), number(usedPercent));
    observation.values.insert(QStringLiteral("[AVAILABLE_BYTES]"),
                              QString::number(qint64(available)));
    observation.values.insert(QStringLiteral("[TOTAL_BYTES]"), QString::number(qint64(total)));
    observation.message = QStringLiteral("%1% used, %2 free of %3 on %4")
                              .arg(number(usedPercent), bytes(available), bytes(total), path);
    return observation;
}

Observation memory()
{
    Observation observation;
    QFile file(QStringLiteral("/proc/meminfo"));
    if (!file.open(QIODevice::ReadOnly)) {
        observation.determinate = false;
        observation.message =
            QStringLiteral("cannot read /proc/meminfo: %1").arg(file.errorString());
        return observation;
    }
    QMap<QByteArray, double> fields; // kB
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QList<QByteArray> parts = line.simplified().split(' ');
        if (parts.size() >= 2)
            fields.insert(parts.at(0).chopped(1), parts.at(1).toDouble());
    }
    const double total = fields.value("MemTotal") * 1024;
    if (total <= 0 || !fields.contains("MemAvailable")) {
        observation.determinate = false;
        observation.message = QStringLiteral("/proc/meminfo has no MemTotal/MemAvailable");
        return observation;
    }
    const double available = fields.value("MemAvailable") * 1024;
    const double availablePercent = available * 100.0 / total;
    observation.values.insert(QStringLiteral("[AVAILABLE_PERCENT]"), number(availablePercent));
    observation.values.insert(QStringLiteral("[USED_PERCENT]"), number(100.0 - availablePercent));
    observation.values.insert(QStringLiteral("[AVAILABLE_BYTES]"),
                              QString::number(qint64(available)));
    observation.message = QStringLiteral("%1 available of %2 (%3%)")
                              .arg(bytes(available), bytes(total), number(availablePercent));
    return observation;
}

Observation load()
{
    Observation observation;
    double averages[3] = {0, 0, 0};
    if (::getloadavg(averages, 3) != 3) {
        observation.determinate = false;
        observation.message = QStringLiteral("the load average is not available");
        return observation;
    }
    const int cpus = std::max(1, QThread::idealThreadCount());
    observation.values.insert(QStringLiteral("[LOAD1]"), number(averages[0]));
    observation.values.insert(QStringLiteral("[LOAD5]"), number(averages[1]));
    observation.values.insert(QStringLiteral("[LOAD15]"), number(averages[2]));
    observation.values.insert(QStringLiteral("[CPUS]"), QString::number(cpus));
    observation.values.insert(QStringLiteral("[LOAD_PER_CPU]"), number(averages[0] / cpus));
    observation.message = QStringLiteral("load %1 %2 %3 on %4 CPUs")
                              .arg(number(averages[0]), number(averages[1]), number(averages[2]))
                              .arg(cpus);
    return observation;
}

} // namespace

SystemProbe::SystemProbe(const CheckDefinition &check, QObject *parent) : Probe(check, parent) {}

Observation SystemProbe::measure(const QString &metric, const QString &path)
{
    if (metric == QLatin1String("disk"))
        return disk(path);
    if (metric == QLatin1String("memory"))
        return memory();
    return load();
}

void SystemProbe::start()
{
    // A reading that ends after the timeout is ignored by finish().
    runAsync(
        this, [metric = check().metric, path = check().path] { return measure(metric, path); },
        [this](Result<Observation> measured) {
            if (measured) {
                finish(measured.value());
                return;
            }
            Observation failed;
            failed.determinate = false;
            failed.message = measured.error();
            finish(std::move(failed));
        });
}

Observation SystemProbe::timedOut()
{
    Observation observation;
    observation.determinate = false;
    observation.message =
        QStringLiteral("reading %1 took longer than %2").arg(check().metric, timeoutText());
    return observation;
}

} // namespace ic::health

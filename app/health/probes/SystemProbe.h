#pragma once

#include "Probe.h"

namespace ic::health {

// Local machine metrics, read on a pool thread (statvfs can hang on a dead network mount):
//  disk:   [USED_PERCENT], [AVAILABLE_BYTES], [TOTAL_BYTES] of the file system holding path
//  memory: [AVAILABLE_PERCENT], [AVAILABLE_BYTES], [USED_PERCENT] from /proc/meminfo
//  load:   [LOAD1], [LOAD5], [LOAD15], [CPUS], [LOAD_PER_CPU]
class SystemProbe : public Probe
{
    Q_OBJECT
public:
    explicit SystemProbe(const CheckDefinition &check, QObject *parent = nullptr);

    static Observation measure(const QString &metric, const QString &path);

protected:
    void start() override;
    Observation timedOut() override;
};

} // namespace ic::health

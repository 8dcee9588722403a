// Team events come from a server anyone with its password can write to: the decoder must turn
// any payload into a checked event or a reason, never crash or hang, and what it accepts must
// name only replicated tables and columns and survive its own encoding unchanged.
#include "team/TeamEvent.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray payload(reinterpret_cast<const char *>(data), qsizetype(size));
    const ic::Result<ic::team::TeamEvent> event = ic::team::decodeEvent(payload);
    if (!event) {
        if (event.error().isEmpty())
            std::abort(); // refused without a reason
        return 0;
    }
    if (event->rows.empty() || event->rows.size() > size_t(ic::team::maxEventRows))
        std::abort();
    for (const ic::team::RowChange &row : event->rows) {
        const ic::team::ReplicatedTable *table = ic::team::replicatedTable(row.table);
        if (!table)
            std::abort();
        for (auto it = row.values.begin(); it != row.values.end(); ++it)
            if (!table->columns.contains(it.key()))
                std::abort();
    }
    const ic::Result<ic::team::TeamEvent> again =
        ic::team::decodeEvent(ic::team::encodeEvent(*event));
    if (!again || ic::team::encodeEvent(*again) != ic::team::encodeEvent(*event))
        std::abort();
    return 0;
}

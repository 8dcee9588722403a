// Whatever listens on a Redis check's port answers the probe: the reply reader must accept
// any bytes in any chunking. The first input byte chooses how many replies are expected
// (PING alone, or AUTH then PING) and the chunk size, the rest is what the socket delivers.
#include "health/probes/RespReader.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const int expected = (data[0] & 1) + 1;
    const qsizetype chunk = (data[0] >> 1) + 1;
    const QByteArray answer(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    ic::health::RespReader chunked(expected);
    for (qsizetype at = 0; at < answer.size(); at += chunk)
        chunked.feed(answer.mid(at, chunk));
    ic::health::RespReader whole(expected);
    whole.feed(answer);

    // Where the socket cut the bytes must not change what was read. (Only the other way
    // round may differ: a long reply cut into chunks can exceed the pending limit.)
    if (chunked.status() == ic::health::RespReader::Status::Complete &&
        (whole.status() != ic::health::RespReader::Status::Complete ||
         chunked.replies() != whole.replies()))
        std::abort();
    if (chunked.status() == ic::health::RespReader::Status::Complete) {
        if (chunked.replies().size() != expected)
            std::abort();
        for (const QString &reply : chunked.replies()) {
            if (!reply.startsWith(QLatin1Char('+')) && !reply.startsWith(QLatin1Char('-')))
                std::abort();
        }
    }
    return 0;
}

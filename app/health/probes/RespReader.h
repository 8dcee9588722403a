#pragma once

#include <QByteArray>
#include <QStringList>

namespace ic::health {

// Reads a Redis server's replies to the probe's commands (AUTH, PING) as bytes arrive in any
// chunks. Each reply must be a RESP simple string ("+PONG\r\n") or error ("-NOAUTH ...\r\n");
// anything else, or more than maxPendingBytes without a complete line, means the port does
// not speak Redis. Kept apart from the socket so tests and tests/fuzz/fuzz_resp.cpp can feed
// it any bytes.
class RespReader
{
public:
    enum class Status
    {
        NeedMore, // fewer replies than expected so far
        Complete, // replies() holds every expected reply; later bytes are ignored
        NotRedis  // the bytes cannot be Redis replies
    };

    static constexpr qsizetype maxPendingBytes = 4096;

    explicit RespReader(int expectedReplies);

    Status feed(const QByteArray &bytes);
    Status status() const { return m_status; }
    // Each reply line without its CRLF, starting with '+' or '-'.
    const QStringList &replies() const { return m_replies; }

private:
    int m_expected;
    QByteArray m_buffer;     // bytes after the last complete reply
    qsizetype m_scanned = 0; // of m_buffer, already searched for a line end
    QStringList m_replies;
    Status m_status = Status::NeedMore;
};

} // namespace ic::health

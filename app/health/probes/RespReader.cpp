#include "RespReader.h"

namespace ic::health {

RespReader::RespReader(int expectedReplies) : m_expected(expectedReplies) {}

RespReader::Status RespReader::feed(const QByteArray &bytes)
{
    if (m_status != Status::NeedMore)
        return m_status;
    m_buffer += bytes;
    qsizetype start = 0;
    qsizetype end;
    // Resume the search where the last chunk ended (one byte back, for a CRLF cut in two):
    // a server trickling its reply a byte at a time would otherwise cost quadratic time.
    qsizetype from = std::max<qsizetype>(m_scanned - 1, 0);
    while (m_replies.size() < m_expected && (end = m_buffer.indexOf("\r\n", from)) >= 0) {
        const QByteArrayView line = QByteArrayView(m_buffer).sliced(start, end - start);
        start = from = end + 2;
        if (!line.startsWith('+') && !line.startsWith('-'))
            return m_status = Status::NotRedis;
        m_replies.append(QString::fromUtf8(line));
    }
    m_buffer.remove(0, start);
    m_scanned = m_buffer.size();
    if (m_replies.size() >= m_expected)
        m_status = Status::Complete;
    else if (m_buffer.size() > maxPendingBytes)
        m_status = Status::NotRedis;
    return m_status;
}

} // namespace ic::health

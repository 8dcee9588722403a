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
    while (m_replies.size() < m_expected && (end = m_buffer.indexOf("\r\n", start)) >= 0) {
        const QByteArrayView line = QByteArrayView(m_buffer).sliced(start, end - start);
        start = end + 2;
        if (!line.startsWith('+') && !line.startsWith('-'))
            return m_status = Status::NotRedis;
        m_replies.append(QString::fromUtf8(line));
    }
    m_buffer.remove(0, start);
    if (m_replies.size() >= m_expected)
        m_status = Status::Complete;
    else if (m_buffer.size() > maxPendingBytes)
        m_status = Status::NotRedis;
    return m_status;
}

} // namespace ic::health

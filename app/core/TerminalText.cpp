#include "TerminalText.h"

namespace ic {
namespace {

bool isBidiControl(char16_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

bool needsEscape(QStringView text, qsizetype i)
{
    const char16_t c = text.at(i).unicode();
    if (c == u'\t' || c == u'\n')
        return false;
    // CRLF line ends (a Windows-edited runbook) only end the line; a lone CR could
    // overwrite what was printed before it.
    if (c == u'\r')
        return i + 1 >= text.size() || text.at(i + 1) != u'\n';
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || isBidiControl(c);
}

QString escapeFor(char16_t c)
{
    if (c < 0x80)
        return QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0'));
    return QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0'));
}

// Length of the longest prefix of bytes that ends on a UTF-8 character boundary.
qsizetype completeUtf8Prefix(const QByteArray &bytes)
{
    const qsizetype size = bytes.size();
    for (qsizetype back = 1; back <= qMin<qsizetype>(3, size); ++back) {
        const auto byte = static_cast<unsigned char>(bytes.at(size - back));
        if ((byte & 0xC0) == 0x80)
            continue; // a continuation byte: look further back for the lead byte
        const int length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
        return length > back ? size - back : size;
    }
    return size;
}

} // namespace

QString terminalSafe(QStringView text)
{
    QString safe;
    safe.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (needsEscape(text, i))
            safe += escapeFor(text.at(i).unicode());
        else
            safe += text.at(i);
    }
    return safe;
}

TerminalSafeDevice::TerminalSafeDevice(QTextStream &target) : m_target(target)
{
    open(QIODevice::WriteOnly | QIODevice::Unbuffered);
}

qint64 TerminalSafeDevice::readData(char *, qint64)
{
    return -1;
}

qint64 TerminalSafeDevice::writeData(const char *data, qint64 size)
{
    m_incomplete.append(data, size);
    const qsizetype complete = completeUtf8Prefix(m_incomplete);
    m_target << terminalSafe(QString::fromUtf8(m_incomplete.constData(), complete));
    m_target.flush();
    m_incomplete.remove(0, complete);
    return size;
}

} // namespace ic

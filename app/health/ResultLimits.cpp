#include "ResultLimits.h"

namespace ic::health {

QString truncatedText(const QString &text, qsizetype maxBytes)
{
    const QByteArray utf8 = text.toUtf8();
    if (utf8.size() <= maxBytes)
        return text;
    const QString marker = QStringLiteral("…(%1 bytes)").arg(utf8.size());
    qsizetype keep = std::max<qsizetype>(0, maxBytes - marker.toUtf8().size());
    // Back up to the first byte of a character: continuation bytes are 10xxxxxx.
    while (keep > 0 && (uchar(utf8.at(keep)) & 0xC0) == 0x80)
        --keep;
    return QString::fromUtf8(utf8.left(keep)) + marker;
}

} // namespace ic::health

#include "RunbookFile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

namespace ic::runbooks {
namespace {

// Drops a multi-byte sequence cut in half by the size cap.
QByteArray cutAtCharacterBoundary(QByteArray bytes)
{
    qsizetype end = bytes.size();
    int continuation = 0;
    while (end > 0 && (uchar(bytes.at(end - 1)) & 0xC0) == 0x80 && continuation < 3) {
        --end;
        ++continuation;
    }
    if (end > 0 && uchar(bytes.at(end - 1)) >= 0xC0) {
        const uchar lead = uchar(bytes.at(end - 1));
        const int length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
        if (continuation + 1 < length)
            bytes.truncate(end - 1);
    }
    return bytes;
}

QString titleFromFileName(const QString &fileName)
{
    QString stem = QFileInfo(fileName).completeBaseName();
    stem.replace(QLatin1Char('-'), QLatin1Char(' ')).replace(QLatin1Char('_'), QLatin1Char(' '));
    stem = stem.simplified();
    if (!stem.isEmpty())
        stem[0] = stem[0].toUpper();
    return stem;
}

} // namespace

QByteArray contentHash(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha1).toHex();
}

LoadedFile loadRunbookFile(const QString &path, qint64 cap)
{
    LoadedFile loaded;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        loaded.skipReason = QStringLiteral("cannot read: %1").arg(file.errorString());
        return loaded;
    }
    QByteArray bytes = file.read(cap + 1);
    if (bytes.size() > cap) {
        loaded.truncated = true;
        bytes = cutAtCharacterBoundary(bytes.left(cap));
    }
    loaded.hash = contentHash(bytes);
    if (bytes.trimmed().isEmpty()) {
        loaded.skipReason = QStringLiteral("empty file");
        return loaded;
    }
    if (bytes.left(8192).contains('\0')) {
        loaded.skipReason = QStringLiteral("binary file (contains NUL bytes), not Markdown");
        return loaded;
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    loaded.text = decoder.decode(bytes);
    if (decoder.hasError()) {
        const qsizetype bad = loaded.text.indexOf(QChar(QChar::ReplacementCharacter));
        const auto line = loaded.text.left(std::max<qsizetype>(bad, 0)).count(QLatin1Char('\n'));
        loaded.skipReason =
            QStringLiteral("not valid UTF-8 text (first bad byte on line %1)").arg(line + 1);
        loaded.text.clear();
    }
    return loaded;
}

ParsedRunbook parseRunbook(const QString &text, const QString &path)
{
    ParsedRunbook parsed;
    FrontMatterResult front = parseFrontMatter(text);
    parsed.meta = std::move(front.meta);
    parsed.body = std::move(front.body);
    parsed.bodyLine = front.bodyLine;
    parsed.frontMatterError = front.error;
    parsed.outline = readOutline(parsed.body, parsed.bodyLine);
    if (parsed.meta.title.isEmpty())
        parsed.meta.title = parsed.outline.firstTopHeading;
    if (parsed.meta.title.isEmpty())
        parsed.meta.title =
            titleFromFileName(isSectionPage(path) ? QFileInfo(path).dir().dirName() : path);
    if (parsed.meta.description.isEmpty())
        parsed.meta.description = parsed.outline.firstParagraph;
    return parsed;
}

bool isSectionPage(const QString &fileName)
{
    const QString stem = QFileInfo(fileName).completeBaseName().toLower();
    return stem == QLatin1String("_index") || stem == QLatin1String("readme") ||
           stem == QLatin1String("index");
}

bool isRunbookFileName(const QString &fileName)
{
    return fileName.endsWith(QLatin1String(".md"), Qt::CaseInsensitive) ||
           fileName.endsWith(QLatin1String(".markdown"), Qt::CaseInsensitive);
}

} // namespace ic::runbooks

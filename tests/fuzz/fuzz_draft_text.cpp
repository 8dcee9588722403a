// Drafts are free text typed under stress: lint and the Slack/plain conversions must accept
// anything.
#include "comms/DraftLinter.h"
#include "comms/SlackText.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    for (const char *id : {"initial", "update", "resolution", "postmortem"})
        ic::comms::lintDraft(QString::fromLatin1(id), text);
    ic::comms::toPlainText(text);
    // Whatever a field holds, once escaped it can open no Slack markup of its own: no mention,
    // link or entity other than the three the escaping writes.
    const QString escaped = ic::comms::escapeSlackText(text);
    if (escaped.contains(QLatin1Char('<')) || escaped.contains(QLatin1Char('>')))
        std::abort();
    QString entities = escaped;
    for (const char *entity : {"&amp;", "&lt;", "&gt;"})
        entities.remove(QLatin1String(entity));
    if (entities.contains(QLatin1Char('&')))
        std::abort();
    return 0;
}

// Drafts are free text typed under stress: lint and the Slack/plain conversions must accept
// anything.
#include "comms/DraftLinter.h"
#include "comms/SlackText.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    for (const char *id : {"initial", "update", "resolution", "postmortem"})
        ic::comms::lintDraft(QString::fromLatin1(id), text);
    ic::comms::toPlainText(text);
    return 0;
}

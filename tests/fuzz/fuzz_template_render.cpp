// Template files come from users' data dirs: validation and rendering must survive any
// bytes, reject what is wrong with a message, and never crash or hang.
#include "comms/MessageTemplates.h"
#include "comms/TemplateRenderer.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    ic::comms::validateTemplate(text, QStringLiteral("fuzz.mustache"));
    // Rendering refuses on its own what is over the limits, so it gets every input too.
    const QVariantMap values{
        {QStringLiteral("title"), QStringLiteral("t")},
        {QStringLiteral("impact"), QString()},
        {QStringLiteral("drill"), true},
        {QStringLiteral("timeline"),
         QVariantList{QVariantMap{{QStringLiteral("time"), QStringLiteral("09:00")},
                                  {QStringLiteral("text"), QStringLiteral("x")}}}}};
    QString error;
    ic::comms::renderTemplate(text, values, &error);
    ic::comms::renderSlackDraft(text, values, &error);
    return 0;
}

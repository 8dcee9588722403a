#pragma once

#include <QString>
#include <QVariantMap>
#include <optional>

namespace ic::comms {

// Renders a Mustache template ({{name}}, {{#section}}…{{/section}}, {{^inverted}}…) with
// kainjow::mustache. Values: QString (an empty one counts as absent, so {{^x}} fallbacks
// show), bool, and QVariantList of QVariantMap for lists. Nothing is HTML-escaped: the output
// is chat text, not a web page. A template over the limits of TemplateLimits.h is refused
// with the line that breaks them, never rendered.
std::optional<QString> renderTemplate(const QString &templateText, const QVariantMap &values,
                                      QString *error);

} // namespace ic::comms

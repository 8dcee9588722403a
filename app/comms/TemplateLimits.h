#pragma once

#include <QString>
#include <optional>

namespace ic::comms {

// An override template is a file anyone with access to the data dir may have written. The
// Mustache renderer recurses once per nested section and repeats a list section once per
// entry of every list around it, so deep nesting overflows the stack and lists inside lists
// multiply the work without bound. These limits keep every template to work proportional to
// its size and the incident's: no real template comes near them.
inline constexpr qsizetype maxTemplateChars = 64 * 1024;
inline constexpr int maxSectionDepth = 16;

struct TemplateLimitProblem
{
    int line = 1;
    QString message;
};

// The first limit the template breaks, if any: its size, sections nested deeper than
// maxSectionDepth, a list section inside another list section, or a tag the console does
// not use and the renderer would act on (partials, changed delimiters).
std::optional<TemplateLimitProblem> checkTemplateLimits(const QString &text);

} // namespace ic::comms

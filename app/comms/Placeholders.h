#pragma once

#include <QString>
#include <vector>

namespace ic::comms {

// A name a message template may use between {{ }}; the list is the documented contract
// for template authors, and a name outside it is an error naming the file and line.
struct PlaceholderInfo
{
    const char *name;
    const char *meaning;
    bool isList = false; // a list of entries, repeated by {{#name}}…{{/name}}
};

const std::vector<PlaceholderInfo> &knownPlaceholders();
bool isKnownPlaceholder(const QString &name);
bool isListPlaceholder(const QString &name);

} // namespace ic::comms

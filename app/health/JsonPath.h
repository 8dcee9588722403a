#pragma once

#include <QByteArray>
#include <QString>

namespace ic::health {

struct JsonLookup
{
    bool found = false;
    QString text;         // strings as they are, numbers in their shortest form, JSON otherwise
    qsizetype length = 0; // what Gatus's len() gives (GatusLength.h); -1 for null
    bool null = false;    // found, but null: Gatus's has() says false
    QString error;        // why nothing was found
};

// Follows a Gatus JSON path such as ".items[0].id" (empty: the whole body) into body.
JsonLookup lookupJsonPath(const QByteArray &body, const QString &path);

} // namespace ic::health

#pragma once

#include "CheckDefinition.h"

#include <functional>

class QNetworkAccessManager;
class QObject;

namespace ic::health {

class Probe;
class TargetFields;

// A placeholder a check type's probe fills in.
struct PlaceholderSpec
{
    using Availability = std::function<QString(const CheckDefinition &)>;

    // Not an aggregate, so a type can list {QStringLiteral("[STATUS]")} without the rest.
    PlaceholderSpec(QString placeholder, bool path = false, Availability unavailable = {})
        : name(std::move(placeholder)), takesPath(path), unavailableBecause(std::move(unavailable))
    {}

    QString name;           // "[BODY]"
    bool takesPath = false; // "[BODY].items[0].id", "[PERF].load1"
    // Why this particular check never has it ("needs an https:// URL"); null or empty: it can.
    Availability unavailableBecause;
};

// Everything the console knows about one `type:` of health.yaml. Each type is defined in its
// own file under types/ and registered by one line in types/CheckTypeList.h.
struct CheckType
{
    QString name; // as written in health.yaml: "http"
    // Target fields beyond the ones every check has; any other field is reported as unknown.
    QStringList fields;
    // Fields refused with a reason of their own instead of "unknown field".
    QMap<QString, QString> refusedFields;
    // Reads the target fields into check and applies the type's defaults (a port, a host).
    // False when a problem was reported and the check cannot be used.
    std::function<bool(TargetFields &, CheckDefinition *)> readTarget;
    // Adds the conditions the type implies: fields that stand for one (keyword, expected) and
    // the defaults used when health.yaml gives no conditions (givenByUser false).
    std::function<void(TargetFields &, CheckDefinition *, bool givenByUser)> addConditions;
    // What conditions can use besides [RESPONSE_TIME], which every probe reports. A condition
    // with any other placeholder is refused when health.yaml is read.
    QList<PlaceholderSpec> placeholders;
    // The probe for one run; nam serves the types that speak HTTP and lives on parent's thread.
    std::function<Probe *(const CheckDefinition &, QNetworkAccessManager *nam, QObject *parent)>
        createProbe;
    // The same request as a shell command, for types a responder can repeat with curl.
    std::function<QString(const CheckDefinition &)> curlCommand;
};

// PlaceholderSpec::unavailableBecause of [CERTIFICATE_EXPIRATION] for checks with a URL.
QString needsHttpsUrl(const CheckDefinition &check);

} // namespace ic::health

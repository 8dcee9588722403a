#include "health/CheckTypes.h"
#include "health/TargetFields.h"
#include "health/probes/PrometheusProbe.h"

namespace ic::health {

// An instant PromQL query; see probes/PrometheusProbe.h.
CheckType makePrometheusCheck()
{
    CheckType type;
    type.name = QStringLiteral("prometheus");
    type.fields = {QStringLiteral("url"), QStringLiteral("query"), QStringLiteral("headers"),
                   QStringLiteral("tls_verify")};
    type.readTarget = [](TargetFields &fields, CheckDefinition *check) {
        if (!fields.readUrl(check) || !fields.readHeaders(check) || !fields.readTlsVerify(check))
            return false;
        const auto query = fields.required("query");
        if (!query)
            return false;
        check->query = *query;
        return fields.valid();
    };
    // Its answer is judged by the conditions the user writes: no default one.
    type.addConditions = [](TargetFields &, CheckDefinition *, bool) {
    };
    type.placeholders = {{QStringLiteral("[VALUE]")},
                         {QStringLiteral("[RESULT_COUNT]")},
                         {QStringLiteral("[STATUS]")},
                         {QStringLiteral("[BODY]"), true},
                         {QStringLiteral("[CONNECTED]")},
                         {QStringLiteral("[IP]")},
                         {QStringLiteral("[CERTIFICATE_EXPIRATION]"), false, &needsHttpsUrl}};
    type.createProbe = [](const CheckDefinition &check, QNetworkAccessManager *nam,
                          QObject *parent) -> Probe * {
        return new PrometheusProbe(check, nam, parent);
    };
    return type;
}

} // namespace ic::health

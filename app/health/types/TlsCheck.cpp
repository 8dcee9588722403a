#include "health/CheckTypes.h"
#include "health/TargetFields.h"
#include "health/probes/TlsProbe.h"

namespace ic::health {

// A TLS handshake with host:port and its certificate; see probes/TlsProbe.h.
CheckType makeTlsCheck()
{
    CheckType type;
    type.name = QStringLiteral("tls");
    type.fields = {QStringLiteral("host"), QStringLiteral("port"), QStringLiteral("tls_verify")};
    type.readTarget = [](TargetFields &fields, CheckDefinition *check) {
        return fields.readTlsVerify(check) && fields.readHost(check) && fields.readPort(check, 443);
    };
    type.addConditions = [](TargetFields &fields, CheckDefinition *check, bool givenByUser) {
        if (givenByUser)
            return;
        fields.addCondition(check, QStringLiteral("[CONNECTED] == true"));
        fields.addCondition(check, QStringLiteral("[CERTIFICATE_EXPIRATION] > 0"));
    };
    type.placeholders = {{QStringLiteral("[CONNECTED]")},
                         {QStringLiteral("[CERTIFICATE_EXPIRATION]")},
                         {QStringLiteral("[IP]")}};
    type.createProbe = [](const CheckDefinition &check, QNetworkAccessManager *,
                          QObject *parent) -> Probe * {
        return new TlsProbe(check, parent);
    };
    return type;
}

} // namespace ic::health

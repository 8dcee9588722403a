#include "health/CheckTypes.h"
#include "health/TargetFields.h"
#include "health/probes/TcpProbe.h"

namespace ic::health {

// A TCP connection to host:port; see probes/TcpProbe.h.
CheckType makeTcpCheck()
{
    CheckType type;
    type.name = QStringLiteral("tcp");
    type.fields = {QStringLiteral("host"), QStringLiteral("port")};
    type.readTarget = [](TargetFields &fields, CheckDefinition *check) {
        return fields.readHost(check) && fields.readPort(check);
    };
    type.addConditions = [](TargetFields &fields, CheckDefinition *check, bool givenByUser) {
        if (!givenByUser)
            fields.addCondition(check, QStringLiteral("[CONNECTED] == true"));
    };
    type.placeholders = {{QStringLiteral("[CONNECTED]")}, {QStringLiteral("[IP]")}};
    type.createProbe = [](const CheckDefinition &check, QNetworkAccessManager *,
                          QObject *parent) -> Probe * {
        return new TcpProbe(check, parent);
    };
    return type;
}

} // namespace ic::health

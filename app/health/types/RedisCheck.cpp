#include "health/CheckTypes.h"
#include "health/PasswordFields.h"
#include "health/probes/RedisProbe.h"

namespace ic::health {

// PING, after AUTH when a password is given; see probes/RedisProbe.h.
CheckType makeRedisCheck()
{
    CheckType type;
    type.name = QStringLiteral("redis");
    type.fields = {QStringLiteral("host"),         QStringLiteral("port"),
                   QStringLiteral("user"),         QStringLiteral("password"),
                   QStringLiteral("password_env"), QStringLiteral("password_file")};
    type.readTarget = [](TargetFields &fields, CheckDefinition *check) {
        // Redis may AUTH with a password alone, as its default user.
        return fields.readHost(check, QStringLiteral("127.0.0.1")) &&
               fields.readPort(check, 6379) && readLogin(fields, check, false);
    };
    type.addConditions = [](TargetFields &fields, CheckDefinition *check, bool givenByUser) {
        if (!givenByUser)
            fields.addCondition(check, QStringLiteral("[RESPONSE] == PONG"));
    };
    type.placeholders = {{QStringLiteral("[RESPONSE]")}, {QStringLiteral("[CONNECTED]")}};
    type.createProbe = [](const CheckDefinition &check, QNetworkAccessManager *,
                          QObject *parent) -> Probe * {
        return new RedisProbe(check, parent);
    };
    return type;
}

} // namespace ic::health

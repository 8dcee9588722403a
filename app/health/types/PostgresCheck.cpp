#include "health/CheckTypes.h"
#include "health/PasswordFields.h"
#include "health/probes/PostgresProbe.h"
#include "health/probes/PostgresQueryProbe.h"

namespace ic::health {

// Accepting connections, like pg_isready, or with a password a login and SELECT 1; see
// probes/PostgresProbe.h and probes/PostgresQueryProbe.h.
CheckType makePostgresCheck()
{
    CheckType type;
    type.name = QStringLiteral("postgres");
    type.fields = {QStringLiteral("host"),         QStringLiteral("port"),
                   QStringLiteral("user"),         QStringLiteral("database"),
                   QStringLiteral("password_env"), QStringLiteral("password_file")};
    type.refusedFields = {
        {QStringLiteral("password"),
         QStringLiteral("a PostgreSQL password does not belong in health.yaml; name an "
                        "environment variable (password_env) or a file (password_file) that "
                        "holds it")}};
    type.readTarget = [](TargetFields &fields, CheckDefinition *check) {
        if (!fields.readHost(check, QStringLiteral("127.0.0.1")) || !fields.readPort(check, 5432) ||
            !readLogin(fields, check, true))
            return false;
        check->database = fields.text("database").value_or(QString());
        return fields.valid();
    };
    type.addConditions = [](TargetFields &fields, CheckDefinition *check, bool givenByUser) {
        if (givenByUser)
            return;
        // With credentials the check logs in and runs SELECT 1 (when Qt's driver is there).
        fields.addCondition(check, check->hasPasswordSource()
                                       ? QStringLiteral("[QUERY] == true")
                                       : QStringLiteral("[ACCEPTING] == true"));
    };
    type.placeholders = {{QStringLiteral("[ACCEPTING]")},
                         {QStringLiteral("[QUERY]")},
                         {QStringLiteral("[POSTGRES]")},
                         {QStringLiteral("[CONNECTED]")}};
    type.createProbe = [](const CheckDefinition &check, QNetworkAccessManager *,
                          QObject *parent) -> Probe * {
        if (check.hasPasswordSource() && PostgresQueryProbe::driverAvailable())
            return new PostgresQueryProbe(check, parent);
        return new PostgresProbe(check, parent);
    };
    return type;
}

} // namespace ic::health

#include "health/CheckTypes.h"
#include "health/TargetFields.h"
#include "health/probes/CommandProbe.h"

namespace ic::health {

// A Nagios-style plugin run without a shell; see probes/CommandProbe.h.
CheckType makeCommandCheck()
{
    CheckType type;
    type.name = QStringLiteral("command");
    type.fields = {QStringLiteral("command")};
    type.readTarget = [](TargetFields &fields, CheckDefinition *check) {
        const std::optional<QStringList> command = fields.list("command");
        if (!command || command->isEmpty()) {
            fields.problem("command", QStringLiteral("must be a list: the program, then each "
                                                     "argument (no shell)"));
            return false;
        }
        check->command = *command;
        return fields.valid();
    };
    // The exit code is the verdict (Probe's Observation::verdict): no default condition.
    type.addConditions = [](TargetFields &, CheckDefinition *, bool) {
    };
    type.placeholders = {{QStringLiteral("[EXIT_CODE]")},
                         {QStringLiteral("[OUTPUT]")},
                         {QStringLiteral("[PERF]"), true}};
    type.createProbe = [](const CheckDefinition &check, QNetworkAccessManager *,
                          QObject *parent) -> Probe * {
        return new CommandProbe(check, parent);
    };
    return type;
}

} // namespace ic::health

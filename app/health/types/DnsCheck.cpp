#include "health/CheckTypes.h"
#include "health/TargetFields.h"
#include "health/probes/DnsProbe.h"

namespace ic::health {

// A DNS lookup of one record type; see probes/DnsProbe.h.
CheckType makeDnsCheck()
{
    CheckType type;
    type.name = QStringLiteral("dns");
    type.fields = {QStringLiteral("host"), QStringLiteral("record_type"),
                   QStringLiteral("nameserver"), QStringLiteral("expected")};
    type.readTarget = [](TargetFields &fields, CheckDefinition *check) {
        if (!fields.readHost(check))
            return false;
        static const QStringList recordTypes{QStringLiteral("A"),     QStringLiteral("AAAA"),
                                             QStringLiteral("CNAME"), QStringLiteral("MX"),
                                             QStringLiteral("NS"),    QStringLiteral("TXT"),
                                             QStringLiteral("SRV"),   QStringLiteral("PTR")};
        const QString recordType =
            fields.text("record_type", check->recordType).value_or(QString()).toUpper();
        if (!recordTypes.contains(recordType)) {
            fields.problem("record_type",
                           QStringLiteral("'%1' is not supported; valid: %2")
                               .arg(recordType, recordTypes.join(QStringLiteral(", "))));
            return false;
        }
        check->recordType = recordType;
        check->nameserver = fields.text("nameserver").value_or(QString());
        return fields.valid();
    };
    type.addConditions = [](TargetFields &fields, CheckDefinition *check, bool givenByUser) {
        if (!givenByUser)
            fields.addCondition(check, QStringLiteral("[DNS_RCODE] == NOERROR"));
        if (const QString expected = fields.scalar("expected"); !expected.isEmpty())
            fields.addCondition(check, QStringLiteral("[BODY] == %1").arg(expected), "expected");
    };
    // [BODY] is the first answer as text, not JSON: no path into it.
    type.placeholders = {{QStringLiteral("[DNS_RCODE]")},
                         {QStringLiteral("[BODY]")},
                         {QStringLiteral("[ANSWERS]")},
                         {QStringLiteral("[CONNECTED]")}};
    type.createProbe = [](const CheckDefinition &check, QNetworkAccessManager *,
                          QObject *parent) -> Probe * {
        return new DnsProbe(check, parent);
    };
    return type;
}

} // namespace ic::health

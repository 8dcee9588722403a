#include "health/CheckTypes.h"
#include "health/CurlCommand.h"
#include "health/TargetFields.h"
#include "health/probes/HttpProbe.h"

namespace ic::health {

// An HTTP(S) request; see probes/HttpProbe.h.
CheckType makeHttpCheck()
{
    CheckType type;
    type.name = QStringLiteral("http");
    type.fields = {QStringLiteral("url"),
                   QStringLiteral("method"),
                   QStringLiteral("headers"),
                   QStringLiteral("body"),
                   QStringLiteral("expected_status"),
                   QStringLiteral("keyword"),
                   QStringLiteral("body_regex"),
                   QStringLiteral("max_redirects"),
                   QStringLiteral("tls_verify")};
    type.readTarget = [](TargetFields &fields, CheckDefinition *check) {
        if (!fields.readUrl(check) || !fields.readHeaders(check) || !fields.readTlsVerify(check))
            return false;
        check->method = fields.text("method", check->method).value_or(check->method).toUpper();
        check->requestBody = fields.text("body").value_or(QString());
        check->maxRedirects = fields.integer("max_redirects", 5, 0, 50).value_or(5);
        return fields.valid();
    };
    type.addConditions = [](TargetFields &fields, CheckDefinition *check, bool givenByUser) {
        if (const QString status = fields.scalar("expected_status"); !status.isEmpty())
            fields.addCondition(check, QStringLiteral("[STATUS] == %1").arg(status),
                                "expected_status");
        else if (!givenByUser)
            fields.addCondition(check, QStringLiteral("[STATUS] < 400"));
        if (const QString keyword = fields.scalar("keyword"); !keyword.isEmpty())
            fields.addCondition(check, QStringLiteral("[BODY] == pat(*%1*)").arg(keyword),
                                "keyword");
        if (const QString regex = fields.scalar("body_regex"); !regex.isEmpty())
            fields.addCondition(check, QStringLiteral("[BODY] == re(%1)").arg(regex), "body_regex");
    };
    type.placeholders = {{QStringLiteral("[STATUS]")},
                         {QStringLiteral("[BODY]"), true},
                         {QStringLiteral("[CONNECTED]")},
                         {QStringLiteral("[IP]")},
                         {QStringLiteral("[CERTIFICATE_EXPIRATION]"), false, &needsHttpsUrl}};
    type.createProbe = [](const CheckDefinition &check, QNetworkAccessManager *nam,
                          QObject *parent) -> Probe * {
        return new HttpProbe(check, nam, parent);
    };
    type.curlCommand = &curlCommand;
    return type;
}

} // namespace ic::health

#include "DraftCommand.h"

#include "ContactsCommand.h"
#include "IncidentCommandSupport.h"
#include "TeamShare.h"
#include "comms/DraftLinter.h"
#include "comms/IncidentExport.h"
#include "comms/IncidentValues.h"
#include "comms/MessageTemplates.h"
#include "comms/SlackText.h"
#include "comms/SlackWebhook.h"
#include "comms/TemplateRenderer.h"
#include "comms/WebhookSecret.h"
#include "incidents/IncidentDocument.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ic::cli {
namespace {

// Slack gets its own rendering, with the values escaped; Markdown its own markup; plain text
// is for people reading it, as filled.
std::optional<QString> formatted(const QString &templateText, const QVariantMap &values,
                                 const QString &text, const QString &slackText,
                                 const QString &format, QString *error)
{
    if (format == QLatin1String("text"))
        return comms::toPlainText(text);
    if (format == QLatin1String("markdown"))
        return comms::renderMarkdownDraft(templateText, values, error);
    return slackText;
}

// Posts and waits: the CLI has nothing else to do meanwhile.
std::pair<bool, QString> postAndWait(const QUrl &url, const QString &text)
{
    comms::SlackWebhook webhook;
    QEventLoop loop;
    std::pair<bool, QString> result{false, {}};
    QObject::connect(&webhook, &comms::SlackWebhook::finished, &loop,
                     [&](bool ok, const QString &error) {
                         result = {ok, error};
                         loop.quit();
                     });
    webhook.post(url, text);
    loop.exec();
    return result;
}

QJsonObject draftJson(const QString &incidentId, const QString &templateId, const QString &format,
                      const QString &text, const QList<comms::LintFinding> &findings)
{
    QJsonArray lint;
    for (const comms::LintFinding &finding : findings)
        lint.append(QJsonObject{{QStringLiteral("rule"), finding.rule},
                                {QStringLiteral("message"), finding.message}});
    return {{QStringLiteral("incident"), incidentId},
            {QStringLiteral("template"), templateId},
            {QStringLiteral("format"), format},
            {QStringLiteral("text"), text},
            {QStringLiteral("lint"), lint}};
}

} // namespace

int runDraft(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Print a message filled from the incident; lint findings go to stderr "
                       "(exit 1 when there are any)."));
    parser.addOption({QStringLiteral("format"),
                      QStringLiteral("slack (default), markdown or text."), QStringLiteral("F"),
                      QStringLiteral("slack")});
    parser.addOption({QStringLiteral("post"),
                      QStringLiteral("Post it to the Slack webhook (INCIDENT_CONSOLE_SLACK_WEBHOOK "
                                     "or the stored setting).")});
    parser.addOption({QStringLiteral("force"), QStringLiteral("Post despite lint findings.")});
    addActorOption(parser);
    if (const int code = parseAction(parser, QStringLiteral("draft"), args, context,
                                     {QStringLiteral("ID"), QStringLiteral("TEMPLATE")});
        code >= 0)
        return code;
    const QString format = parser.value(QStringLiteral("format"));
    if (!QStringList{QStringLiteral("slack"), QStringLiteral("markdown"), QStringLiteral("text")}
             .contains(format))
        return fail(context, QStringLiteral("draft"),
                    QStringLiteral("unknown --format %1; use slack, markdown or text").arg(format),
                    UsageError);
    auto session = openIncidentSession(context, parser);
    if (!session)
        return DataError;
    const QString id = incidentIdFrom(context, QStringLiteral("draft"), session->store(), parser);
    if (id.isEmpty())
        return UsageError;

    const comms::MessageTemplates templates(
        QDir(context.dataDir().path).filePath(QStringLiteral("templates")));
    for (const comms::TemplateProblem &problem : templates.problems())
        context.err() << "incident-console draft: " << problem.toString() << Qt::endl;
    const QString templateId = parser.positionalArguments().at(1);
    const comms::MessageTemplate *chosen = templates.find(templateId);
    if (!chosen)
        return fail(context, QStringLiteral("draft"),
                    QStringLiteral("unknown template %1; available: %2")
                        .arg(templateId, templates.ids().join(QStringLiteral(", "))),
                    UsageError);
    QVariantMap values =
        comms::incidentValues(session->service->document(id), QDateTime::currentDateTimeUtc());
    // Personal data goes into a draft only when its template asks for it.
    if (templateAsksForContacts(chosen->text)) {
        if (const auto incident = session->store().load(id))
            values.insert(QStringLiteral("contacts"),
                          draftContacts(context, *incident, session->service->severities()));
    }
    QString error;
    const auto text = comms::renderTemplate(chosen->text, values, &error);
    const auto slackText = text ? comms::renderSlackDraft(chosen->text, values, &error) : text;
    if (!slackText)
        return fail(context, QStringLiteral("draft"),
                    QStringLiteral("%1: %2").arg(chosen->source, error), UsageError);
    const auto shown =
        formatted(chosen->text, values, text->trimmed(), slackText->trimmed(), format, &error);
    if (!shown)
        return fail(context, QStringLiteral("draft"),
                    QStringLiteral("%1: %2").arg(chosen->source, error), UsageError);
    const QString output = shown->trimmed();
    const auto findings = comms::lintDraft(templateId, *text, values);
    const bool json = parser.isSet(QStringLiteral("json"));
    const bool post = parser.isSet(QStringLiteral("post"));
    if (json) {
        // Posting adds "posted" once it is done; a draft that is not posted is printed now.
        if (!post)
            printJson(context, draftJson(id, templateId, format, output, findings));
    } else {
        context.out() << output << Qt::endl;
        for (const comms::LintFinding &finding : findings)
            context.err() << "lint (" << finding.rule << "): " << finding.message << Qt::endl;
    }
    if (!post)
        return findings.isEmpty() ? Success : CheckFailed;

    if (!findings.isEmpty() && !parser.isSet(QStringLiteral("force")))
        return fail(context, QStringLiteral("draft"),
                    QStringLiteral("not posted because of the findings above; fix the incident "
                                   "or add --force"),
                    CheckFailed);
    const QUrl url = comms::WebhookSecret(context.dataDir().path).load();
    if (url.isEmpty())
        return fail(context, QStringLiteral("draft"),
                    QStringLiteral("no Slack webhook: set INCIDENT_CONSOLE_SLACK_WEBHOOK or store "
                                   "one in the settings"),
                    UsageError);
    if (QString why; !comms::SlackWebhook::isAcceptableUrl(url, &why))
        return fail(context, QStringLiteral("draft"),
                    why + QStringLiteral(" (INCIDENT_CONSOLE_SLACK_WEBHOOK or the stored "
                                         "setting); nothing was sent"),
                    UsageError);
    const auto [posted, postError] = postAndWait(url, *slackText);
    if (!posted)
        return fail(context, QStringLiteral("draft"), postError, CheckFailed);
    if (const Result<incidents::Change> logged = session->service->recordMessageSent(
            id, templateId, chosen->title, output, QStringLiteral("posted to Slack"));
        !logged)
        return fail(
            context, QStringLiteral("draft"),
            QStringLiteral("posted, but not logged on the timeline: %1").arg(logged.error()),
            DataError);
    if (json) {
        QJsonObject posted = draftJson(id, templateId, format, output, findings);
        posted.insert(QStringLiteral("posted"), true);
        printJson(context, posted);
    } else {
        context.err() << "posted to Slack" << Qt::endl;
    }
    session.reset();
    shareWaitingChanges(context);
    return Success;
}

int runExport(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Export one incident to a file."));
    parser.addOption(
        {QStringLiteral("format"), QStringLiteral("md, html, pdf or json."), QStringLiteral("F")});
    parser.addOption(
        {QStringLiteral("output"), QStringLiteral("The file to write."), QStringLiteral("FILE")});
    if (const int code =
            parseAction(parser, QStringLiteral("export"), args, context, {QStringLiteral("ID")});
        code >= 0)
        return code;
    const QString format = parser.value(QStringLiteral("format"));
    const QString output = parser.value(QStringLiteral("output"));
    if (!QStringList{QStringLiteral("md"), QStringLiteral("html"), QStringLiteral("pdf"),
                     QStringLiteral("json")}
             .contains(format))
        return fail(context, QStringLiteral("export"),
                    QStringLiteral("--format must be md, html, pdf or json"), UsageError);
    if (output.isEmpty())
        return fail(context, QStringLiteral("export"), QStringLiteral("--output FILE is required"),
                    UsageError);
    auto session = openIncidentSession(context, parser, Context::Access::ReadOnlyAllowed);
    if (!session)
        return DataError;
    const QString id = incidentIdFrom(context, QStringLiteral("export"), session->store(), parser);
    if (id.isEmpty())
        return UsageError;
    const QJsonObject document = session->service->document(id);

    const auto written = [&] {
        const QString path = QFileInfo(output).absoluteFilePath();
        if (parser.isSet(QStringLiteral("json")))
            printJson(context, QJsonObject{{QStringLiteral("incident"), id},
                                           {QStringLiteral("format"), format},
                                           {QStringLiteral("path"), path}});
        else
            context.out() << output << Qt::endl;
        return Success;
    };
    if (format == QLatin1String("pdf")) {
        if (const Result<void> pdf = comms::writeIncidentPdf(document, output); !pdf)
            return fail(context, QStringLiteral("export"), pdf.error(), DataError);
        return written();
    }
    QByteArray bytes;
    if (format == QLatin1String("json"))
        bytes = QJsonDocument(document).toJson(QJsonDocument::Indented);
    else if (format == QLatin1String("html"))
        bytes = comms::incidentToHtml(document).toUtf8();
    else
        bytes = comms::incidentToMarkdown(document).toUtf8();
    QFile file(output);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        return fail(context, QStringLiteral("export"),
                    QStringLiteral("cannot write %1: %2").arg(output, file.errorString()),
                    DataError);
    return written();
}

} // namespace ic::cli

#include "IncidentCommandSupport.h"
#include "core/CountText.h"
#include "incidents/IncidentImport.h"

#include <QFile>

namespace ic::cli {

int runIncidentImport(Context &context, const QStringList &args)
{
    const QString action = QStringLiteral("import");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Restore an incident from a JSON export (export ID --format json) with "
                       "its ids, timestamps, checklist, timeline and drafts exactly as they "
                       "were. Refused when the incident is already in this data dir."));
    if (const int code = parseAction(parser, action, args, context, {QStringLiteral("FILE")});
        code >= 0)
        return code;
    const QString path = parser.positionalArguments().first();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(context, action,
                    QStringLiteral("cannot read %1: %2").arg(path, file.errorString()), UsageError);
    if (file.size() > incidents::maxImportFileBytes)
        return fail(
            context, action,
            QStringLiteral("%1: %2 bytes, more than the %3 an import reads; nothing "
                           "imported")
                .arg(path, countText(file.size()), countText(incidents::maxImportFileBytes)),
            UsageError);
    const Result<incidents::IncidentRecord> record = incidents::parseIncidentExport(file.readAll());
    if (!record)
        return fail(context, action, path + QStringLiteral(": ") + record.error(), UsageError);

    auto session = openIncidentSession(context, parser);
    if (!session)
        return DataError;
    const QString severity = record->incident.severity;
    if (!session->store().config().severities.level(severity))
        context.err() << "incident-console incident import: " << path << ": severity '" << severity
                      << "' is not in this data dir's severity scheme; kept as it is, without "
                         "its update cadence"
                      << Qt::endl;
    if (const Result<void> imported = session->service->importIncident(*record); !imported) {
        if (imported.errorKind() == ErrorKind::Unchanged)
            return fail(context, action,
                        path + QStringLiteral(": ") + imported.error() +
                            QStringLiteral("; nothing imported"),
                        CheckFailed);
        return fail(context, action,
                    path + QStringLiteral(": not imported, nothing written: ") + imported.error(),
                    DataError);
    }
    if (parser.isSet(QStringLiteral("json")))
        return printIncident(context, session->store(), record->incident.id, true);
    context.out() << record->incident.id << Qt::endl;
    return Success;
}

} // namespace ic::cli

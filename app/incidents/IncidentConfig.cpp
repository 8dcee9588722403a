#include "IncidentConfig.h"

#include "core/Logging.h"
#include "core/Settings.h"

#include <QDir>
#include <QFile>

namespace ic::incidents {
namespace {

QByteArray readResource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// The user's file parsed, or nothing (with a problem recorded unless it does not exist).
template <typename T, typename Parse>
std::optional<T> loadUserFile(const QString &path, Parse parse, QStringList *problems)
{
    QFile file(path);
    if (!file.exists())
        return std::nullopt;
    QString error;
    if (!file.open(QIODevice::ReadOnly))
        error = QStringLiteral("%1: cannot read: %2").arg(path, file.errorString());
    else if (auto parsed = parse(file.readAll(), path, &error))
        return parsed;
    *problems << error + QStringLiteral(" (using the built-in defaults)");
    log::get(log::Incidents)->warn("{}", problems->constLast().toStdString());
    return std::nullopt;
}

} // namespace

std::optional<SeverityScheme> shippedSeverityScheme(const QString &name)
{
    const QString path = QStringLiteral(":/severity/%1.yaml").arg(name);
    return parseSeverityScheme(readResource(path), path, nullptr);
}

IncidentConfig loadIncidentConfig(const QString &dataDir)
{
    IncidentConfig config;
    const QDir dir(dataDir);
    auto severities = loadUserFile<SeverityScheme>(dir.filePath(QStringLiteral("severity.yaml")),
                                                   parseSeverityScheme, &config.problems);
    // A severity.yaml of the user's wins; otherwise the shipped scheme the settings name.
    auto shipped = shippedSeverityScheme(Settings(dataDir).get(settings::severityScheme));
    if (!shipped)
        shipped = shippedSeverityScheme(QStringLiteral("sev"));
    config.severities = severities ? *severities : *shipped;
    const QString defaultChecklist = QStringLiteral(":/checklists/incident-commander.yaml");
    auto checklist = loadUserFile<ChecklistTemplate>(dir.filePath(QStringLiteral("checklist.yaml")),
                                                     parseChecklistTemplate, &config.problems);
    config.checklist = checklist ? *checklist
                                 : *parseChecklistTemplate(readResource(defaultChecklist),
                                                           defaultChecklist, nullptr);
    return config;
}

} // namespace ic::incidents

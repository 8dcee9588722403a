#include "IncidentPdf.h"

#include "IncidentExport.h"

#include <QFile>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

namespace ic::comms {

Result<void> renderIncidentPdf(const QJsonObject &incident, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return failure(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    QPdfWriter writer(&file);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setTitle(incident.value(QStringLiteral("title")).toString());
    writer.setCreator(QStringLiteral("Incident Console"));
    QTextDocument document;
    document.setHtml(incidentToPdfHtml(incident));
    document.print(&writer);
    file.close();
    if (file.error() != QFileDevice::NoError || file.size() == 0)
        return failure(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

} // namespace ic::comms

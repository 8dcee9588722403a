#include "GuiModule.h"

#include "GuiLauncher.h"
#include "cli/Invocation.h"
#include "comms/IncidentExport.h"
#include "comms/IncidentPdf.h"

#include <QApplication>
#include <QGuiApplication>

extern "C" Q_DECL_EXPORT int incidentConsoleGuiMain(int *argc, char **argv,
                                                    const ic::cli::Invocation *invocation,
                                                    QTextStream *out, QTextStream *err)
{
    ic::comms::setIncidentPdfWriter(ic::comms::renderIncidentPdf);
    if (invocation->kind == ic::cli::Invocation::Kind::Subcommand) {
        if (!ic::ui::displayAvailable())
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QGuiApplication app(*argc, argv);
        return ic::cli::runSubcommand(*invocation, *out, *err);
    }
    QApplication app(*argc, argv);
    return ic::ui::runGui(invocation->options, *out, *err);
}

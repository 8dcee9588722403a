// Start-up baseline: a bare QMainWindow that quits after its first paint and prints the
// milliseconds since process start, measured exactly like incident-console does it.
// With --with-text it shows one label, so the font system is initialised as in any window
// that shows text; the difference between the two is Qt's font start-up, not ours.
#include "core/ProcessClock.h"

#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QTextStream>
#include <QTimer>

namespace {

class PaintWatcher : public QObject
{
public:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !fired) {
            fired = true;
            QTimer::singleShot(0, [] {
                QTextStream(stdout) << ic::millisecondsSinceProcessStart() << Qt::endl;
                QCoreApplication::quit();
            });
        }
        return QObject::eventFilter(watched, event);
    }
    bool fired = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.resize(1280, 800);
    if (app.arguments().contains(QStringLiteral("--with-text")))
        window.setCentralWidget(new QLabel(QStringLiteral("Incident Console")));
    PaintWatcher watcher;
    window.installEventFilter(&watcher);
    window.show();
    return app.exec();
}

#include "FirstPaintProbe.h"

#include "core/ProcessClock.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTextStream>
#include <QTimer>
#include <QWidget>

namespace ic::ui {

FirstPaintProbe::FirstPaintProbe(QWidget *window, QTextStream &out) : QObject(window), m_out(out)
{
    window->installEventFilter(this);
}

bool FirstPaintProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && !m_fired) {
        m_fired = true;
        // Queued, so the paint event itself completes and reaches the screen first.
        QTimer::singleShot(0, this, [this] {
            m_out << millisecondsSinceProcessStart() << Qt::endl;
            QCoreApplication::quit();
        });
    }
    return QObject::eventFilter(watched, event);
}

} // namespace ic::ui

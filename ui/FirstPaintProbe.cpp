#include "FirstPaintProbe.h"

#include "core/ProcessClock.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTextStream>
#include <QTimer>
#include <QWidget>

namespace ic::ui {
namespace {

// At the first paint the probe sees: print the milliseconds since the process started and
// quit, queued so that the paint event itself completes and reaches the screen first.
void reportAtFirstPaint(QObject *probe, const QEvent *event, bool &fired, QTextStream &out)
{
    if (event->type() != QEvent::Paint || fired)
        return;
    fired = true;
    QTimer::singleShot(0, probe, [&out] {
        out << millisecondsSinceProcessStart() << Qt::endl;
        QCoreApplication::quit();
    });
}

} // namespace

FirstPaintProbe::FirstPaintProbe(QWidget *window, QTextStream &out) : QObject(window), m_out(out)
{
    window->installEventFilter(this);
}

bool FirstPaintProbe::eventFilter(QObject *watched, QEvent *event)
{
    reportAtFirstPaint(this, event, m_fired, m_out);
    return QObject::eventFilter(watched, event);
}

namespace {

class AfterFirstPaint : public QObject
{
public:
    AfterFirstPaint(QWidget *window, std::function<void()> work)
        : QObject(window), m_work(std::move(work))
    {
        window->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && m_work) {
            watched->removeEventFilter(this);
            // Two hops: behind whatever this paint itself queued (a probe's report).
            QTimer::singleShot(0, this, [this] {
                QTimer::singleShot(0, this, [this] {
                    const auto work = std::move(m_work);
                    m_work = nullptr;
                    work();
                    deleteLater();
                });
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> m_work;
};

} // namespace

void afterFirstPaint(QWidget *window, std::function<void()> work)
{
    new AfterFirstPaint(window, std::move(work));
}

UsableProbe::UsableProbe(QWidget *window, QTextStream &out)
    : QObject(window), m_window(window), m_out(out)
{}

void UsableProbe::markReady(Part part)
{
    m_ready |= part;
    if (m_ready != (RunbookList | HealthBoard) || m_fired)
        return;
    // Ready: the next paint shows it.
    m_window->installEventFilter(this);
    m_window->update();
}

bool UsableProbe::eventFilter(QObject *watched, QEvent *event)
{
    reportAtFirstPaint(this, event, m_fired, m_out);
    return QObject::eventFilter(watched, event);
}

} // namespace ic::ui

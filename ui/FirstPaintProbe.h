#pragma once

#include <QObject>
#include <functional>

class QTextStream;

namespace ic::ui {

// For --exit-after-first-paint: once the watched window has painted, prints the
// milliseconds since process start and quits the application.
class FirstPaintProbe : public QObject
{
    Q_OBJECT
public:
    FirstPaintProbe(QWidget *window, QTextStream &out);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QTextStream &m_out;
    bool m_fired = false;
};

// Runs work once, right after the window's first paint (queued behind it, so that frame is
// finished first). For whatever the first frame does not show.
void afterFirstPaint(QWidget *window, std::function<void()> work);

// For --exit-when-usable: once both parts are ready (markReady) and the window has painted
// them, prints the milliseconds since process start and quits the application.
class UsableProbe : public QObject
{
    Q_OBJECT
public:
    enum Part
    {
        RunbookList = 1,
        HealthBoard = 2
    };
    UsableProbe(QWidget *window, QTextStream &out);
    void markReady(Part part);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_window;
    QTextStream &m_out;
    int m_ready = 0;
    bool m_fired = false;
};

} // namespace ic::ui

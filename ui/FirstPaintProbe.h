#pragma once

#include <QObject>

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

} // namespace ic::ui

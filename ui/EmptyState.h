#pragma once

#include <QWidget>

class QLabel;

namespace ic::ui {

// What an area shows while it has nothing to show: a heading and a sentence on what will
// appear here and how to get it there.
class EmptyState : public QWidget
{
    Q_OBJECT
public:
    EmptyState(const QString &heading, const QString &explanation, QWidget *parent = nullptr);

    QString heading() const;

private:
    QLabel *m_heading;
};

} // namespace ic::ui

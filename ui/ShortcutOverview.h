#pragma once

#include <QDialog>

namespace ic::ui {

// F1: every action of the window that has a keyboard shortcut, in one table.
class ShortcutOverview : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutOverview(QWidget *window);
};

} // namespace ic::ui

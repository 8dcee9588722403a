#pragma once

#include <QString>

class QApplication;

namespace ic::ui {

// "system" keeps the desktop's palette; "light" and "dark" apply a Fusion palette of our
// own, for desktops whose theme is hard to read or missing (a bare X session, say).
void applyTheme(QApplication &app, const QString &theme);

} // namespace ic::ui

#pragma once

#include <QPalette>
#include <QString>

class QApplication;
class QStyle;

namespace ic::ui {

// "system" keeps the desktop's palette; "light" and "dark" apply a Fusion palette of our
// own, for desktops whose theme is hard to read or missing (a bare X session, say).
void applyTheme(QApplication &app, const QString &theme);

// The dark theme's parts (applyTheme sets both), for tests that draw with them.
QPalette darkPalette();
QStyle *darkStyle();

} // namespace ic::ui

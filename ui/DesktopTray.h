#pragma once

#include "TrayModel.h"

#include <QIcon>
#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QSystemTrayIcon;
class QTimer;

namespace ic::health {
class HealthMonitor;
}

namespace ic::ui {

class ActiveIncident;
class MainWindow;

// The console in the system tray: an icon carrying the worst health state, a tooltip naming
// it and the open incident, a menu (show/hide, declare, copy draft, quit) and the desktop
// notifications. The TrayModel decides; this class feeds it and shows what it says. Where
// the desktop has no tray (offscreen, some Wayland shells) the model still runs: the status
// line and the window's urgency hint carry the notifications.
class DesktopTray : public QObject
{
    Q_OBJECT
public:
    DesktopTray(MainWindow &window, QString dataDir);
    ~DesktopTray() override;

    void followHealth(health::HealthMonitor *monitor);
    void followIncident(ActiveIncident *incident);

    const TrayModel &model() const { return m_model; }
    QString toolTip() const { return m_toolTip; }
    QIcon icon() const { return m_icon; }
    // Null when the desktop offers no tray.
    QSystemTrayIcon *trayIcon() const { return m_tray; }
    QMenu *menu() const { return m_menu; }

    // The tray icon for a worst state; no state (no checks yet) shows the plain app icon.
    static QIcon iconFor(std::optional<health::State> worst);

public Q_SLOTS:
    void notifyItemOverdue(const QString &text);
    // A new critical alert: the same path as a check turning CRIT.
    void notifyCriticalAlert(const QString &alertname, const QString &summary);
    // Re-reads the checks' displayed states (STALE comes with time) and the due update.
    void refresh();

Q_SIGNALS:
    // A notification went out: the settings allow desktop notifications.
    void notified(const ic::ui::TrayNotification &notification);

private:
    void readCheck(const QString &name);
    void readIncident();
    void send(const QList<TrayNotification> &notifications);
    void present();

    MainWindow &m_window;
    QString m_dataDir;
    TrayModel m_model;
    QPointer<health::HealthMonitor> m_monitor;
    QPointer<ActiveIncident> m_incident;
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu;
    QAction *m_summary;
    QAction *m_showHide;
    QTimer *m_clock;
    QString m_toolTip;
    QIcon m_icon;
    std::optional<health::State> m_shownState;
    bool m_iconShown = false;
};

// Puts the console in the tray once the cockpit and the drafts are installed (the menu
// reuses their actions): health from monitor (may be null), the incident, overdue items.
DesktopTray *installTray(MainWindow &window, health::HealthMonitor *monitor,
                         ActiveIncident *incident, const QString &dataDir);

} // namespace ic::ui

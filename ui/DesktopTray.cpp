#include "DesktopTray.h"

#include "ActiveIncident.h"
#include "ChecklistPanel.h"
#include "HealthSparkline.h"
#include "MainWindow.h"
#include "core/Settings.h"
#include "health/HealthMonitor.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTimer>

namespace ic::ui {
namespace {

// The badge's shape alone tells the states apart; its colour is the health board's.
void drawGlyph(QPainter &painter, health::State state, const QRectF &box)
{
    const qreal u = box.width() / 10.0;
    const QPointF c = box.center();
    QPen pen(state == health::State::Warn ? QColor(0x21, 0x21, 0x21) : QColor(Qt::white), 1.6 * u,
             Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    switch (state) {
    case health::State::Ok:
        painter.drawPolyline(QPolygonF{c + QPointF(-2.6 * u, 0.2 * u), c + QPointF(-0.8 * u, 2 * u),
                                       c + QPointF(2.8 * u, -2 * u)});
        break;
    case health::State::Warn:
        painter.drawLine(c + QPointF(0, -1.6 * u), c + QPointF(0, 1.0 * u));
        painter.drawPoint(c + QPointF(0, 2.6 * u));
        break;
    case health::State::Crit:
        painter.drawLine(c + QPointF(-2.2 * u, -2.2 * u), c + QPointF(2.2 * u, 2.2 * u));
        painter.drawLine(c + QPointF(2.2 * u, -2.2 * u), c + QPointF(-2.2 * u, 2.2 * u));
        break;
    case health::State::Unknown: {
        QFont font = painter.font();
        font.setBold(true);
        font.setPixelSize(int(7 * u));
        painter.setFont(font);
        painter.drawText(box, Qt::AlignCenter, QStringLiteral("?"));
        break;
    }
    case health::State::Stale:
        painter.drawEllipse(c, 3 * u, 3 * u);
        painter.drawPolyline(QPolygonF{c + QPointF(0, -1.8 * u), c, c + QPointF(1.4 * u, 0.8 * u)});
        break;
    }
}

QPixmap renderIcon(int size, std::optional<health::State> worst)
{
    QPixmap pixmap = QIcon(QStringLiteral(":/icons/incident-console.svg")).pixmap(size, size);
    if (!worst)
        return pixmap;
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal badge = size * 0.6;
    const QRectF box(size - badge, size - badge, badge, badge);
    painter.setPen(QPen(Qt::white, size / 32.0));
    painter.setBrush(stateColor(*worst));
    if (*worst == health::State::Warn) {
        QPainterPath triangle;
        triangle.moveTo(box.center().x(), box.top() + size / 32.0);
        triangle.lineTo(box.right() - size / 32.0, box.bottom() - size / 32.0);
        triangle.lineTo(box.left() + size / 32.0, box.bottom() - size / 32.0);
        triangle.closeSubpath();
        painter.drawPath(triangle);
    } else {
        painter.drawEllipse(box.adjusted(size / 64.0, size / 64.0, -size / 64.0, -size / 64.0));
    }
    drawGlyph(painter, *worst, box);
    return pixmap;
}

} // namespace

DesktopTray::DesktopTray(MainWindow &window, QString dataDir)
    : QObject(&window), m_window(window), m_dataDir(std::move(dataDir)), m_menu(new QMenu),
      m_clock(new QTimer(this))
{
    setObjectName(QStringLiteral("desktopTray"));
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    m_summary = m_menu->addAction(QString());
    m_summary->setObjectName(QStringLiteral("traySummary"));
    m_summary->setEnabled(false);
    m_menu->addSeparator();
    m_showHide = m_menu->addAction(tr("Hide window"), this, [this] {
        if (m_window.isVisible() && !m_window.isMinimized()) {
            m_window.hide();
            return;
        }
        m_window.showNormal();
        m_window.raise();
        m_window.activateWindow();
    });
    m_showHide->setObjectName(QStringLiteral("trayShowHide"));
    // The window's own actions, so the tray does exactly what the menu and Ctrl+K do.
    for (const auto &[role, name, text] :
         {std::tuple{MainWindow::Action::Declare, "declareAction", tr("Declare incident…")},
          std::tuple{MainWindow::Action::CopyDraft, "copyDraftAction", tr("Copy current draft")}}) {
        QAction *target = window.action(role);
        QAction *proxy = m_menu->addAction(text, this, [this, target] {
            m_window.showNormal();
            m_window.raise();
            m_window.activateWindow();
            if (target)
                target->trigger();
        });
        proxy->setObjectName(QStringLiteral("tray_") + QLatin1String(name));
        proxy->setEnabled(target != nullptr);
    }
    m_menu->addSeparator();
    QAction *quit = m_menu->addAction(tr("Quit"), this, [this] {
        m_window.close();
        QCoreApplication::quit();
    });
    quit->setObjectName(QStringLiteral("trayQuit"));
    connect(m_menu, &QMenu::aboutToShow, this, [this] {
        m_showHide->setText(m_window.isVisible() && !m_window.isMinimized() ? tr("Hide window")
                                                                            : tr("Show window"));
    });

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(this);
        m_tray->setObjectName(QStringLiteral("trayIcon"));
        m_tray->setContextMenu(m_menu);
        connect(m_tray, &QSystemTrayIcon::activated, this,
                [this](QSystemTrayIcon::ActivationReason reason) {
                    if (reason == QSystemTrayIcon::Trigger)
                        m_showHide->trigger();
                });
    }
    connect(m_clock, &QTimer::timeout, this, &DesktopTray::refresh);
    m_clock->start(1000);
    present();
}

DesktopTray::~DesktopTray()
{
    // The tray icon borrows the menu (a QMenu has no QWidget parent here): icon first.
    delete m_tray;
    delete m_menu;
}

void DesktopTray::followHealth(health::HealthMonitor *monitor)
{
    m_monitor = monitor;
    connect(monitor, &health::HealthMonitor::statusChanged, this, [this](const QString &name) {
        readCheck(name);
        present();
    });
    connect(monitor, &health::HealthMonitor::checksChanged, this, &DesktopTray::refresh);
    refresh();
}

void DesktopTray::followIncident(ActiveIncident *incident)
{
    m_incident = incident;
    connect(incident, &ActiveIncident::changed, this, &DesktopTray::refresh);
    refresh();
}

void DesktopTray::readCheck(const QString &name)
{
    const health::CheckStatus status = m_monitor->status(name);
    if (!status.hasResult)
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    send(m_model.updateCheck(name, status.state, health::displayedState(status, now),
                             status.last.message, status.check.isSilenced(now)));
}

void DesktopTray::readIncident()
{
    if (!m_incident || !m_incident->hasIncident() || !m_incident->incident().isOpen()) {
        m_model.setIncident(std::nullopt);
        return;
    }
    const incidents::Incident &incident = m_incident->incident();
    m_model.setIncident(TrayIncident{incident.severity, incident.title,
                                     incident.milestone(incidents::Milestone::Started),
                                     m_incident->nextUpdateDue(), incident.drill});
}

void DesktopTray::refresh()
{
    if (m_monitor) {
        const QStringList names = m_monitor->checkNames();
        for (const QString &name : names)
            readCheck(name);
        m_model.retainChecks(names);
    }
    readIncident();
    send(m_model.tick(QDateTime::currentDateTimeUtc()));
    present();
}

void DesktopTray::notifyItemOverdue(const QString &text)
{
    send({TrayModel::itemOverdue(text)});
}

void DesktopTray::send(const QList<TrayNotification> &notifications)
{
    for (const TrayNotification &notification : notifications) {
        // The status line and the urgency hint stay regardless of the settings.
        m_window.statusBar()->showMessage(notification.title + QStringLiteral(": ") +
                                          notification.text);
        QApplication::alert(&m_window);
        if (!Settings(m_dataDir).get(settings::notifications))
            continue;
        if (m_tray)
            m_tray->showMessage(notification.title, notification.text,
                                notification.kind == TrayNotification::Kind::CheckCrit ||
                                        notification.kind == TrayNotification::Kind::AlertCritical
                                    ? QSystemTrayIcon::Critical
                                    : QSystemTrayIcon::Warning);
        Q_EMIT notified(notification);
    }
}

void DesktopTray::notifyCriticalAlert(const QString &alertname, const QString &summary)
{
    send({{TrayNotification::Kind::AlertCritical, tr("✖ CRITICAL alert %1").arg(alertname),
           summary.isEmpty() ? tr("firing") : summary}});
}

QIcon DesktopTray::iconFor(std::optional<health::State> worst)
{
    QIcon icon;
    for (int size : {16, 22, 24, 32, 48, 64, 128})
        icon.addPixmap(renderIcon(size, worst));
    return icon;
}

void DesktopTray::present()
{
    const QString toolTip = m_model.toolTip(QDateTime::currentDateTimeUtc());
    const std::optional<health::State> worst = m_model.worstState();
    const bool iconChanged = !m_iconShown || worst != m_shownState;
    if (!iconChanged && toolTip == m_toolTip)
        return;
    if (iconChanged) {
        m_icon = iconFor(worst);
        m_shownState = worst;
        m_iconShown = true;
    }
    m_toolTip = toolTip;
    m_summary->setText(
        toolTip.section(QLatin1Char('\n'), 1).replace(QLatin1Char('\n'), QStringLiteral(" · ")));
    if (m_tray) {
        if (iconChanged)
            m_tray->setIcon(m_icon);
        m_tray->setToolTip(toolTip);
        m_tray->show();
    }
}

DesktopTray *installTray(MainWindow &window, health::HealthMonitor *monitor,
                         ActiveIncident *incident, const QString &dataDir)
{
    auto *tray = new DesktopTray(window, dataDir);
    if (monitor)
        tray->followHealth(monitor);
    tray->followIncident(incident);
    if (auto *checklist =
            qobject_cast<ChecklistPanel *>(window.areaContent(MainWindow::Area::Checklist)))
        QObject::connect(checklist, &ChecklistPanel::itemOverdue, tray,
                         &DesktopTray::notifyItemOverdue);
    return tray;
}

} // namespace ic::ui

#include "AlertsPanel.h"

#include "AlertsModel.h"
#include "core/Duration.h"

#include <QAction>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

namespace ic::ui {
namespace {

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString ageText(const QDateTime &since)
{
    const qint64 seconds = std::max<qint64>(0, since.secsTo(QDateTime::currentDateTimeUtc()));
    return formatDuration(std::chrono::seconds(seconds));
}

} // namespace

AlertsPanel::AlertsPanel(alerts::AlertMonitor &monitor, QWidget *parent)
    : QWidget(parent), m_monitor(monitor), m_sources(new QLabel(this)),
      m_filter(new QLineEdit(this)), m_severity(new QComboBox(this)), m_view(new QTreeView(this)),
      m_model(new AlertsModel(this)), m_details(new QTextBrowser(this)),
      m_runbook(new QPushButton(tr("Open &runbook"), this)),
      m_declare(new QPushButton(tr("&Declare…"), this)),
      m_link(new QPushButton(tr("&Link to incident"), this)),
      m_silence(new QPushButton(tr("&Silence…"), this)),
      m_expire(new QPushButton(tr("E&xpire silence"), this))
{
    setObjectName(QStringLiteral("alertsPanel"));
    m_sources->setObjectName(QStringLiteral("alertSources"));
    m_sources->setWordWrap(true);
    m_sources->setTextFormat(Qt::PlainText);
    m_filter->setObjectName(QStringLiteral("alertFilter"));
    m_filter->setPlaceholderText(tr("Filter by name, label or summary"));
    m_filter->setAccessibleName(tr("Filter alerts"));
    m_filter->setClearButtonEnabled(true);
    m_severity->setObjectName(QStringLiteral("alertSeverityFilter"));
    m_severity->setAccessibleName(tr("Severity filter"));
    m_severity->addItem(tr("All severities"), QString());
    for (const char *severity : {"critical", "error", "warning", "info"})
        m_severity->addItem(QString::fromLatin1(severity), QString::fromLatin1(severity));
    m_view->setObjectName(QStringLiteral("alertsView"));
    m_view->setAccessibleName(tr("Alerts"));
    m_view->setModel(m_model);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    // The name gets the room; the short columns take what their text needs.
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(AlertsModel::Name, QHeaderView::Stretch);
    m_details->setObjectName(QStringLiteral("alertDetails"));
    m_details->setAccessibleName(tr("Alert details"));
    m_details->setOpenLinks(false);
    m_details->setFocusPolicy(Qt::NoFocus);
    m_runbook->setObjectName(QStringLiteral("alertOpenRunbook"));
    m_declare->setObjectName(QStringLiteral("alertDeclare"));
    m_link->setObjectName(QStringLiteral("alertLink"));
    m_silence->setObjectName(QStringLiteral("alertSilence"));
    m_expire->setObjectName(QStringLiteral("alertExpire"));
    m_runbook->setToolTip(tr("Open the alert's runbook from the local index (R or Enter)"));
    m_declare->setToolTip(tr("Declare an incident pre-filled from the alert or group (D)"));
    m_link->setToolTip(tr("Link the alert or group to the open incident (L)"));
    m_silence->setToolTip(tr("Silence the alert at its Alertmanager (S)"));
    m_expire->setToolTip(tr("End the alert's silence again (X)"));

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_filter, 1);
    filters->addWidget(m_severity);
    // Two rows, so the dock stays as narrow as the health board beside it.
    auto *buttons = new QGridLayout;
    int column = 0;
    for (QPushButton *button : {m_runbook, m_declare, m_link, m_silence, m_expire}) {
        buttons->addWidget(button, column / 3, column % 3);
        ++column;
    }
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("alertsSplitter"));
    splitter->addWidget(m_view);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_sources);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);

    const auto shortcut = [this](const QKeySequence &keys, auto slot) {
        auto *action = new QAction(this);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        m_view->addAction(action);
    };
    shortcut(Qt::Key_R, &AlertsPanel::openRunbook);
    shortcut(Qt::Key_Return, &AlertsPanel::openRunbook);
    shortcut(Qt::Key_D, [this] {
        if (const auto alerts = selectedAlerts(); !alerts.isEmpty())
            Q_EMIT declareRequested(alerts);
    });
    shortcut(Qt::Key_L, [this] {
        if (const auto alerts = selectedAlerts(); !alerts.isEmpty())
            Q_EMIT linkRequested(alerts);
    });
    shortcut(Qt::Key_S, [this] {
        if (const auto alert = singleAlert())
            Q_EMIT silenceRequested(*alert);
    });
    shortcut(Qt::Key_X, [this] {
        if (const auto alert = singleAlert(); alert && !alert->silencedBy.isEmpty())
            Q_EMIT expireRequested(*alert);
    });
    connect(m_runbook, &QPushButton::clicked, this, &AlertsPanel::openRunbook);
    connect(m_declare, &QPushButton::clicked, this,
            [this] { Q_EMIT declareRequested(selectedAlerts()); });
    connect(m_link, &QPushButton::clicked, this,
            [this] { Q_EMIT linkRequested(selectedAlerts()); });
    connect(m_silence, &QPushButton::clicked, this, [this] {
        if (const auto alert = singleAlert())
            Q_EMIT silenceRequested(*alert);
    });
    connect(m_expire, &QPushButton::clicked, this, [this] {
        if (const auto alert = singleAlert())
            Q_EMIT expireRequested(*alert);
    });
    connect(m_filter, &QLineEdit::textChanged, this, &AlertsPanel::rebuild);
    connect(m_severity, &QComboBox::currentIndexChanged, this, &AlertsPanel::rebuild);
    connect(&m_monitor, &alerts::AlertMonitor::alertsChanged, this, &AlertsPanel::rebuild);
    connect(&m_monitor, &alerts::AlertMonitor::sourceChanged, this, &AlertsPanel::showSources);
    connect(m_view, &QTreeView::expanded, this,
            [this](const QModelIndex &index) { m_expanded << index.data().toString(); });
    connect(m_view, &QTreeView::collapsed, this,
            [this](const QModelIndex &index) { m_expanded.removeAll(index.data().toString()); });
    rebuild();
    showSources();
}

AlertsPanel::~AlertsPanel() = default;

void AlertsPanel::setResolver(alerts::RunbookResolver resolver)
{
    m_resolver = std::move(resolver);
    showDetails();
}

void AlertsPanel::setIncidents(const QHash<QString, QString> &incidents)
{
    if (incidents == m_incidents)
        return;
    m_incidents = incidents;
    rebuild();
}

void AlertsPanel::setConfigProblems(const QStringList &problems)
{
    m_problems = problems;
    showSources();
}

void AlertsPanel::rebuild()
{
    // Keep the selection on the same alert (or group) across a new answer.
    const QList<alerts::Alert> selected = selectedAlerts();
    const QString selectedFingerprint =
        selected.size() == 1 && m_model->alertAt(m_view->currentIndex())
            ? selected.first().fingerprint
            : QString();
    const QString selectedGroup =
        m_view->currentIndex().isValid()
            ? m_view->currentIndex().siblingAtColumn(0).parent().isValid()
                  ? m_view->currentIndex().parent().data().toString()
                  : m_view->currentIndex().siblingAtColumn(0).data().toString()
            : QString();
    m_model->setAlerts(m_monitor.alerts(), m_filter->text(), m_severity->currentData().toString(),
                       m_incidents);
    QModelIndex current;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex group = m_model->index(row, 0);
        const QString name = group.data().toString();
        if (m_expanded.contains(name))
            m_view->expand(group);
        if (name != selectedGroup)
            continue;
        current = group;
        for (int child = 0; !selectedFingerprint.isEmpty() && child < m_model->rowCount(group);
             ++child) {
            const QModelIndex index = m_model->index(child, 0, group);
            if (m_model->alertAt(index)->fingerprint == selectedFingerprint)
                current = index;
        }
    }
    if (!current.isValid() && m_model->rowCount() > 0)
        current = m_model->index(0, 0);
    if (current.isValid())
        m_view->setCurrentIndex(current);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &AlertsPanel::showDetails, Qt::UniqueConnection);
    showDetails();
    showSources();
}

void AlertsPanel::showSources()
{
    QStringList lines = m_problems;
    const QStringList names = m_monitor.sourceNames();
    if (names.isEmpty() && m_problems.isEmpty())
        lines << tr("No alert sources yet: add Alertmanager or Prometheus to alerts.yaml in the "
                    "data dir.");
    for (const QString &name : names) {
        const alerts::SourceStatus status = m_monitor.source(name);
        switch (status.state) {
        case alerts::SourceStatus::State::Waiting:
            lines << tr("… %1: asking").arg(name);
            break;
        case alerts::SourceStatus::State::Up:
            lines << (status.alerts.size() == 1
                          ? tr("✔ %1: 1 alert").arg(name)
                          : tr("✔ %1: %2 alerts").arg(name).arg(status.alerts.size())) +
                         (status.note.isEmpty() ? QString() : QStringLiteral(" — ") + status.note);
            break;
        case alerts::SourceStatus::State::Down:
            lines << (status.lastSuccess.isValid()
                          ? tr("✖ %1 DOWN: %2 — its alerts below are %3 old")
                                .arg(name, status.message, ageText(status.lastSuccess))
                          : tr("✖ %1 DOWN: %2").arg(name, status.message));
            break;
        }
    }
    m_sources->setText(lines.join(QLatin1Char('\n')));
}

QList<alerts::Alert> AlertsPanel::selectedAlerts() const
{
    return m_model->alertsAt(m_view->currentIndex().siblingAtColumn(0));
}

std::optional<alerts::Alert> AlertsPanel::singleAlert() const
{
    const QList<alerts::Alert> alerts = selectedAlerts();
    if (alerts.size() != 1)
        return std::nullopt;
    return alerts.first();
}

void AlertsPanel::openRunbook()
{
    const QList<alerts::Alert> alerts = selectedAlerts();
    if (alerts.isEmpty())
        return;
    const alerts::RunbookMatch match = m_resolver.resolve(alerts.first());
    if (match.runbook)
        Q_EMIT openRunbookRequested(match.runbook->path, match.runbook->root);
}

void AlertsPanel::showDetails()
{
    const QList<alerts::Alert> alerts = selectedAlerts();
    const bool one = alerts.size() == 1;
    m_declare->setEnabled(!alerts.isEmpty());
    m_link->setEnabled(!alerts.isEmpty());
    m_silence->setEnabled(one);
    m_expire->setEnabled(one && !alerts.first().silencedBy.isEmpty());
    if (alerts.isEmpty()) {
        m_runbook->setEnabled(false);
        m_details->setHtml(m_monitor.sourceNames().isEmpty() ? QString()
                                                             : tr("<p>Nothing is firing.</p>"));
        return;
    }
    const alerts::Alert &alert = alerts.first();
    const alerts::RunbookMatch match = m_resolver.resolve(alert);
    m_runbook->setEnabled(match.runbook.has_value());
    QString html;
    if (!one)
        html += tr("<p><b>%1</b>: %2 alerts; the first:</p>")
                    .arg(escaped(alert.alertname()))
                    .arg(alerts.size());
    html += QStringLiteral("<p><b>%1</b> — %2 · %3 · source %4</p>")
                .arg(escaped(alert.alertname()), escaped(alerts::alertStateId(alert.state)),
                     escaped(alert.severity().isEmpty() ? tr("no severity") : alert.severity()),
                     escaped(alert.source));
    if (!alert.summary().isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(escaped(alert.summary()));
    if (!alert.description().isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(escaped(alert.description()));
    if (match.runbook)
        html += tr("<p>Runbook: <b>%1</b> (%2; press R)</p>")
                    .arg(escaped(match.runbook->meta.title), escaped(match.runbook->id));
    else if (!match.problem.isEmpty())
        html += QStringLiteral("<p>⚠ %1</p>").arg(escaped(match.problem));
    else
        html += tr("<p>No local runbook for this alert.</p>");
    if (const QString incident = m_incidents.value(alert.fingerprint); !incident.isEmpty())
        html += tr("<p>Linked to incident %1</p>").arg(escaped(incident.left(8)));
    if (!alert.silencedBy.isEmpty())
        html +=
            tr("<p>Silenced by %1</p>").arg(escaped(alert.silencedBy.join(QStringLiteral(", "))));
    html += QStringLiteral("<table>");
    for (auto it = alert.labels.begin(); it != alert.labels.end(); ++it)
        html += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>")
                    .arg(escaped(it.key()), escaped(it.value()));
    for (auto it = alert.annotations.begin(); it != alert.annotations.end(); ++it) {
        if (it.key() != QLatin1String("summary") && it.key() != QLatin1String("description"))
            html += QStringLiteral("<tr><td><i>%1</i></td><td>%2</td></tr>")
                        .arg(escaped(it.key()), escaped(it.value()));
    }
    html += QStringLiteral("</table><p>fingerprint %1</p>").arg(escaped(alert.fingerprint));
    m_details->setHtml(html);
}

} // namespace ic::ui

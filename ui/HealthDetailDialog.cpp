#include "HealthDetailDialog.h"

#include "HealthHistoryChart.h"
#include "HealthTile.h"
#include "core/AsyncTask.h"
#include "health/CheckTypes.h"
#include "health/HealthHistory.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ic::ui {
namespace {

QTableWidget *makeTable(const QString &objectName, const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setTabKeyNavigation(false); // Tab leaves the table; arrows move inside it
    table->setObjectName(objectName);
    table->setHorizontalHeaderLabels(headers);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->setVisible(false);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    return table;
}

void setRow(QTableWidget *table, int row, const QStringList &cells)
{
    for (int column = 0; column < cells.size(); ++column)
        table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
}

// "12 / 40 / 85 ms", or "n/a" before any latency was counted.
QString percentiles(const health::Uptime &uptime)
{
    QStringList values;
    for (const double percent : {50.0, 95.0, 99.0}) {
        const std::optional<double> value = uptime.latencyPercentile(percent);
        if (!value)
            return HealthDetailDialog::tr("n/a");
        values.append(QString::number(*value, 'f', 0));
    }
    return HealthDetailDialog::tr("%1 ms").arg(values.join(QStringLiteral(" / ")));
}

} // namespace

HealthDetailDialog::HealthDetailDialog(health::HealthMonitor *monitor, const QString &name,
                                       QWidget *parent)
    : QDialog(parent), m_monitor(monitor), m_name(name), m_heading(new QLabel(this)),
      m_last(new QLabel(this)), m_uptime(new QLabel(this)), m_latency(new QLabel(this)),
      m_chart(new HealthHistoryChart(this)), m_chartSummary(new QLabel(this)),
      m_conditions(makeTable(QStringLiteral("healthDetailConditions"),
                             {tr("Result"), tr("Resolved"), tr("Why")}, this)),
      m_history(makeTable(QStringLiteral("healthDetailHistory"),
                          {tr("Time"), tr("State"), tr("Latency"), tr("Message")}, this)),
      m_copyCurl(new QPushButton(tr("Copy as curl"), this))
{
    setObjectName(QStringLiteral("healthDetail"));
    setWindowTitle(tr("Health check %1").arg(name));
    resize(760, 560);
    m_heading->setObjectName(QStringLiteral("healthDetailHeading"));
    m_last->setObjectName(QStringLiteral("healthDetailLast"));
    m_last->setWordWrap(true);
    m_last->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_uptime->setObjectName(QStringLiteral("healthDetailUptime"));
    m_latency->setObjectName(QStringLiteral("healthDetailLatency"));
    m_latency->setToolTip(tr("Percentiles estimated from the history's latency histograms "
                             "(log-spaced buckets), capped by the largest latency seen"));
    m_chartSummary->setObjectName(QStringLiteral("healthDetailChartSummary"));
    m_chartSummary->setWordWrap(true);
    m_copyCurl->setObjectName(QStringLiteral("healthDetailCopyCurl"));
    connect(m_copyCurl, &QPushButton::clicked, this, [this] {
        const health::CheckDefinition check = m_monitor->status(m_name).check;
        if (const health::CheckType *type = health::findCheckType(check.type);
            type && type->curlCommand)
            QApplication::clipboard()->setText(type->curlCommand(check));
    });
    auto *probeNow = new QPushButton(tr("Probe now"), this);
    probeNow->setObjectName(QStringLiteral("healthDetailProbeNow"));
    connect(probeNow, &QPushButton::clicked, this, [this] { m_monitor->probeNow(m_name); });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(probeNow, QDialogButtonBox::ActionRole);
    buttons->addButton(m_copyCurl, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_last);
    layout->addWidget(m_uptime);
    layout->addWidget(m_latency);
    layout->addWidget(m_chart);
    layout->addWidget(m_chartSummary);
    layout->addWidget(new QLabel(tr("Conditions of the last result"), this));
    layout->addWidget(m_conditions, 1);
    layout->addWidget(new QLabel(tr("Recent results, newest first"), this));
    layout->addWidget(m_history, 2);
    layout->addWidget(buttons);

    connect(m_monitor, &health::HealthMonitor::statusChanged, this, [this](const QString &changed) {
        if (changed == m_name)
            refresh();
    });
    refresh();
}

void HealthDetailDialog::refresh()
{
    const health::CheckStatus status = m_monitor->status(m_name);
    const health::State state = health::displayedState(status, QDateTime::currentDateTimeUtc());
    m_heading->setText(tr("<b>%1</b> · %2 · %3 · %4")
                           .arg(m_name.toHtmlEscaped(), status.check.type,
                                status.check.group.toHtmlEscaped(),
                                status.hasResult ? HealthTile::stateText(state) : tr("pending")));
    const health::CheckType *type = health::findCheckType(status.check.type);
    m_copyCurl->setVisible(type && type->curlCommand);
    if (status.hasResult)
        m_last->setText(tr("Last answer at %1 after %2 ms: %3")
                            .arg(status.last.checkedAt.toLocalTime().toString(Qt::ISODate))
                            .arg(status.last.latencyMs)
                            .arg(status.last.message));
    else
        m_last->setText(tr("No result yet."));
    m_conditions->setRowCount(int(status.last.conditions.size()));
    for (int row = 0; row < status.last.conditions.size(); ++row) {
        const health::ConditionResult &condition = status.last.conditions.at(row);
        const QString result = condition.success   ? tr("✔ passed")
                               : condition.warning ? tr("▲ failed (warning)")
                                                   : tr("✖ failed");
        setRow(m_conditions, row, {result, condition.resolved, condition.reason});
    }
    m_history->setRowCount(int(status.recent.size()));
    for (int i = 0; i < status.recent.size(); ++i) {
        const health::CheckResult &result = status.recent.at(status.recent.size() - 1 - i);
        setRow(m_history, i,
               {result.checkedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss")),
                HealthTile::stateText(result.state), tr("%1 ms").arg(result.latencyMs),
                result.message});
    }
    m_conditions->resizeColumnToContents(0);
    m_conditions->resizeColumnToContents(1);
    loadHistory();
}

void HealthDetailDialog::loadHistory()
{
    if (m_monitor->databasePath().isEmpty()) {
        m_uptime->setText(tr("Uptime: no history is kept for this board"));
        m_latency->clear();
        m_chart->hide();
        m_chartSummary->clear();
        return;
    }
    // One read at a time: a refresh while one is out would only ask the same question again.
    if (m_historyLoading)
        return;
    m_historyLoading = true;
    runAsync(
        this,
        [path = m_monitor->databasePath(), name = m_name] {
            return health::readHistory(path, name);
        },
        [this](const Result<health::CheckHistory> &history) {
            m_historyLoading = false;
            showHistory(history ? history.value() : health::CheckHistory());
        });
}

void HealthDetailDialog::showHistory(const health::CheckHistory &history)
{
    m_chart->setHistory(history.lastDay, QDateTime::currentDateTimeUtc());
    m_chartSummary->setText(m_chart->summary());
    const QList<health::Uptime> &uptimes = history.windows;
    if (!history.available || uptimes.size() != 3) {
        m_uptime->setText(tr("Uptime: no history available"));
        m_latency->clear();
        return;
    }
    const auto percent = [this](const health::Uptime &uptime) {
        return uptime.percent() < 0 ? tr("n/a")
                                    : tr("%1%").arg(QString::number(uptime.percent(), 'f', 2));
    };
    m_uptime->setText(
        tr("Uptime: 1 h %1 · 24 h %2 · 7 d %3 · average latency (1 h) %4 ms")
            .arg(percent(uptimes.at(0)), percent(uptimes.at(1)), percent(uptimes.at(2)))
            .arg(QString::number(uptimes.at(0).averageLatencyMs, 'f', 0)));
    m_latency->setText(tr("Latency p50 / p95 / p99: 1 h %1 · 24 h %2 · 7 d %3")
                           .arg(percentiles(uptimes.at(0)), percentiles(uptimes.at(1)),
                                percentiles(uptimes.at(2))));
}

} // namespace ic::ui

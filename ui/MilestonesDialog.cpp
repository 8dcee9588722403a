#include "MilestonesDialog.h"

#include "ActiveIncident.h"
#include "core/Duration.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>

namespace ic::ui {

using incidents::Milestone;

MilestonesDialog::MilestonesDialog(ActiveIncident &incident, QWidget *parent)
    : QDialog(parent), m_incident(incident), m_metrics(new QLabel(this)), m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("milestonesDialog"));
    setWindowTitle(tr("Milestones"));
    auto *form = new QFormLayout(this);
    const incidents::Incident &current = incident.incident();
    for (int i = 0; i < incidents::milestoneCount; ++i) {
        const QString name = incidents::milestoneId(Milestone(i));
        const QDateTime value = current.milestones[size_t(i)];
        m_set[size_t(i)] = new QCheckBox(this);
        m_set[size_t(i)]->setObjectName(QStringLiteral("milestoneSet_") + name);
        m_set[size_t(i)]->setChecked(value.isValid());
        // Started anchors every deadline; it can move but not disappear.
        m_set[size_t(i)]->setEnabled(i != int(Milestone::Started));
        m_set[size_t(i)]->setAccessibleName(tr("%1 is set").arg(name));
        m_time[size_t(i)] = new QDateTimeEdit(
            (value.isValid() ? value : QDateTime::currentDateTimeUtc()).toLocalTime(), this);
        m_time[size_t(i)]->setObjectName(QStringLiteral("milestoneTime_") + name);
        m_time[size_t(i)]->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        m_time[size_t(i)]->setAccessibleName(tr("%1 time").arg(name));
        m_time[size_t(i)]->setEnabled(value.isValid());
        connect(m_set[size_t(i)], &QCheckBox::toggled, m_time[size_t(i)], &QWidget::setEnabled);
        auto *row = new QHBoxLayout;
        row->addWidget(m_set[size_t(i)]);
        row->addWidget(m_time[size_t(i)], 1);
        form->addRow(name, row);
    }
    m_metrics->setObjectName(QStringLiteral("milestoneMetrics"));
    m_metrics->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("milestoneError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #c62828; }"));
    form->addRow(m_metrics);
    form->addRow(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &MilestonesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    showMetrics();
}

void MilestonesDialog::showMetrics()
{
    const incidents::Incident &current = m_incident.incident();
    const auto show = [](const std::optional<qint64> &seconds) {
        return seconds ? formatDuration(std::chrono::seconds(*seconds)) : tr("not yet");
    };
    m_metrics->setText(
        tr("MTTA %1 (%2)\nMTTR %3 (%4)%5")
            .arg(show(current.mttaSeconds()), incidents::mttaDefinition(),
                 show(current.mttrSeconds()), incidents::mttrDefinition(),
                 current.drill ? tr("\nThis is a drill: not in the averages.") : QString()));
}

void MilestonesDialog::accept()
{
    // Milestones are saved one by one in order, each checked against those already stored,
    // so the first refusal names exactly which value breaks the order.
    for (int i = 0; i < incidents::milestoneCount; ++i) {
        const QDateTime stored = m_incident.incident().milestones[size_t(i)];
        const QDateTime wanted = m_set[size_t(i)]->isChecked() || i == int(Milestone::Started)
                                     ? m_time[size_t(i)]->dateTime().toUTC()
                                     : QDateTime();
        const bool same = stored.isValid() == wanted.isValid() &&
                          (!stored.isValid() || stored.secsTo(wanted) == 0);
        if (same)
            continue;
        const Result<incidents::Change> changed =
            m_incident.service().setMilestone(m_incident.incident().id, Milestone(i), wanted);
        if (!changed) {
            m_error->setText(changed.error());
            showMetrics();
            return;
        }
    }
    QDialog::accept();
}

} // namespace ic::ui

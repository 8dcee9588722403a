#include "DeclareDialog.h"

#include "core/Duration.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace ic::ui {

DeclareDialog::DeclareDialog(const incidents::SeverityScheme &severities, const QString &commander,
                             QWidget *parent)
    : QDialog(parent), m_severities(severities), m_title(new QLineEdit(this)),
      m_severity(new QComboBox(this)), m_description(new QLabel(this)),
      m_service(new QLineEdit(this)), m_impact(new QLineEdit(this)),
      m_commander(new QLineEdit(commander, this)), m_deputy(new QLineEdit(this)),
      m_scribe(new QLineEdit(this)),
      m_drill(new QCheckBox(tr("Drill (practice, kept out of the metrics)"), this)),
      m_declare(nullptr)
{
    setObjectName(QStringLiteral("declareDialog"));
    setWindowTitle(tr("Declare an incident"));
    m_title->setObjectName(QStringLiteral("declareTitle"));
    m_title->setPlaceholderText(tr("What is wrong, in a few words"));
    m_severity->setObjectName(QStringLiteral("declareSeverity"));
    for (const incidents::SeverityLevel &level : severities.levels)
        m_severity->addItem(
            level.label.isEmpty() ? level.id : tr("%1 — %2").arg(level.id, level.label), level.id);
    // The middle of the scale: a wrong guess either way costs least.
    m_severity->setCurrentIndex(qMax(0, int(severities.levels.size()) / 2 - 1));
    m_description->setObjectName(QStringLiteral("declareSeverityDescription"));
    m_description->setWordWrap(true);
    m_service->setObjectName(QStringLiteral("declareService"));
    m_service->setPlaceholderText(tr("Affected services, comma-separated"));
    m_impact->setObjectName(QStringLiteral("declareImpact"));
    m_impact->setPlaceholderText(tr("Who is affected and how"));
    m_commander->setObjectName(QStringLiteral("declareCommander"));
    m_deputy->setObjectName(QStringLiteral("declareDeputy"));
    m_deputy->setPlaceholderText(tr("Deputy or communications lead (optional)"));
    m_scribe->setObjectName(QStringLiteral("declareScribe"));
    m_scribe->setPlaceholderText(tr("Who keeps the timeline (optional)"));
    m_drill->setObjectName(QStringLiteral("declareDrill"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_declare = buttons->addButton(tr("Declare"), QDialogButtonBox::AcceptRole);
    m_declare->setObjectName(QStringLiteral("declareButton"));
    m_declare->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // What the initial announcement says comes first, so Tab walks from the title through
    // services and impact to Enter; the severity's default is the middle of the scale.
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Title"), m_title);
    form->addRow(tr("S&ervices"), m_service);
    form->addRow(tr("&Impact"), m_impact);
    form->addRow(tr("&Severity"), m_severity);
    form->addRow(QString(), m_description);
    form->addRow(tr("&Commander"), m_commander);
    form->addRow(tr("De&puty"), m_deputy);
    form->addRow(tr("Scri&be"), m_scribe);
    form->addRow(QString(), m_drill);
    form->addRow(buttons);
    QWidget *order[] = {m_title,     m_service, m_impact, m_severity,
                        m_commander, m_deputy,  m_scribe, m_drill};
    for (size_t i = 1; i < std::size(order); ++i)
        setTabOrder(order[i - 1], order[i]);

    connect(m_severity, &QComboBox::currentIndexChanged, this,
            &DeclareDialog::showSeverityDescription);
    connect(m_title, &QLineEdit::textChanged, this, &DeclareDialog::updateAcceptable);
    showSeverityDescription();
    updateAcceptable();
    m_title->setFocus();
    resize(520, sizeHint().height());
}

void DeclareDialog::showSeverityDescription()
{
    const incidents::SeverityLevel *level =
        m_severities.level(m_severity->currentData().toString());
    if (!level)
        return;
    const auto duration = [](qint64 seconds) {
        return formatDuration(std::chrono::seconds(seconds));
    };
    QStringList ladder;
    for (const incidents::EscalationStep &step : level->escalation)
        ladder << tr("%1: %2").arg(duration(step.afterSeconds), step.step);
    m_description->setText(
        tr("%1\nRespond within %2; %3.\nEscalation: %4")
            .arg(level->definition, duration(level->responseTargetSeconds),
                 level->updateEverySeconds > 0
                     ? tr("update every %1").arg(duration(level->updateEverySeconds))
                     : tr("no regular updates"),
                 ladder.isEmpty() ? tr("none") : ladder.join(QStringLiteral(" → "))));
}

void DeclareDialog::updateAcceptable()
{
    m_declare->setEnabled(!m_title->text().trimmed().isEmpty());
}

void DeclareDialog::setRequest(const incidents::DeclareRequest &request)
{
    m_title->setText(request.title);
    if (const int index = m_severity->findData(request.severity); index >= 0)
        m_severity->setCurrentIndex(index);
    m_service->setText(request.services.join(QStringLiteral(", ")));
    m_impact->setText(request.impact);
    updateAcceptable();
}

incidents::DeclareRequest DeclareDialog::request() const
{
    incidents::DeclareRequest request;
    request.title = m_title->text().trimmed();
    request.severity = m_severity->currentData().toString();
    for (const QString &service : m_service->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        request.services << service.trimmed();
    request.impact = m_impact->text().trimmed();
    request.commander = m_commander->text().trimmed();
    request.deputy = m_deputy->text().trimmed();
    request.scribe = m_scribe->text().trimmed();
    request.drill = m_drill->isChecked();
    return request;
}

} // namespace ic::ui

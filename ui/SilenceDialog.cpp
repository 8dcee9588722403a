#include "SilenceDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace ic::ui {

SilenceDialog::SilenceDialog(const alerts::Alert &alert, QWidget *parent)
    : QDialog(parent), m_duration(new QComboBox(this)), m_comment(new QLineEdit(this))
{
    setObjectName(QStringLiteral("silenceDialog"));
    setWindowTitle(tr("Silence %1").arg(alert.alertname()));
    auto *what = new QLabel(tr("Silences every alert with exactly these labels at %1:\n%2")
                                .arg(alert.source, QString(alert.alertname() + QStringLiteral(" ") +
                                                           alert.labelText())),
                            this);
    what->setWordWrap(true);
    what->setTextFormat(Qt::PlainText);
    m_duration->setObjectName(QStringLiteral("silenceDuration"));
    const std::pair<const char *, int> durations[] = {{QT_TR_NOOP("30 minutes"), 1800},
                                                      {QT_TR_NOOP("1 hour"), 3600},
                                                      {QT_TR_NOOP("2 hours"), 7200},
                                                      {QT_TR_NOOP("4 hours"), 14400},
                                                      {QT_TR_NOOP("1 day"), 86400}};
    for (const auto &[label, seconds] : durations)
        m_duration->addItem(tr(label), seconds);
    m_duration->setCurrentIndex(1);
    m_comment->setObjectName(QStringLiteral("silenceComment"));
    m_comment->setPlaceholderText(tr("Why (required), e.g. known, rollback in progress"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_send = buttons->addButton(tr("Silence"), QDialogButtonBox::AcceptRole);
    m_send->setObjectName(QStringLiteral("silenceSend"));
    m_send->setDefault(true);
    m_send->setEnabled(false);
    connect(m_comment, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_send->setEnabled(!text.trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = new QFormLayout(this);
    form->addRow(what);
    form->addRow(tr("&For"), m_duration);
    form->addRow(tr("&Comment"), m_comment);
    form->addRow(buttons);
}

SilenceChoice SilenceDialog::choice() const
{
    return {std::chrono::seconds(m_duration->currentData().toInt()), m_comment->text().trimmed()};
}

} // namespace ic::ui

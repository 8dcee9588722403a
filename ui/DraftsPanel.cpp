#include "DraftsPanel.h"

#include "EmptyState.h"
#include "comms/DraftLinter.h"
#include "comms/MessageTemplates.h"
#include "comms/SlackText.h"
#include "comms/SlackWebhook.h"
#include "comms/TemplateRenderer.h"
#include "core/CountText.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace ic::ui {

DraftsPanel::DraftsPanel(const comms::MessageTemplates &templates, QWidget *parent)
    : QWidget(parent), m_templates(templates), m_stack(new QStackedWidget(this)),
      m_template(new QComboBox(this)), m_editor(new QPlainTextEdit(this)),
      m_preview(new QTextBrowser(this)), m_previewNote(new QLabel(this)),
      m_findings(new QListWidget(this)), m_copy(new QPushButton(tr("Copy for Slack"), this)),
      m_post(new QPushButton(tr("Post to Slack"), this)),
      m_save(new QPushButton(tr("Save with incident"), this)), m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("draftsPanel"));
    m_template->setObjectName(QStringLiteral("draftTemplate"));
    m_template->setAccessibleName(tr("Message template"));
    // Sized to a short title, not the longest one, so the dock can stay narrow.
    m_template->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_template->setMinimumContentsLength(14);
    for (const comms::MessageTemplate &t : templates.all())
        m_template->addItem(t.title, t.id);
    // The first message of every incident is the one wanted first.
    m_template->setCurrentIndex(qMax(0, m_template->findData(QStringLiteral("initial"))));
    m_editor->setObjectName(QStringLiteral("draftEditor"));
    m_editor->setAccessibleName(tr("Draft text"));
    // Chat messages need no tab characters; Tab leaves the editor like any other field.
    m_editor->setTabChangesFocus(true);
    m_preview->setObjectName(QStringLiteral("draftPreview"));
    m_preview->setAccessibleName(tr("Preview"));
    m_preview->setOpenLinks(false);
    m_previewNote->setObjectName(QStringLiteral("draftPreviewNote"));
    m_previewNote->setWordWrap(true);
    m_previewNote->hide();
    m_findings->setObjectName(QStringLiteral("draftFindings"));
    m_findings->setAccessibleName(tr("Problems in the draft"));
    m_findings->setMaximumHeight(90);
    m_copy->setObjectName(QStringLiteral("draftCopy"));
    m_copy->setToolTip(tr("Copy the draft as Slack text (Ctrl+Shift+C)"));
    m_post->setObjectName(QStringLiteral("draftPost"));
    m_post->setEnabled(false);
    m_status->setObjectName(QStringLiteral("draftStatus"));
    m_status->setWordWrap(true);

    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(6, 6, 6, 6);
    auto *top = new QHBoxLayout;
    auto *refill = new QPushButton(tr("Refill"), page);
    refill->setObjectName(QStringLiteral("draftRefill"));
    refill->setToolTip(tr("Fill the template again from the incident, discarding edits"));
    top->addWidget(m_template, 1);
    top->addWidget(refill);
    layout->addLayout(top);
    auto *split = new QSplitter(Qt::Vertical, page);
    split->addWidget(m_editor);
    split->addWidget(m_preview);
    layout->addWidget(split, 1);
    layout->addWidget(m_previewNote);
    layout->addWidget(m_findings);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    m_save->setObjectName(QStringLiteral("draftSave"));
    m_save->setToolTip(tr("Keep this postmortem with the incident; exports include it"));
    m_save->hide();
    buttons->addWidget(m_save);
    buttons->addWidget(m_post);
    buttons->addWidget(m_copy);
    layout->addLayout(buttons);

    m_stack->addWidget(
        new EmptyState(tr("No drafts yet"),
                       tr("Declare an incident and its announcements are filled here: "
                          "initial alert, updates, resolution and the postmortem."),
                       m_stack));
    m_stack->addWidget(page);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    connect(m_template, &QComboBox::currentIndexChanged, this, &DraftsPanel::refill);
    connect(refill, &QPushButton::clicked, this, &DraftsPanel::refill);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &DraftsPanel::updatePreviewAndLint);
    connect(m_copy, &QPushButton::clicked, this, &DraftsPanel::copyCurrent);
    connect(m_post, &QPushButton::clicked, this, &DraftsPanel::postCurrent);
    connect(m_save, &QPushButton::clicked, this, [this] {
        if (!m_savePostmortem)
            return;
        if (m_savePostmortem(m_editor->toPlainText())) {
            m_status->setText(tr("Postmortem saved with the incident."));
            m_edited = false;
        } else {
            m_status->setText(tr("Postmortem not saved."));
        }
    });
}

void DraftsPanel::setValuesProvider(ValuesProvider provider)
{
    m_values = std::move(provider);
    refill();
}

void DraftsPanel::setPostmortemStore(std::function<QString()> load,
                                     std::function<bool(const QString &)> save)
{
    m_loadPostmortem = std::move(load);
    m_savePostmortem = std::move(save);
    fill();
}

void DraftsPanel::setWebhook(comms::SlackWebhook *webhook, std::function<QUrl()> urlProvider)
{
    m_webhook = webhook;
    m_webhookUrl = std::move(urlProvider);
    connect(m_webhook, &comms::SlackWebhook::finished, this, [this](bool ok, const QString &error) {
        m_post->setEnabled(true);
        if (!ok) {
            m_status->setText(tr("Not posted: %1").arg(error));
            m_post->setText(tr("Retry post"));
            return;
        }
        m_status->setText(tr("Posted to Slack."));
        m_post->setText(tr("Post to Slack"));
        Q_EMIT draftPosted(currentTemplateId(), m_postingText);
    });
    m_post->setEnabled(true);
}

QString DraftsPanel::currentTemplateId() const
{
    return m_template->currentData().toString();
}

QString DraftsPanel::currentText() const
{
    return m_editor->toPlainText();
}

void DraftsPanel::refill()
{
    fill();
    m_status->clear();
}

void DraftsPanel::fill()
{
    const QVariantMap values = m_values ? m_values() : QVariantMap();
    m_stack->setCurrentIndex(values.isEmpty() ? 0 : 1);
    if (values.isEmpty())
        return;
    const comms::MessageTemplate *chosen = m_templates.find(currentTemplateId());
    if (!chosen)
        return;
    const bool isPostmortem = currentTemplateId() == QLatin1String("postmortem");
    m_save->setVisible(isPostmortem && m_savePostmortem);
    const QString saved = isPostmortem && m_loadPostmortem ? m_loadPostmortem() : QString();
    QString error;
    const auto text = saved.isEmpty() ? comms::renderTemplate(chosen->text, values, &error)
                                      : std::optional<QString>(saved);
    const auto slack =
        saved.isEmpty() ? comms::renderSlackDraft(chosen->text, values, &error) : std::nullopt;
    m_filledValues = values;
    m_slackDraft = slack ? slack->trimmed() : QString();
    m_filling = true;
    m_editor->setPlainText(
        text ? text->trimmed()
             : tr("The template %1 cannot be rendered: %2").arg(chosen->source, error));
    m_filling = false;
    m_edited = false;
}

void DraftsPanel::incidentChanged()
{
    if (!m_edited || m_stack->currentIndex() == 0)
        fill();
}

void DraftsPanel::updatePreviewAndLint()
{
    if (!m_filling)
        m_edited = true;
    const QString text = m_editor->toPlainText();
    // The preview's document is rebuilt on the UI thread at every keystroke, and Qt's HTML
    // import took 170 ms for 40,000 characters of marked-up text, so it shows the beginning:
    // a pasted log of megabytes cannot stall the window. The linter says when Slack would cut.
    const bool cut = text.size() > previewLimit;
    m_preview->setHtml(comms::toPreviewHtml(comms::toSlackMrkdwn(text.left(previewLimit))));
    m_previewNote->setText(cut ? tr("The preview shows the first %1 of %2 characters.")
                                     .arg(countText(previewLimit), countText(text.size()))
                               : QString());
    m_previewNote->setVisible(cut);
    m_findings->clear();
    for (const comms::LintFinding &finding :
         comms::lintDraft(currentTemplateId(), text, m_filledValues)) {
        auto *item = new QListWidgetItem(QStringLiteral("⚠ ") + finding.message, m_findings);
        item->setData(Qt::UserRole, finding.rule);
    }
    m_findings->setVisible(m_findings->count() > 0);
}

bool DraftsPanel::confirmDespiteFindings(const QStringList &findings)
{
    if (findings.isEmpty())
        return true;
    if (confirmForTests)
        return confirmForTests(findings);
    return QMessageBox::question(this, tr("Copy with problems?"),
                                 tr("The draft has problems:\n\n• %1\n\nCopy it anyway?")
                                     .arg(findings.join(QStringLiteral("\n• "))),
                                 QMessageBox::Yes | QMessageBox::No,
                                 QMessageBox::No) == QMessageBox::Yes;
}

QString DraftsPanel::slackText() const
{
    if (!m_edited && !m_slackDraft.isEmpty())
        return m_slackDraft;
    return comms::toSlackMrkdwn(m_editor->toPlainText());
}

void DraftsPanel::startAnnouncing()
{
    openTemplate(QStringLiteral("initial"));
}

void DraftsPanel::openTemplate(const QString &templateId)
{
    const int index = m_template->findData(templateId);
    if (index >= 0 && index != m_template->currentIndex())
        m_template->setCurrentIndex(index); // refills
    else
        refill();
    m_copy->setFocus(Qt::OtherFocusReason);
}

bool DraftsPanel::copyCurrent()
{
    if (m_stack->currentIndex() == 0)
        return false;
    const QString text = m_editor->toPlainText();
    QStringList findings;
    for (const comms::LintFinding &finding :
         comms::lintDraft(currentTemplateId(), text, m_filledValues))
        findings << finding.message;
    if (!confirmDespiteFindings(findings)) {
        m_status->setText(tr("Not copied."));
        return false;
    }
    const QString mrkdwn = slackText();
    auto *mime = new QMimeData;
    mime->setText(mrkdwn);
    mime->setHtml(comms::toPreviewHtml(mrkdwn));
    QApplication::clipboard()->setMimeData(mime);
    m_status->setText(tr("Copied. Paste it into the incident channel."));
    Q_EMIT draftCopied(currentTemplateId(), mrkdwn);
    return true;
}

void DraftsPanel::postCurrent()
{
    if (!m_webhook || m_stack->currentIndex() == 0)
        return;
    const QUrl url = m_webhookUrl ? m_webhookUrl() : QUrl();
    if (url.isEmpty()) {
        m_status->setText(tr("No Slack webhook is set up; copy the draft instead."));
        return;
    }
    QStringList findings;
    for (const comms::LintFinding &finding :
         comms::lintDraft(currentTemplateId(), m_editor->toPlainText(), m_filledValues))
        findings << finding.message;
    if (!confirmDespiteFindings(findings))
        return;
    m_postingText = slackText();
    m_post->setEnabled(false);
    m_status->setText(tr("Posting…"));
    m_webhook->post(url, m_postingText);
}

} // namespace ic::ui

#pragma once

#include <QVariantMap>
#include <QWidget>
#include <functional>

class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTextBrowser;

namespace ic::comms {
class MessageTemplates;
class SlackWebhook;
} // namespace ic::comms

namespace ic::ui {

// Pick a template, get the draft filled from the incident, edit it, see the preview and the
// lint findings, copy it (Ctrl+Shift+C) or post it to the webhook.
class DraftsPanel : public QWidget
{
    Q_OBJECT
public:
    // Returns the placeholder values of the active incident, or an empty map when none.
    using ValuesProvider = std::function<QVariantMap()>;

    DraftsPanel(const comms::MessageTemplates &templates, QWidget *parent = nullptr);

    void setValuesProvider(ValuesProvider provider);
    void setWebhook(comms::SlackWebhook *webhook, std::function<QUrl()> urlProvider);
    // Where the postmortem is kept: a saved one is shown instead of a fresh draft, and
    // "Save with incident" stores the edited text.
    void setPostmortemStore(std::function<QString()> load,
                            std::function<bool(const QString &)> save);

    QString currentTemplateId() const;
    QString currentText() const;

    // How much of a draft the preview shows (characters); the editor holds all of it.
    static constexpr qsizetype previewLimit = 8'000;

    // Tests answer the "copy despite findings?" question here instead of a dialog.
    static inline std::function<bool(const QStringList &findings)> confirmForTests;

public Q_SLOTS:
    // Re-renders the chosen template from the incident, replacing edits.
    void refill();
    // The incident changed (a tick, a status): refills unless the user has edited the draft,
    // so a countdown or a tick never throws away what is being written.
    void incidentChanged();
    // A new incident: the initial alert, freshly filled, with the focus on its Copy button.
    void startAnnouncing();
    // The draft of this template (the saved postmortem when there is one), focus on Copy.
    void openTemplate(const QString &templateId);
    // Copies after lint; returns whether it was copied.
    bool copyCurrent();
    void postCurrent();

Q_SIGNALS:
    void draftCopied(const QString &templateId, const QString &text);
    void draftPosted(const QString &templateId, const QString &text);

private:
    // Renders the chosen template into the editor (the status line stays as it is).
    void fill();
    void updatePreviewAndLint();
    bool confirmDespiteFindings(const QStringList &findings);
    // The draft as Slack gets it: escaped values while unedited, else the editor's text.
    QString slackText() const;

    const comms::MessageTemplates &m_templates;
    ValuesProvider m_values;
    comms::SlackWebhook *m_webhook = nullptr;
    std::function<QUrl()> m_webhookUrl;
    QStackedWidget *m_stack;
    QComboBox *m_template;
    QPlainTextEdit *m_editor;
    QTextBrowser *m_preview;
    QLabel *m_previewNote;
    QListWidget *m_findings;
    QPushButton *m_copy;
    QPushButton *m_post;
    QPushButton *m_save;
    std::function<QString()> m_loadPostmortem;
    std::function<bool(const QString &)> m_savePostmortem;
    QLabel *m_status;
    QString m_postingText;
    // What the draft was filled from, for the linter, and the same draft rendered for Slack
    // with those values escaped: copied and posted while the commander has not edited it.
    QVariantMap m_filledValues;
    QString m_slackDraft;
    bool m_edited = false;
    bool m_filling = false;
};

} // namespace ic::ui

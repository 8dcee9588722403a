#pragma once

#include <QList>
#include <QString>

namespace ic::comms {

// One announcement or document template: resources/templates/<id>.mustache, or the same
// name in <data dir>/templates/, which overrides the bundled one.
struct MessageTemplate
{
    QString id;     // file name without extension: initial, update, resolution, ...
    QString title;  // from the leading {{! Title: description }} comment
    QString text;   // the template source
    QString source; // where it was read from, for messages
};

struct TemplateProblem
{
    QString file;
    int line = 0;
    QString message;
    QString toString() const;
};

// Checks the limits of TemplateLimits.h, tag syntax and that every {{name}} is a documented
// placeholder. Returns one problem per bad tag, each with its line.
QList<TemplateProblem> validateTemplate(const QString &text, const QString &file);

// Sending these restarts the next-update countdown (the initial alert and updates).
bool restartsUpdateCountdown(const QString &templateId);

class MessageTemplates
{
public:
    // Bundled templates, then valid overrides from userDir (may be empty). An invalid
    // override, or one another account can change (see whyNotTrusted()), is reported in
    // problems() and the bundled template stays in use.
    explicit MessageTemplates(const QString &userDir = {});

    const QList<MessageTemplate> &all() const { return m_templates; }
    const MessageTemplate *find(const QString &id) const;
    QStringList ids() const;
    const QList<TemplateProblem> &problems() const { return m_problems; }

private:
    void load(const QString &dir, bool bundled);

    QList<MessageTemplate> m_templates;
    QList<TemplateProblem> m_problems;
};

} // namespace ic::comms

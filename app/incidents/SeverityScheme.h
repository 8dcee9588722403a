#pragma once

#include "ChecklistTemplate.h"

#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace ic::incidents {

struct EscalationStep
{
    qint64 afterSeconds = 0;
    QString step;
    QString call; // the role this step calls (contacts.yaml says who holds it); may be empty
};

struct SeverityLevel
{
    QString id; // "SEV-1"
    QString label;
    QString definition;
    qint64 responseTargetSeconds = 0;
    qint64 updateEverySeconds = 0; // 0: no regular updates expected
    // How often the deputy calls out the state of the response (CallOut.h); 0: never.
    qint64 callOutEverySeconds = 0;
    std::vector<EscalationStep> escalation;
    std::vector<TemplateItem> extraItems; // added to the checklist at this severity

    // The first step not yet due after elapsedSeconds of the incident, or nothing when every
    // step is due.
    const EscalationStep *nextEscalation(qint64 elapsedSeconds) const;
    // The roles the ladder calls, in order, each once.
    QStringList escalationRoles() const;
};

struct SeverityScheme
{
    QString name;
    std::vector<SeverityLevel> levels; // most severe first

    const SeverityLevel *level(const QString &id) const; // case-insensitive
    QStringList ids() const;
};

// Parses a severity scheme (YAML). On failure returns nothing and sets *error to a message
// naming sourceName, the line and the field.
std::optional<SeverityScheme> parseSeverityScheme(const QByteArray &yaml, const QString &sourceName,
                                                  QString *error);

} // namespace ic::incidents

#pragma once

#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace ic::incidents {

// When a template item falls due, counted from the incident start.
struct DueRule
{
    enum class Kind
    {
        None,
        Offset,        // a fixed offset
        ResponseTarget // the severity's target response time
    };
    Kind kind = Kind::None;
    qint64 offsetSeconds = 0;
};

struct TemplateItem
{
    QString phase;
    QString text;
    DueRule due;
    QString milestone; // recorded when ticked (e.g. "acknowledged"); may be empty
    QString call;      // the contacts.yaml role the item tells the commander to call; may be empty
    QString doneWhen;  // the action that ticks it by itself (DoneWhen.h); may be empty
};

struct ChecklistTemplate
{
    QString name;
    QStringList phases; // in working order
    std::vector<TemplateItem> items;
};

// Parses a checklist template (YAML). On failure returns nothing and sets *error to a message
// naming sourceName, the line and the field.
std::optional<ChecklistTemplate> parseChecklistTemplate(const QByteArray &yaml,
                                                        const QString &sourceName, QString *error);

} // namespace ic::incidents

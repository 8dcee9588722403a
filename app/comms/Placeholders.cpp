#include "Placeholders.h"

namespace ic::comms {

const std::vector<PlaceholderInfo> &knownPlaceholders()
{
    static const std::vector<PlaceholderInfo> all{
        {"incident_id", "the incident's id"},
        {"title", "the incident title"},
        {"severity", "severity level, e.g. SEV-1"},
        {"severity_name", "the level's short name, e.g. Critical"},
        {"status", "Investigating, Identified, Monitoring or Resolved"},
        {"status_sentence", "the default sentence for the status"},
        {"is_investigating", "true while investigating (for status-specific text)"},
        {"is_identified", "true once the cause is identified"},
        {"is_monitoring", "true while a fix is monitored"},
        {"is_resolved", "true once resolved"},
        {"service", "affected services, comma separated"},
        {"impact", "who is affected and how"},
        {"commander", "the incident commander"},
        {"new_commander", "who took over at the last handover (handover brief)"},
        {"outgoing_commander", "who handed over command at the last handover"},
        {"deputy", "the deputy"},
        {"scribe", "the scribe"},
        {"communications", "the communications lead"},
        {"experts", "subject-matter experts, comma separated"},
        {"drill", "true for a practice incident"},
        {"date", "the start date, YYYY-MM-DD"},
        {"started", "the start time with date and offset"},
        {"duration", "time since the start, or start to resolution"},
        {"next_update", "when the next update is due, with its zone: 17:09 CET"},
        {"time_zone", "the zone the incident's times are given in (where it was declared)"},
        {"channel", "incident channel name, #incident-YYYY-MM-DD-HHMM"},
        {"update", "what was found or tried since the last update"},
        {"next_step", "what happens next"},
        {"resolution", "how it was fixed"},
        {"root_cause", "the root cause, if known"},
        {"data_loss", "whether any data was lost"},
        {"follow_up", "the follow-up tracking item"},
        {"summary", "postmortem summary"},
        {"mtta", "mean time to acknowledge: acknowledged - started"},
        {"mttr", "mean time to resolve: resolved - started"},
        {"checklist_summary", "checklist completion, e.g. 18 of 20 items done"},
        {"timeline", "list of events; each has time, text, actor", true},
        {"recent_timeline", "the last events; each has time, text, actor", true},
        {"open_items", "unticked checklist items; each has text, phase, due, overdue", true},
        {"overdue_items", "items done after their deadline; each has text, late_by", true},
        {"announcements", "messages copied or posted; each has time, text", true},
        {"action_items", "follow-ups from TODO: notes; each has text", true},
        {"contacts",
         "the commander and whoever holds each role the severity's escalation calls now (from "
         "contacts.yaml); each has role, name, handle, phone, email",
         true},
        {"alerts", "alerts linked to the incident; each has name, labels, started, resolved", true},
        {"time", "(inside a list) the entry's time"},
        {"text", "(inside a list) the entry's text"},
        {"actor", "(inside a list) who did it"},
        {"phase", "(inside open_items) the checklist phase"},
        {"due", "(inside open_items) the due time"},
        {"overdue", "(inside open_items) true when past due"},
        {"late_by", "(inside overdue_items) how late it was done"},
        {"role", "(inside contacts) the role, or commander"},
        {"name", "(inside contacts or alerts) the person's or the alert's name"},
        {"handle", "(inside contacts) their chat handle"},
        {"phone", "(inside contacts) their phone number"},
        {"email", "(inside contacts) their e-mail address"},
        {"labels", "(inside alerts) its labels, e.g. namespace=prod, pod=api-1"},
        {"resolved", "(inside alerts) \"resolved 10:42\" or \"still firing\""},
    };
    return all;
}

namespace {

const PlaceholderInfo *findPlaceholder(const QString &name)
{
    for (const PlaceholderInfo &info : knownPlaceholders()) {
        if (name == QLatin1String(info.name))
            return &info;
    }
    return nullptr;
}

} // namespace

bool isKnownPlaceholder(const QString &name)
{
    return findPlaceholder(name) != nullptr;
}

bool isListPlaceholder(const QString &name)
{
    const PlaceholderInfo *info = findPlaceholder(name);
    return info && info->isList;
}

} // namespace ic::comms

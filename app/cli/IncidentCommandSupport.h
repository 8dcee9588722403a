#pragma once

#include "CommandLine.h"
#include "incidents/IncidentService.h"

#include <QJsonValue>

namespace ic::cli {

// What each incident action needs: the database and the one service that changes incidents.
struct IncidentSession
{
    std::unique_ptr<Database> database;
    std::unique_ptr<incidents::IncidentService> service;

    const incidents::IncidentStore &store() const { return service->store(); }
};

// Opens the database and loads the severity scheme and checklist (reporting problems with
// user files on stderr; the defaults are used then). Changes are recorded as --by when the
// action has it and it was given, else by the rule of incidents/Actor.h. Returns nothing
// after printing why. Actions that only read pass ReadOnlyAllowed, so what is stored stays
// readable on a read-only data dir or a full disk.
std::optional<IncidentSession> openIncidentSession(Context &context,
                                                   const QCommandLineParser &parser,
                                                   Context::Access access = Context::Access::Write);

// The --json and --by options, shared by the actions.
void addJsonOption(QCommandLineParser &parser);
void addActorOption(QCommandLineParser &parser);

void printJson(Context &context, const QJsonValue &value);
// "incident-console incident <action>: <message>", returning code.
int fail(Context &context, const QString &action, const QString &message, int code);
// A change the service did not make, by the CLI contract: it is so already → 0 with a
// message ("nothing changed"); a rule refused it → 2; storage failed → 3.
int failedChange(Context &context, const QString &action, const Result<incidents::Change> &change);

// Adds --json and the positional arguments, parses, and checks their count. rest, when
// given, names any number of further arguments ("[NAME...]"). Returns the exit code to end
// with, or -1 to go on.
int parseAction(QCommandLineParser &parser, const QString &action, const QStringList &args,
                Context &context, const QStringList &positionals, const QString &rest = {});
// The incident named by the first positional argument (id or unique prefix); empty after
// printing the known ones.
QString incidentIdFrom(Context &context, const QString &action,
                       const incidents::IncidentStore &store, const QCommandLineParser &parser);
// incident show, as text or JSON.
int printIncident(Context &context, const incidents::IncidentStore &store, const QString &id,
                  bool json);
// status, severity, milestone, tick and note; -1 when action is none of them.
int runIncidentChange(Context &context, const QString &action, const QStringList &args);
// incident import FILE: a JSON export restored into this data dir.
int runIncidentImport(Context &context, const QStringList &args);

// Text output of incident show.
void printIncidentText(Context &context, const incidents::Incident &incident,
                       const incidents::IncidentStore &store,
                       const std::vector<incidents::ChecklistItem> &items,
                       const std::vector<incidents::TimelineEvent> &events);

} // namespace ic::cli

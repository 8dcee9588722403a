#include "ContactsCommand.h"

#include "contacts/ContactsJson.h"
#include "contacts/ContactsLoader.h"
#include "contacts/OnCall.h"
#include "contacts/TemplateContacts.h"
#include "contacts/TimeFields.h"
#include "core/Ids.h"
#include "core/Settings.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace ic::cli {
namespace {

using contacts::Directory;
using contacts::Holding;
using contacts::Person;

// Reads the directory as of at, writing the default contacts.yaml on first use. Problems go
// to stderr and the rest stays usable. Returns nothing (after saying why) when the data dir
// cannot be used.
std::optional<Directory> loadFor(Context &context, const QString &command, const QDateTime &at)
{
    const QString dataDir = context.dataDir().path;
    if (const Result<void> ready = ensureDataDir(dataDir); !ready) {
        context.err() << "incident-console " << command << ": " << ready.error() << Qt::endl;
        return std::nullopt;
    }
    if (const QString problem = contacts::ensureDefaultContacts(dataDir); !problem.isEmpty())
        context.err() << "incident-console " << command << ": warning: " << problem << Qt::endl;
    Directory directory = contacts::loadDirectory(
        dataDir, context.options().runbookDirs + Settings(dataDir).get(settings::runbookFolders),
        at);
    for (const contacts::Problem &problem : directory.problems)
        context.err() << "warning: " << problem.toString() << '\n';
    context.err().flush();
    return directory;
}

QString readerTime(const QDateTime &time)
{
    return time.toLocalTime().toString(QStringLiteral("ddd yyyy-MM-dd HH:mm t"));
}

// "14:05 Mon in Europe/Berlin"
QString theirTime(const Person &person, const QDateTime &time)
{
    if (person.tz.isEmpty())
        return {};
    return QStringLiteral("%1 in %2")
        .arg(time.toTimeZone(person.timeZone()).toString(QStringLiteral("ddd HH:mm")), person.tz);
}

QString reachableBy(const Person &person)
{
    QStringList ways;
    if (!person.phone.isEmpty())
        ways << QStringLiteral("phone ") + person.phone;
    if (!person.email.isEmpty())
        ways << QStringLiteral("email ") + person.email;
    if (!person.chat.isEmpty())
        ways << QStringLiteral("chat ") + person.chat;
    return ways.isEmpty() ? QStringLiteral("no phone, e-mail or chat handle given")
                          : ways.join(QStringLiteral(" · "));
}

void printPerson(Context &context, const Directory &directory, const Person &person,
                 const QDateTime &now)
{
    const QStringList roles = directory.rolesOf(person.id);
    context.out() << person.name << " (" << person.id << ")";
    if (!roles.isEmpty())
        context.out() << "  " << roles.join(QStringLiteral(", "));
    context.out() << "\n  " << reachableBy(person);
    if (const QString local = theirTime(person, now); !local.isEmpty())
        context.out() << "\n  their time now: " << local;
    if (!person.notes.isEmpty())
        context.out() << "\n  notes: " << person.notes;
    context.out() << '\n';
}

QString emptyHint(const Directory &directory, const QString &dataDir)
{
    return directory.files.size() > 1
               ? QStringLiteral("No contacts in %1.\n")
                     .arg(directory.files.join(QStringLiteral(", ")))
               : QStringLiteral("No contacts yet: add people and roles to %1\n")
                     .arg(contacts::contactsPath(dataDir));
}

void printHolding(Context &context, const Directory &directory, const Holding &holding,
                  const QDateTime &at)
{
    context.out() << holding.role << ": ";
    const Person *person = directory.person(holding.personId);
    if (person)
        context.out() << person->name << " (" << person->id << ")";
    else if (!holding.shownName.isEmpty())
        context.out() << holding.shownName << " (not in the contacts files)";
    else
        context.out() << "nobody";
    context.out() << " [" << contacts::sourceName(holding.source) << "]";
    if (holding.until.isValid()) {
        context.out() << "\n  until " << readerTime(holding.until);
        if (person && !person->tz.isEmpty())
            context.out() << " (" << theirTime(*person, holding.until) << ")";
    } else {
        context.out() << "\n  no hand-over ahead";
    }
    if (person) {
        context.out() << "\n  " << reachableBy(*person);
        if (const QString local = theirTime(*person, at); !local.isEmpty())
            context.out() << "\n  their time: " << local;
    }
    for (const QString &id : holding.others) {
        if (const Person *other = directory.person(id))
            context.out() << "\n  then " << other->name << " (" << other->id
                          << "): " << reachableBy(*other);
    }
    context.out() << '\n';
}

} // namespace

int runContacts(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "List the people of the escalation directory (contacts.yaml in the data dir and in "
        "runbook folders), or those who can hold ROLE. Problems in the files are printed as "
        "warnings; the rest is listed."));
    parser.addPositionalArgument(QStringLiteral("ROLE"),
                                 QStringLiteral("Only people who can hold this role."),
                                 QStringLiteral("[ROLE]"));
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print a JSON array of people.")});
    if (const int code =
            parseSubcommandArguments(parser, QStringLiteral("contacts"), args, context);
        code >= 0)
        return code;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        context.err() << "incident-console contacts: unexpected argument " << positional.at(1)
                      << "\nTry: incident-console contacts --help" << Qt::endl;
        return UsageError;
    }
    const QDateTime now = QDateTime::currentDateTime();
    const auto directory = loadFor(context, QStringLiteral("contacts"), now);
    if (!directory)
        return DataError;
    const QString role = positional.value(0);
    if (!role.isEmpty() && !directory->role(role)) {
        context.err() << "incident-console contacts: no role '" << role << "'; roles: "
                      << (directory->roles.isEmpty()
                              ? QStringLiteral("none yet")
                              : directory->roleNames().join(QStringLiteral(", ")))
                      << Qt::endl;
        return UsageError;
    }
    QList<const Person *> people;
    for (const Person &person : directory->people) {
        if (role.isEmpty() || directory->rolesOf(person.id).contains(role))
            people << &person;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Person *person : people) {
            QJsonObject object = contacts::personToJson(*person);
            object.insert(QStringLiteral("roles"),
                          QJsonArray::fromStringList(directory->rolesOf(person->id)));
            array.append(object);
        }
        context.json() << QString::fromUtf8(QJsonDocument(array).toJson());
        return Success;
    }
    if (directory->people.isEmpty()) {
        context.out() << emptyHint(*directory, context.dataDir().path);
        return Success;
    }
    if (!role.isEmpty())
        printHolding(context, *directory,
                     contacts::holdingAt(*directory, *directory->role(role), now), now);
    for (const Person *person : people)
        printPerson(context, *directory, *person, now);
    return Success;
}

int runOncall(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Say who holds each role of the escalation directory now (or at TIME) and when it "
        "next changes hands, from the rotas, calendars and overrides in contacts.yaml. "
        "Nothing is fetched."));
    parser.addOption({QStringLiteral("at"),
                      QStringLiteral("The moment to ask about: ISO 8601 (2026-12-07T09:30, "
                                     "your zone unless an offset is given) or now."),
                      QStringLiteral("TIME"), QStringLiteral("now")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print a JSON array of roles.")});
    if (const int code = parseSubcommandArguments(parser, QStringLiteral("oncall"), args, context);
        code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty()) {
        context.err() << "incident-console oncall: unexpected argument "
                      << parser.positionalArguments().first()
                      << "\nTry: incident-console oncall --help" << Qt::endl;
        return UsageError;
    }
    QDateTime at = QDateTime::currentDateTime();
    if (const QString text = parser.value(QStringLiteral("at")); text != QLatin1String("now")) {
        QString why;
        at = contacts::parseTimeIn(text, QTimeZone::systemTimeZone(), &why);
        if (!at.isValid()) {
            context.err() << "incident-console oncall: --at: " << why << Qt::endl;
            return UsageError;
        }
    }
    const auto directory = loadFor(context, QStringLiteral("oncall"), at);
    if (!directory)
        return DataError;
    const QList<Holding> holdings = contacts::onCallAt(*directory, at);
    if (parser.isSet(QStringLiteral("json"))) {
        context.json() << QString::fromUtf8(
            QJsonDocument(contacts::holdingsToJson(*directory, holdings)).toJson());
        return Success;
    }
    if (holdings.isEmpty()) {
        context.out() << emptyHint(*directory, context.dataDir().path);
        return Success;
    }
    context.out() << "On call at " << readerTime(at) << ":\n";
    for (const Holding &holding : holdings)
        printHolding(context, *directory, holding, at);
    return Success;
}

bool templateAsksForContacts(const QString &templateText)
{
    static const QRegularExpression tag(QStringLiteral("\\{\\{\\s*[#^]?\\s*contacts\\s*\\}\\}"));
    return tag.match(templateText).hasMatch();
}

QString roleHolderNow(Context &context, const QString &role)
{
    const QDateTime now = QDateTime::currentDateTime();
    const std::optional<Directory> directory = loadFor(context, QStringLiteral("tick"), now);
    return directory ? contacts::holderName(*directory, role, now) : QString();
}

QVariantList draftContacts(Context &context, const incidents::Incident &incident,
                           const incidents::SeverityScheme &severities)
{
    const QDateTime now = QDateTime::currentDateTime();
    const auto directory = loadFor(context, QStringLiteral("draft"), now);
    if (!directory)
        return {};
    const incidents::SeverityLevel *level = severities.level(incident.severity);
    return contacts::templateContacts(*directory, incident.commander,
                                      level ? level->escalationRoles() : QStringList(), now);
}

} // namespace ic::cli

#include "ContactsFile.h"

#include "TimeFields.h"
#include "core/Duration.h"

#include <QDir>
#include <QRegularExpression>
#include <QSet>
#include <yaml-cpp/yaml.h>

namespace ic::contacts {
namespace {

// Bounds that keep a hostile or mistaken file from costing minutes of parsing.
constexpr std::size_t maxEntries = 10000;
constexpr int maxTextLength = 2000;

int lineOf(const YAML::Node &node)
{
    return node.Mark().line + 1;
}

bool isRoleName(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9][a-z0-9_.-]{0,63}$"));
    return pattern.match(text).hasMatch();
}

bool isPhoneNumber(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^\\+?[0-9 ()./-]{3,40}(( ?x| ext\\.?) ?[0-9]{1,6})?$"));
    return pattern.match(text).hasMatch();
}

bool isEmailAddress(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[^@\\s]+@[^@\\s]+$"));
    return pattern.match(text).hasMatch();
}

class Reader
{
public:
    Reader(ContactsFile *file, QString fileName) : m_file(file), m_fileName(std::move(fileName)) {}

    void problem(const YAML::Node &node, const QString &field, const QString &message)
    {
        m_file->problems.append({m_fileName, lineOf(node), field, message});
    }

    // A non-empty scalar, or nothing (with a problem when present but not text).
    std::optional<QString> text(const YAML::Node &map, const char *key, const QString &field,
                                bool required)
    {
        const YAML::Node value = map[key];
        if (!value) {
            if (required)
                problem(map, field, QStringLiteral("missing; this entry is left out"));
            return std::nullopt;
        }
        if (!value.IsScalar() || value.Scalar().empty()) {
            problem(value, field, QStringLiteral("must be text"));
            return std::nullopt;
        }
        const QString result = QString::fromStdString(value.Scalar()).trimmed();
        if (result.size() > maxTextLength) {
            problem(value, field,
                    QStringLiteral("longer than %1 characters; left out").arg(maxTextLength));
            return std::nullopt;
        }
        return result;
    }

    // A list of text, or a single text as a list of one.
    QList<PersonRef> refs(const YAML::Node &value, const QString &field)
    {
        QList<PersonRef> result;
        if (value.IsScalar()) {
            result.append({QString::fromStdString(value.Scalar()).trimmed(), lineOf(value), field});
            return result;
        }
        if (!value.IsSequence()) {
            problem(value, field, QStringLiteral("must be a list of ids"));
            return result;
        }
        for (std::size_t i = 0; i < value.size() && i < maxEntries; ++i) {
            const YAML::Node item = value[i];
            const QString itemField = QStringLiteral("%1[%2]").arg(field).arg(i);
            if (!item.IsScalar() || item.Scalar().empty())
                problem(item, itemField, QStringLiteral("must be an id"));
            else
                result.append(
                    {QString::fromStdString(item.Scalar()).trimmed(), lineOf(item), itemField});
        }
        return result;
    }

    void unknownFields(const YAML::Node &map, const QString &field, const QStringList &valid)
    {
        for (const auto &entry : map) {
            const QString key = QString::fromStdString(entry.first.as<std::string>(""));
            if (!valid.contains(key))
                problem(entry.first, field.isEmpty() ? key : field + QLatin1Char('.') + key,
                        QStringLiteral("unknown field; valid: %1")
                            .arg(valid.join(QStringLiteral(", "))));
        }
    }

    std::optional<QString> role(const YAML::Node &map, const QString &field)
    {
        const auto name = text(map, "role", field + QStringLiteral(".role"), true);
        if (name && !isRoleName(*name)) {
            problem(map["role"], field + QStringLiteral(".role"),
                    QStringLiteral("a role is lower-case letters, digits and dashes "
                                   "(primary-on-call, team-lead)"));
            return std::nullopt;
        }
        return name;
    }

    std::optional<QTimeZone> zone(const YAML::Node &map, const QString &field)
    {
        const auto name = text(map, "tz", field + QStringLiteral(".tz"), false);
        if (!name)
            return QTimeZone();
        if (!QTimeZone::isTimeZoneIdAvailable(name->toUtf8())) {
            problem(map["tz"], field + QStringLiteral(".tz"),
                    QStringLiteral("unknown time zone; use an IANA name such as Europe/Berlin"));
            return std::nullopt;
        }
        return QTimeZone(name->toUtf8());
    }

    std::optional<QDateTime> time(const YAML::Node &map, const char *key, const QString &field,
                                  const QTimeZone &zone)
    {
        const auto value = text(map, key, field, true);
        if (!value)
            return std::nullopt;
        QString why;
        const QDateTime parsed = parseTimeIn(*value, zone, &why);
        if (!parsed.isValid()) {
            problem(map[key], field, why);
            return std::nullopt;
        }
        return parsed;
    }

    void readPerson(const YAML::Node &node, const QString &field, QSet<QString> *ids)
    {
        if (!node.IsMap()) {
            problem(node, field, QStringLiteral("a person is a mapping with at least 'name'"));
            return;
        }
        unknownFields(node, field,
                      {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("roles"),
                       QStringLiteral("phone"), QStringLiteral("email"), QStringLiteral("chat"),
                       QStringLiteral("tz"), QStringLiteral("notes")});
        Person person;
        person.file = m_fileName;
        person.line = lineOf(node);
        const auto name = text(node, "name", field + QStringLiteral(".name"), true);
        if (!name)
            return;
        person.name = *name;
        person.id = text(node, "id", field + QStringLiteral(".id"), false)
                        .value_or(name->toLower().replace(QLatin1Char(' '), QLatin1Char('-')));
        if (ids->contains(person.id)) {
            problem(node, field + QStringLiteral(".id"),
                    QStringLiteral("'%1' is used by an earlier person; ids must be unique")
                        .arg(person.id));
            return;
        }
        ids->insert(person.id);
        if (const YAML::Node roles = node["roles"]) {
            for (const PersonRef &role : refs(roles, field + QStringLiteral(".roles"))) {
                if (isRoleName(role.id))
                    person.roles.append(role.id);
                else
                    m_file->problems.append({m_fileName, role.line, role.field,
                                             QStringLiteral("a role is lower-case letters, "
                                                            "digits and dashes")});
            }
        }
        person.phone =
            text(node, "phone", field + QStringLiteral(".phone"), false).value_or(QString());
        if (!person.phone.isEmpty() && !isPhoneNumber(person.phone)) {
            problem(node["phone"], field + QStringLiteral(".phone"),
                    QStringLiteral("not a phone number (digits, spaces, + ( ) - . /); left out"));
            person.phone.clear();
        }
        person.email =
            text(node, "email", field + QStringLiteral(".email"), false).value_or(QString());
        if (!person.email.isEmpty() && !isEmailAddress(person.email)) {
            problem(node["email"], field + QStringLiteral(".email"),
                    QStringLiteral("not an e-mail address; left out"));
            person.email.clear();
        }
        person.chat =
            text(node, "chat", field + QStringLiteral(".chat"), false).value_or(QString());
        person.notes =
            text(node, "notes", field + QStringLiteral(".notes"), false).value_or(QString());
        if (const auto zone = this->zone(node, field); zone && zone->isValid())
            person.tz = QString::fromUtf8(zone->id());
        m_file->people.append(person);
    }

    void readRoles(const YAML::Node &node)
    {
        if (!node.IsMap()) {
            problem(node, QStringLiteral("roles"),
                    QStringLiteral("must map each role to its people (team-lead: [dana])"));
            return;
        }
        for (const auto &entry : node) {
            const QString role = QString::fromStdString(entry.first.as<std::string>(""));
            const QString field = QStringLiteral("roles.") + role;
            if (!isRoleName(role)) {
                problem(entry.first, field,
                        QStringLiteral("a role is lower-case letters, digits and dashes"));
                continue;
            }
            m_file->fixedRoles.append({role, refs(entry.second, field)});
        }
    }

    void readRota(const YAML::Node &node, const QString &field)
    {
        if (!node.IsMap()) {
            problem(node, field,
                    QStringLiteral("a rota is a mapping with role, people, every and handover"));
            return;
        }
        unknownFields(node, field,
                      {QStringLiteral("role"), QStringLiteral("people"), QStringLiteral("every"),
                       QStringLiteral("handover"), QStringLiteral("tz")});
        RotaEntry entry;
        entry.line = lineOf(node);
        entry.field = field;
        const auto role = this->role(node, field);
        const auto zone = this->zone(node, field);
        const auto every = text(node, "every", field + QStringLiteral(".every"), true);
        if (!role || !zone || !every)
            return;
        const auto period = parseDuration(*every);
        if (!period || *period < std::chrono::minutes(1) || *period > std::chrono::days(3660)) {
            problem(node["every"], field + QStringLiteral(".every"),
                    QStringLiteral("a duration from 1m to 3660d, e.g. 7d or 12h"));
            return;
        }
        const auto handover = time(node, "handover", field + QStringLiteral(".handover"), *zone);
        if (!handover)
            return;
        if (!node["people"]) {
            problem(node, field + QStringLiteral(".people"), QStringLiteral("missing"));
            return;
        }
        entry.people = refs(node["people"], field + QStringLiteral(".people"));
        entry.rota.role = *role;
        entry.rota.every = std::chrono::duration_cast<std::chrono::seconds>(*period);
        entry.rota.zone = zone->isValid() ? *zone : handover->timeZone();
        entry.rota.handover = *handover;
        m_file->rotas.append(entry);
    }

    void readCalendar(const YAML::Node &node, const QString &field, const QString &folder)
    {
        if (!node.IsMap()) {
            problem(node, field, QStringLiteral("a calendar is a mapping with role and ics"));
            return;
        }
        unknownFields(node, field,
                      {QStringLiteral("role"), QStringLiteral("ics"), QStringLiteral("tz")});
        const auto role = this->role(node, field);
        const auto zone = this->zone(node, field);
        const auto ics = text(node, "ics", field + QStringLiteral(".ics"), true);
        if (!role || !zone || !ics)
            return;
        static const QRegularExpression url(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*://"));
        if (url.match(*ics).hasMatch()) {
            problem(node["ics"], field + QStringLiteral(".ics"),
                    QStringLiteral("a calendar is read from a file, never fetched: export the "
                                   "schedule from the paging tool and name the .ics file"));
            return;
        }
        m_file->calendars.append({*role, QDir::cleanPath(QDir(folder).absoluteFilePath(*ics)),
                                  *zone, lineOf(node), field});
    }

    void readOverride(const YAML::Node &node, const QString &field)
    {
        if (!node.IsMap()) {
            problem(node, field,
                    QStringLiteral("an override is a mapping with role, person, from and until"));
            return;
        }
        unknownFields(node, field,
                      {QStringLiteral("role"), QStringLiteral("person"), QStringLiteral("from"),
                       QStringLiteral("until"), QStringLiteral("tz")});
        const auto role = this->role(node, field);
        const auto zone = this->zone(node, field);
        const auto person = text(node, "person", field + QStringLiteral(".person"), true);
        if (!role || !zone || !person)
            return;
        const auto from = time(node, "from", field + QStringLiteral(".from"), *zone);
        const auto until = time(node, "until", field + QStringLiteral(".until"), *zone);
        if (!from || !until)
            return;
        if (*until <= *from) {
            problem(node["until"], field + QStringLiteral(".until"),
                    QStringLiteral("must be later than 'from'"));
            return;
        }
        m_file->overrides.append(
            {{*role, *person, *from, *until},
             {*person, lineOf(node["person"]), field + QStringLiteral(".person")}});
    }

    template <typename ReadOne> void readList(const YAML::Node &root, const char *key, ReadOne read)
    {
        const YAML::Node list = root[key];
        if (!list)
            return;
        const QString name = QString::fromLatin1(key);
        if (!list.IsSequence()) {
            if (!list.IsNull())
                problem(list, name, QStringLiteral("must be a list"));
            return;
        }
        if (list.size() > maxEntries)
            problem(list, name,
                    QStringLiteral("more than %1 entries; the rest are left out").arg(maxEntries));
        for (std::size_t i = 0; i < list.size() && i < maxEntries; ++i)
            read(list[i], QStringLiteral("%1[%2]").arg(name).arg(i));
    }

private:
    ContactsFile *m_file;
    QString m_fileName;
};

} // namespace

ContactsFile parseContactsFile(const QByteArray &yaml, const QString &fileName,
                               const QString &folder)
{
    ContactsFile file;
    file.path = fileName;
    YAML::Node root;
    try {
        root = YAML::Load(yaml.toStdString());
    } catch (const YAML::Exception &error) {
        file.problems.append(
            {fileName,
             error.mark.line + 1,
             {},
             QStringLiteral("not valid YAML: %1").arg(QString::fromStdString(error.msg))});
        return file;
    }
    if (root.IsNull())
        return file;
    Reader reader(&file, fileName);
    if (!root.IsMap()) {
        reader.problem(root, {},
                       QStringLiteral("expected a mapping with people, roles, rotas, calendars "
                                      "and overrides"));
        return file;
    }
    try {
        reader.unknownFields(root, {},
                             {QStringLiteral("people"), QStringLiteral("roles"),
                              QStringLiteral("rotas"), QStringLiteral("calendars"),
                              QStringLiteral("overrides")});
        QSet<QString> ids;
        reader.readList(root, "people", [&](const YAML::Node &node, const QString &field) {
            reader.readPerson(node, field, &ids);
        });
        if (const YAML::Node roles = root["roles"]; roles && !roles.IsNull())
            reader.readRoles(roles);
        reader.readList(root, "rotas", [&](const YAML::Node &node, const QString &field) {
            reader.readRota(node, field);
        });
        reader.readList(root, "calendars", [&](const YAML::Node &node, const QString &field) {
            reader.readCalendar(node, field, folder);
        });
        reader.readList(root, "overrides", [&](const YAML::Node &node, const QString &field) {
            reader.readOverride(node, field);
        });
    } catch (const YAML::Exception &error) {
        // A map key that is itself a map or a list cannot be read as text.
        file.problems.append(
            {fileName,
             error.mark.line + 1,
             {},
             QStringLiteral("cannot be read: %1").arg(QString::fromStdString(error.msg))});
    }
    return file;
}

} // namespace ic::contacts

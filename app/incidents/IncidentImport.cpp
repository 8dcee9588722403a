#include "IncidentImport.h"

#include "IncidentDocument.h"
#include "core/CountText.h"
#include "core/Ids.h"
#include "core/Logging.h"
#include "storage/Sql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>
#include <QTimeZone>
#include <cmath>
#include <limits>

namespace ic::incidents {
namespace {

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

// Reads the fields of one JSON object. The first problem is kept in *error, named by its
// path ("checklist[2].position"); after it every read returns an empty value, so a caller
// reads all fields and checks ok() once.
class Reader
{
public:
    Reader(QJsonObject object, QString path, QString *error)
        : m_object(std::move(object)), m_path(std::move(path)), m_error(error)
    {}

    bool ok() const { return m_error->isEmpty(); }
    QString path(const QString &key) const
    {
        return m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key;
    }
    void fail(const QString &key, const QString &problem)
    {
        if (ok())
            *m_error = path(key) + QStringLiteral(": ") + problem;
    }

    QString string(const QString &key) { return text(key, false); }
    // A string, or null (read as a null QString).
    QString stringOrNull(const QString &key) { return text(key, true); }
    // A string when present; absent is fine.
    QString optionalString(const QString &key)
    {
        return m_object.contains(key) ? string(key) : QString();
    }

    QString nonEmptyString(const QString &key)
    {
        const QString result = string(key);
        if (ok() && result.isEmpty())
            fail(key, QStringLiteral("must not be empty"));
        return result;
    }

    bool boolean(const QString &key)
    {
        const QJsonValue v = value(key, QStringLiteral("a boolean"), QJsonValue::Bool);
        return v.toBool();
    }

    std::optional<qint64> integer(const QString &key, bool nullable)
    {
        const QJsonValue v = value(
            key, nullable ? QStringLiteral("an integer or null") : QStringLiteral("an integer"),
            QJsonValue::Double, nullable);
        if (!ok() || v.isNull())
            return std::nullopt;
        const double number = v.toDouble();
        if (std::trunc(number) != number || std::abs(number) > 9.0e15) {
            fail(key, QStringLiteral("expected an integer, found %1").arg(number));
            return std::nullopt;
        }
        return qint64(number);
    }

    int position(const QString &key)
    {
        const auto number = integer(key, false);
        if (number && (*number < 0 || *number > std::numeric_limits<int>::max()))
            fail(key, QStringLiteral("expected a position of 0 or more, found %1").arg(*number));
        return ok() && number ? int(*number) : 0;
    }

    // An ISO 8601 time; invalid for null when nullable.
    QDateTime time(const QString &key, bool nullable)
    {
        const QString text = this->text(key, nullable, QStringLiteral("an ISO 8601 time"));
        if (text.isNull())
            return {};
        const QDateTime parsed = fromStoredTime(text);
        if (!parsed.isValid())
            fail(key, QStringLiteral("expected an ISO 8601 time, found \"%1\"").arg(text));
        return parsed;
    }

    QJsonObject object(const QString &key)
    {
        return value(key, QStringLiteral("an object"), QJsonValue::Object).toObject();
    }
    QJsonArray array(const QString &key)
    {
        return value(key, QStringLiteral("an array"), QJsonValue::Array).toArray();
    }
    // An array when present; absent is fine.
    QJsonArray optionalArray(const QString &key)
    {
        return m_object.contains(key) ? array(key) : QJsonArray();
    }

private:
    QString text(const QString &key, bool nullable,
                 const QString &expected = QStringLiteral("a string"))
    {
        const QJsonValue v = value(key, nullable ? expected + QStringLiteral(" or null") : expected,
                                   QJsonValue::String, nullable);
        return v.isString() ? v.toString() : QString();
    }

    QJsonValue value(const QString &key, const QString &expected, QJsonValue::Type type,
                     bool nullable = false)
    {
        if (!ok())
            return {};
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined()) {
            fail(key, QStringLiteral("missing (expected %1)").arg(expected));
            return {};
        }
        if (v.type() != type && !(nullable && v.isNull())) {
            fail(key, QStringLiteral("expected %1, found %2").arg(expected, typeName(v)));
            return {};
        }
        return v;
    }

    QJsonObject m_object;
    QString m_path;
    QString *m_error;
};

// The objects of an array, each read by read(reader, id) with a Reader at "name[i]" after
// its id: present, not empty, and not repeated (ids are primary keys). An element that is no
// object is the error.
template <typename Read>
void readEach(Reader &parent, const QString &name, QString *error, const Read &read)
{
    const QJsonArray array = parent.array(name);
    QSet<QString> seen;
    for (qsizetype i = 0; i < array.size() && error->isEmpty(); ++i) {
        const QString path = parent.path(name) + QStringLiteral("[%1]").arg(i);
        if (!array[i].isObject()) {
            *error = path + QStringLiteral(": expected an object, found ") + typeName(array[i]);
            return;
        }
        Reader reader(array[i].toObject(), path, error);
        const QString id = reader.nonEmptyString(QStringLiteral("id"));
        if (reader.ok() && seen.contains(id))
            reader.fail(QStringLiteral("id"), QStringLiteral("\"%1\" appears twice").arg(id));
        seen.insert(id);
        read(reader, id);
    }
}

bool readFormatVersion(Reader &root, const QJsonObject &json)
{
    if (!json.contains(QStringLiteral("format_version"))) {
        root.fail(QStringLiteral("format_version"),
                  QStringLiteral("missing: not a complete incident export (write one with "
                                 "'incident-console export ID --format json')"));
        return false;
    }
    const auto version = root.integer(QStringLiteral("format_version"), false);
    if (version && *version > incidentFormatVersion)
        root.fail(QStringLiteral("format_version"),
                  QStringLiteral("%1 is newer than this incident-console reads (%2); import it "
                                 "with a newer version")
                      .arg(*version)
                      .arg(incidentFormatVersion));
    else if (version && *version < 1)
        root.fail(QStringLiteral("format_version"),
                  QStringLiteral("%1 is not a version (expected 1 to %2)")
                      .arg(*version)
                      .arg(incidentFormatVersion));
    return root.ok();
}

void readIncident(Reader &root, Incident &incident)
{
    incident.id = root.nonEmptyString(QStringLiteral("id"));
    incident.title = root.string(QStringLiteral("title"));
    incident.severity = root.nonEmptyString(QStringLiteral("severity"));
    const QString status = root.string(QStringLiteral("status"));
    if (root.ok()) {
        if (const auto parsed = parseStatus(status))
            incident.status = *parsed;
        else
            root.fail(QStringLiteral("status"),
                      QStringLiteral("unknown status \"%1\" (expected %2)")
                          .arg(status, statusChoices().join(QStringLiteral(", "))));
    }
    const QJsonArray serviceArray = root.array(QStringLiteral("services"));
    for (qsizetype i = 0; i < serviceArray.size() && root.ok(); ++i) {
        if (!serviceArray[i].isString())
            root.fail(QStringLiteral("services[%1]").arg(i),
                      QStringLiteral("expected a string, found ") + typeName(serviceArray[i]));
        incident.services << serviceArray[i].toString();
    }
    incident.impact = root.string(QStringLiteral("impact"));
    incident.commander = root.string(QStringLiteral("commander"));
    incident.deputy = root.string(QStringLiteral("deputy"));
    incident.scribe = root.string(QStringLiteral("scribe"));
    incident.drill = root.boolean(QStringLiteral("drill"));
    // Exports from before 0.4 name neither role.
    incident.communications = root.optionalString(QStringLiteral("communications"));
    const QJsonArray expertArray = root.optionalArray(QStringLiteral("experts"));
    for (qsizetype i = 0; i < expertArray.size() && root.ok(); ++i) {
        if (!expertArray[i].isString())
            root.fail(QStringLiteral("experts[%1]").arg(i),
                      QStringLiteral("expected a string, found ") + typeName(expertArray[i]));
        incident.experts << expertArray[i].toString();
    }
    // Exports from before 0.2 name neither; their incidents read in UTC like stored ones.
    incident.timeZone = root.optionalString(QStringLiteral("time_zone"));
    incident.channel = root.optionalString(QStringLiteral("channel"));
    if (root.ok() && !incident.timeZone.isEmpty() &&
        !QTimeZone(incident.timeZone.toUtf8()).isValid())
        root.fail(QStringLiteral("time_zone"),
                  QStringLiteral("\"%1\" is not a time zone (expected an IANA id such as "
                                 "Europe/Berlin)")
                      .arg(incident.timeZone));
    incident.createdAt = root.time(QStringLiteral("created_at"), false);
    incident.updatedAt = root.time(QStringLiteral("updated_at"), false);
}

void readMilestones(Reader &root, QString *error, Incident &incident)
{
    const QJsonObject object = root.object(QStringLiteral("milestones"));
    if (!root.ok())
        return;
    Reader milestones(object, root.path(QStringLiteral("milestones")), error);
    for (int i = 0; i < milestoneCount; ++i)
        incident.milestones[size_t(i)] =
            milestones.time(milestoneId(Milestone(i)), Milestone(i) != Milestone::Started);
}

// Refuses an export whose checklist, timeline or drafts hold more than an import takes.
bool withinImportLimits(const QJsonObject &object, QString *error)
{
    const std::pair<QString, qsizetype> limits[] = {{QStringLiteral("checklist"), maxImportItems},
                                                    {QStringLiteral("timeline"), maxImportEvents},
                                                    {QStringLiteral("drafts"), maxImportDrafts}};
    for (const auto &[key, limit] : limits) {
        const qsizetype count = object.value(key).toArray().size();
        if (count > limit) {
            *error = QStringLiteral("%1: %2 entries, more than the %3 an import takes")
                         .arg(key, countText(count), countText(limit));
            return false;
        }
    }
    return true;
}

} // namespace

Result<IncidentRecord> parseIncidentExport(const QByteArray &json)
{
    QString problem;
    QString *error = &problem; // the readers below keep the first problem here
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const QByteArray before = json.left(parseError.offset);
        const qsizetype line = before.count('\n') + 1;
        const qsizetype column = parseError.offset - (before.lastIndexOf('\n') + 1) + 1;
        return refusal(QStringLiteral("line %1, column %2: not valid JSON: %3")
                           .arg(line)
                           .arg(column)
                           .arg(parseError.errorString()));
    }
    if (!document.isObject())
        return refusal(
            QStringLiteral("expected a JSON object (an incident export), found %1")
                .arg(document.isArray() ? QStringLiteral("an array") : QStringLiteral("nothing")));
    const QJsonObject object = document.object();
    Reader root(object, {}, error);
    if (!readFormatVersion(root, object) || !withinImportLimits(object, error))
        return refusal(problem);

    IncidentRecord record;
    readIncident(root, record.incident);
    readMilestones(root, error, record.incident);
    const QString incidentId = record.incident.id;

    readEach(root, QStringLiteral("checklist"), error, [&](Reader &reader, const QString &id) {
        ChecklistItem item;
        item.id = id;
        item.incidentId = incidentId;
        item.number = reader.position(QStringLiteral("number"));
        item.phase = reader.string(QStringLiteral("phase"));
        item.phasePosition = reader.position(QStringLiteral("phase_position"));
        item.position = reader.position(QStringLiteral("position"));
        item.text = reader.string(QStringLiteral("text"));
        item.dueOffsetSeconds = reader.integer(QStringLiteral("due_offset_seconds"), true);
        item.dueRule = reader.string(QStringLiteral("due_rule"));
        item.checkedAt = reader.time(QStringLiteral("checked_at"), true);
        item.checkedBy = reader.stringOrNull(QStringLiteral("checked_by"));
        item.note = reader.string(QStringLiteral("note"));
        item.source = reader.string(QStringLiteral("source"));
        item.assignee = reader.string(QStringLiteral("assignee"));
        item.timeboxUntil = reader.time(QStringLiteral("timebox_until"), true);
        item.milestone = reader.string(QStringLiteral("milestone"));
        if (reader.ok() && item.number < 1)
            reader.fail(QStringLiteral("number"), QStringLiteral("item numbers start at 1"));
        const bool taken =
            std::any_of(record.items.begin(), record.items.end(),
                        [&](const ChecklistItem &other) { return other.number == item.number; });
        if (reader.ok() && taken)
            reader.fail(QStringLiteral("number"),
                        QStringLiteral("%1 is the number of another item").arg(item.number));
        record.items.push_back(item);
    });

    readEach(root, QStringLiteral("timeline"), error, [&](Reader &reader, const QString &id) {
        TimelineEvent event;
        event.id = id;
        event.incidentId = incidentId;
        event.at = reader.time(QStringLiteral("at"), false);
        event.kind = reader.nonEmptyString(QStringLiteral("kind"));
        event.text = reader.string(QStringLiteral("text"));
        event.actor = reader.string(QStringLiteral("actor"));
        event.data = reader.object(QStringLiteral("data"));
        event.supersedes = reader.optionalString(QStringLiteral("supersedes"));
        record.events.push_back(event);
    });

    readEach(root, QStringLiteral("drafts"), error, [&](Reader &reader, const QString &id) {
        Draft draft;
        draft.id = id;
        draft.incidentId = incidentId;
        draft.templateId = reader.nonEmptyString(QStringLiteral("template"));
        draft.body = reader.string(QStringLiteral("body"));
        draft.createdAt = reader.time(QStringLiteral("created_at"), false);
        draft.copiedAt = reader.time(QStringLiteral("copied_at"), true);
        draft.postedAt = reader.time(QStringLiteral("posted_at"), true);
        record.drafts.push_back(draft);
    });

    if (!problem.isEmpty())
        return refusal(problem);
    return record;
}

namespace {

// The first id of the record that the database already holds, described; empty when none.
QString existingRow(const QSqlDatabase &db, const IncidentRecord &record)
{
    const QVariant title = sql::scalar(
        db, QStringLiteral("SELECT title FROM incidents WHERE id = ?"), {record.incident.id});
    if (title.isValid())
        return QStringLiteral("incident %1 (\"%2\") already exists in this data dir")
            .arg(record.incident.id, title.toString());
    const auto taken = [&](const QString &select, const QString &id) {
        return sql::scalar(db, select, {id}).isValid();
    };
    const auto described = [](const char *what, const QString &id) {
        return QStringLiteral("%1 %2 already exists in this data dir (under another incident)")
            .arg(QLatin1String(what), id);
    };
    for (const ChecklistItem &item : record.items)
        if (taken(QStringLiteral("SELECT 1 FROM checklist_items WHERE id = ?"), item.id))
            return described("checklist item", item.id);
    for (const TimelineEvent &event : record.events)
        if (taken(QStringLiteral("SELECT 1 FROM timeline_events WHERE id = ?"), event.id))
            return described("timeline event", event.id);
    for (const Draft &draft : record.drafts)
        if (taken(QStringLiteral("SELECT 1 FROM drafts WHERE id = ?"), draft.id))
            return described("draft", draft.id);
    return {};
}

} // namespace

Result<void> importIncident(const QSqlDatabase &db, const IncidentRecord &record)
{
    const Result<void> written = sql::inWriteTransaction(db, [&]() -> Result<void> {
        // Checked inside the transaction, so nobody can add the same id in between.
        if (const QString conflict = existingRow(db, record); !conflict.isEmpty())
            return unchanged(conflict);
        if (const Result<void> stored = IncidentStore::insertExact(db, record.incident); !stored)
            return stored;
        for (const ChecklistItem &item : record.items)
            if (const Result<void> stored = ChecklistStore::insertExact(db, item); !stored)
                return stored;
        // In file order: the timeline breaks ties between equal times by insertion order.
        for (const TimelineEvent &event : record.events)
            if (const Result<void> stored = Timeline::insertExact(db, event); !stored)
                return stored;
        for (const Draft &draft : record.drafts)
            if (const Result<void> stored = IncidentStore::insertExact(db, draft); !stored)
                return stored;
        return {};
    });
    if (!written)
        return written;
    log::get(log::Incidents)
        ->info("imported incident {} ({} checklist items, {} timeline events, {} drafts)",
               record.incident.id.toStdString(), record.items.size(), record.events.size(),
               record.drafts.size());
    return {};
}

} // namespace ic::incidents

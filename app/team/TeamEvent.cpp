#include "TeamEvent.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUuid>

namespace ic::team {
namespace {

constexpr int formatVersion = 1;
constexpr qsizetype maxTextBytes = 1024 * 1024;
constexpr qsizetype maxNameLength = 200;

const QString opNames[] = {QStringLiteral("insert"), QStringLiteral("update"),
                           QStringLiteral("delete")};

bool isUuid(const QString &text)
{
    return text.size() == 36 && !QUuid::fromString(text).isNull();
}

QJsonValue toJson(const QVariant &value)
{
    if (value.isNull() || !value.isValid())
        return QJsonValue::Null;
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        return QJsonValue(value.toLongLong());
    default:
        return value.toString();
    }
}

QJsonObject toJson(const RowChange &change)
{
    QJsonObject values;
    for (auto it = change.values.begin(); it != change.values.end(); ++it)
        values.insert(it.key(), toJson(it.value()));
    QJsonObject base;
    for (auto it = change.base.begin(); it != change.base.end(); ++it)
        base.insert(it.key(), it.value());
    QJsonObject object{{QStringLiteral("t"), change.table},
                       {QStringLiteral("id"), change.id},
                       {QStringLiteral("op"), opNames[int(change.op)]}};
    if (!values.isEmpty())
        object.insert(QStringLiteral("set"), values);
    if (!base.isEmpty())
        object.insert(QStringLiteral("base"), base);
    return object;
}

QString rowError(int index, const QString &what)
{
    return QStringLiteral("row %1: %2").arg(index + 1).arg(what);
}

// A value of a column: text, an integer or null; nothing else is stored in these tables.
std::optional<QVariant> fromJson(const QJsonValue &value)
{
    if (value.isNull())
        return QVariant();
    if (value.isString()) {
        const QString text = value.toString();
        if (text.size() > maxTextBytes)
            return std::nullopt;
        return QVariant(text);
    }
    if (value.isDouble()) {
        const double number = value.toDouble();
        const qint64 integer = value.toInteger();
        if (double(integer) != number)
            return std::nullopt;
        return QVariant(integer);
    }
    return std::nullopt;
}

Result<RowChange> decodeRow(const QJsonValue &json, int index, const QString &incidentId)
{
    if (!json.isObject())
        return failure(rowError(index, QStringLiteral("not an object")));
    const QJsonObject object = json.toObject();
    RowChange change;
    change.table = object.value(QStringLiteral("t")).toString();
    const ReplicatedTable *table = replicatedTable(change.table);
    if (!table)
        return failure(rowError(
            index,
            QStringLiteral("table '%1' is not replicated").arg(change.table.left(maxNameLength))));
    change.id = object.value(QStringLiteral("id")).toString();
    if (!isUuid(change.id))
        return failure(rowError(index, QStringLiteral("the row id is not a UUID")));
    const QString op = object.value(QStringLiteral("op")).toString();
    const auto *found = std::find(std::begin(opNames), std::end(opNames), op);
    if (found == std::end(opNames))
        return failure(
            rowError(index, QStringLiteral("unknown operation '%1'").arg(op.left(maxNameLength))));
    change.op = RowChange::Op(found - std::begin(opNames));

    const QJsonObject values = object.value(QStringLiteral("set")).toObject();
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (!table->columns.contains(it.key()))
            return failure(rowError(index, QStringLiteral("column '%1' of %2 is not replicated")
                                               .arg(it.key().left(maxNameLength), table->name)));
        const std::optional<QVariant> value = fromJson(it.value());
        if (!value)
            return failure(rowError(index, QStringLiteral("column '%1' holds neither text, an "
                                                          "integer nor null (or is too long)")
                                               .arg(it.key())));
        change.values.insert(it.key(), *value);
    }
    const QJsonObject base = object.value(QStringLiteral("base")).toObject();
    for (auto it = base.begin(); it != base.end(); ++it) {
        const QString stamp = it.value().toString();
        if (!table->columns.contains(it.key()) || (!stamp.isEmpty() && !Hlc::parse(stamp)))
            return failure(rowError(index, QStringLiteral("bad base clock for column '%1'")
                                               .arg(it.key().left(maxNameLength))));
        change.base.insert(it.key(), stamp);
    }

    if (change.op == RowChange::Op::Insert) {
        for (const QString &column : table->columns)
            if (!change.values.contains(column))
                return failure(rowError(
                    index,
                    QStringLiteral("a new %1 row lacks column '%2'").arg(table->name, column)));
    }
    if (change.values.contains(QStringLiteral("id")) &&
        change.values.value(QStringLiteral("id")).toString() != change.id)
        return failure(rowError(index, QStringLiteral("the row's id column differs from its id")));
    // A row belongs to the event's incident and to no other.
    const QString owner =
        table->name == QLatin1String("incidents")
            ? change.id
            : change.values.value(QStringLiteral("incident_id"), incidentId).toString();
    if (owner != incidentId)
        return failure(rowError(index, QStringLiteral("the row belongs to another incident")));
    return change;
}

} // namespace

QByteArray encodeEvent(const TeamEvent &event)
{
    QJsonArray rows;
    for (const RowChange &change : event.rows)
        rows.append(toJson(change));
    const QJsonObject object{{QStringLiteral("v"), formatVersion},
                             {QStringLiteral("id"), event.id},
                             {QStringLiteral("incident"), event.incidentId},
                             {QStringLiteral("console"), event.console},
                             {QStringLiteral("actor"), event.actor},
                             {QStringLiteral("kind"), event.kind},
                             {QStringLiteral("hlc"), event.hlc.toString()},
                             {QStringLiteral("timeline_event"), event.timelineEventId},
                             {QStringLiteral("rows"), rows}};
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Result<TeamEvent> decodeEvent(const QByteArray &payload)
{
    if (payload.size() > maxEventBytes)
        return failure(QStringLiteral("%1 bytes, more than the %2 an event may have")
                           .arg(payload.size())
                           .arg(maxEventBytes));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(payload, &parseError);
    if (document.isNull() || !document.isObject())
        return failure(QStringLiteral("not a JSON object (%1 at offset %2)")
                           .arg(parseError.errorString())
                           .arg(parseError.offset));
    const QJsonObject object = document.object();
    if (object.value(QStringLiteral("v")).toInt() != formatVersion)
        return failure(QStringLiteral("format version %1 is not %2")
                           .arg(object.value(QStringLiteral("v")).toInt())
                           .arg(formatVersion));
    TeamEvent event;
    event.id = object.value(QStringLiteral("id")).toString();
    if (!isUuid(event.id))
        return failure(QStringLiteral("the event id is not a UUID"));
    const QString where = QStringLiteral("event %1: ").arg(event.id);
    event.incidentId = object.value(QStringLiteral("incident")).toString();
    event.console = object.value(QStringLiteral("console")).toString();
    event.timelineEventId = object.value(QStringLiteral("timeline_event")).toString();
    if (!isUuid(event.incidentId) || !isUuid(event.console) ||
        (!event.timelineEventId.isEmpty() && !isUuid(event.timelineEventId)))
        return failure(where + QStringLiteral("its incident, console or timeline event is not a "
                                              "UUID"));
    event.actor = object.value(QStringLiteral("actor")).toString();
    event.kind = object.value(QStringLiteral("kind")).toString();
    static const QRegularExpression kindPattern(QStringLiteral("^[a-z][a-z0-9_.-]{0,63}$"));
    if (event.actor.size() > maxNameLength || !kindPattern.match(event.kind).hasMatch())
        return failure(where + QStringLiteral("bad actor or kind"));
    const std::optional<Hlc> hlc = Hlc::parse(object.value(QStringLiteral("hlc")).toString());
    if (!hlc || hlc->console != event.console)
        return failure(where + QStringLiteral("bad clock (it must name the event's console)"));
    event.hlc = *hlc;
    const QJsonArray rows = object.value(QStringLiteral("rows")).toArray();
    if (rows.isEmpty() || rows.size() > maxEventRows)
        return failure(
            where + QStringLiteral("%1 rows (1 to %2 allowed)").arg(rows.size()).arg(maxEventRows));
    for (int index = 0; index < rows.size(); ++index) {
        Result<RowChange> change = decodeRow(rows[index], index, event.incidentId);
        if (!change)
            return failure(where + change.error());
        event.rows.push_back(std::move(change.value()));
    }
    return event;
}

} // namespace ic::team

#pragma once

#include "CheckDefinition.h"

#include <optional>

namespace YAML {
class Node;
}

namespace ic::health {

class FieldReader;

// One check's fields as a check type reads them (CheckType::readTarget, addConditions): typed
// reads that report a problem with the field's file and line, and the target fields several
// types share. Field names are relative to the check ("port", not "checks[2].port").
class TargetFields
{
public:
    TargetFields(FieldReader &reader, const YAML::Node &node, QString where, QString typeName,
                 QString configDir);

    bool has(const char *name) const;
    // The field's text when it is a single value, else empty; reports nothing.
    QString scalar(const char *name) const;
    // Reported when missing or empty.
    std::optional<QString> required(const char *name);
    // fallback when the field is absent; nullopt (reported) when it is not a single value.
    std::optional<QString> text(const char *name, const QString &fallback = {});
    std::optional<int> integer(const char *name, int fallback, int min, int max);
    std::optional<bool> boolean(const char *name, bool fallback);
    // Each item's text; nullopt, unreported, when the field is absent or not a list.
    std::optional<QStringList> list(const char *name);
    void problem(const char *name, const QString &message);
    // No problem was reported through these fields so far.
    bool valid() const;

    // A path as written in health.yaml, made absolute relative to that file's folder, so a
    // config and its secrets can move together.
    QString relativeToConfig(const QString &path) const;
    // Appends a condition the type implies. With standsFor (the field it comes from), the text
    // is checked like a written condition, since the field's value was pasted into it.
    void addCondition(CheckDefinition *check, const QString &text, const char *standsFor = nullptr);

    // Target fields several types share.
    bool readUrl(CheckDefinition *check);
    bool readHeaders(CheckDefinition *check);
    bool readTlsVerify(CheckDefinition *check);
    // Required when fallback is empty.
    bool readHost(CheckDefinition *check, const QString &fallback = {});
    // Required when fallback is 0.
    bool readPort(CheckDefinition *check, int fallback = 0);

private:
    QString fieldName(const char *name) const;
    YAML::Node node(const char *name) const;

    FieldReader &m_reader;
    const YAML::Node &m_node;
    QString m_where;
    QString m_typeName;
    QString m_configDir;
    qsizetype m_problemsBefore = 0;
};

} // namespace ic::health

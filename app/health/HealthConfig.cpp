#include "HealthConfig.h"

#include "CheckFields.h"
#include "core/PrivateFiles.h"
#include "core/Settings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <yaml-cpp/yaml.h>

namespace ic::health {

namespace {

int lineOf(const YAML::Node &node)
{
    return node.Mark().line + 1;
}

} // namespace

HealthConfig parseHealthConfig(const QByteArray &yaml, const QString &fileName)
{
    HealthConfig config;
    YAML::Node root;
    try {
        root = YAML::Load(yaml.toStdString());
    } catch (const YAML::Exception &error) {
        config.problems.append(
            {fileName,
             error.mark.line + 1,
             {},
             QStringLiteral("not valid YAML: %1").arg(QString::fromStdString(error.msg))});
        return config;
    }
    if (root.IsNull())
        return config;
    if (!root.IsMap()) {
        config.problems.append({fileName,
                                lineOf(root),
                                {},
                                QStringLiteral("expected a map with 'defaults' and 'checks'")});
        return config;
    }
    CheckDefinition defaults;
    defaults.file = fileName;
    FieldReader reader(fileName, &config.problems);
    for (const auto &entry : root) {
        const QString key = QString::fromStdString(entry.first.as<std::string>(""));
        if (key != QLatin1String("defaults") && key != QLatin1String("checks") &&
            key != QLatin1String("history"))
            config.problems.append(
                {fileName, lineOf(entry.first), key,
                 QStringLiteral("unknown field; valid: defaults, history, checks")});
    }
    if (const YAML::Node node = root["defaults"]; node)
        reader.readDefaults(node, &defaults);
    if (const YAML::Node node = root["history"]; node)
        reader.readHistory(node, &config.history);
    const YAML::Node checks = root["checks"];
    if (!checks)
        return config;
    if (!checks.IsSequence()) {
        config.problems.append(
            {fileName, lineOf(checks), QStringLiteral("checks"), QStringLiteral("must be a list")});
        return config;
    }
    QSet<QString> names;
    for (std::size_t i = 0; i < checks.size(); ++i) {
        const YAML::Node node = checks[i];
        auto check = reader.readCheck(node, defaults, QStringLiteral("checks[%1]").arg(i));
        if (!check)
            continue;
        if (names.contains(check->name)) {
            config.problems.append({fileName, check->line, QStringLiteral("checks[%1].name").arg(i),
                                    QStringLiteral("'%1' is used by an earlier check; names must "
                                                   "be unique")
                                        .arg(check->name)});
            continue;
        }
        names.insert(check->name);
        config.checks.append(*check);
    }
    return config;
}

HealthConfig loadHealthConfig(const QString &path)
{
    // Checks run commands and send credentials: a file another account can change is not
    // used, for the window and the command line alike.
    if (const QString why = whyNotTrusted(path); !why.isEmpty()) {
        HealthConfig config;
        config.problems.append(
            {path, 0, {}, why.startsWith(path) ? why.mid(path.size()).trimmed() : why});
        return config;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        HealthConfig config;
        config.problems.append(
            {path, 0, {}, QStringLiteral("cannot read: %1").arg(file.errorString())});
        return config;
    }
    return parseHealthConfig(file.readAll(), path);
}

QString healthConfigPath(const QString &dataDir)
{
    const QString chosen = Settings(dataDir).get(settings::healthConfigPath);
    return chosen.isEmpty() ? QDir(dataDir).filePath(QStringLiteral("health.yaml")) : chosen;
}

QString ensureDefaultHealthConfig(const QString &dataDir)
{
    const QString target = healthConfigPath(dataDir);
    if (QFileInfo::exists(target))
        return {};
    QFile source(QStringLiteral(":/health/health.yaml"));
    if (!source.open(QIODevice::ReadOnly))
        return QStringLiteral("the built-in default health.yaml is missing from this build");
    QFile out(target);
    // NewOnly: never overwrite a file another instance wrote a moment ago.
    if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        if (QFileInfo::exists(target))
            return {};
        return QStringLiteral("cannot write %1: %2").arg(target, out.errorString());
    }
    if (out.write(source.readAll()) < 0)
        return QStringLiteral("cannot write %1: %2").arg(target, out.errorString());
    return {};
}

} // namespace ic::health

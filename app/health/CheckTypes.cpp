#include "CheckTypes.h"

#include "Conditions.h"

#include <QUrl>
#include <algorithm>

namespace ic::health {

namespace {

// "[BODY]" of "[BODY].items[0]"; the whole text when it has no path.
QString placeholderName(const QString &placeholder)
{
    const qsizetype end = placeholder.indexOf(QLatin1Char(']'));
    return end < 0 ? placeholder : placeholder.left(end + 1);
}

QString offered(const CheckType &type, const CheckDefinition &check)
{
    QStringList names{QStringLiteral("[RESPONSE_TIME]")};
    for (const PlaceholderSpec &spec : type.placeholders) {
        if (!spec.unavailableBecause || spec.unavailableBecause(check).isEmpty())
            names.append(spec.takesPath ? spec.name + QStringLiteral(" (with a path)") : spec.name);
    }
    return names.join(QStringLiteral(", "));
}

} // namespace

QString needsHttpsUrl(const CheckDefinition &check)
{
    return QUrl(check.url).scheme() == QLatin1String("https")
               ? QString()
               : QStringLiteral("needs an https:// URL");
}

const QList<CheckType> &checkTypes()
{
#define IC_CHECK_TYPE(Name) make##Name(),
    static const QList<CheckType> types{
#include "types/CheckTypeList.h"
    };
#undef IC_CHECK_TYPE
    return types;
}

const CheckType *findCheckType(const QString &name)
{
    const QList<CheckType> &types = checkTypes();
    const auto found = std::find_if(types.begin(), types.end(),
                                    [&name](const CheckType &type) { return type.name == name; });
    return found == types.end() ? nullptr : &*found;
}

QStringList checkTypeNames()
{
    QStringList names;
    for (const CheckType &type : checkTypes())
        names.append(type.name);
    names.sort();
    return names;
}

QString unresolvablePlaceholder(const CheckDefinition &check, const QString &condition)
{
    const CheckType *type = findCheckType(check.type);
    if (!type)
        return {};
    for (const QString &placeholder : conditionPlaceholders(condition)) {
        const QString name = placeholderName(placeholder);
        const bool hasPath = placeholder.size() > name.size();
        if (name == QLatin1String("[RESPONSE_TIME]") && !hasPath)
            continue;
        const auto spec =
            std::find_if(type->placeholders.begin(), type->placeholders.end(),
                         [&name](const PlaceholderSpec &known) { return known.name == name; });
        if (spec == type->placeholders.end())
            return QStringLiteral("%1 checks never have %2; they have %3")
                .arg(type->name, name, offered(*type, check));
        if (hasPath && !spec->takesPath)
            return QStringLiteral("%1 takes no path here; use %2 alone").arg(placeholder, name);
        if (spec->unavailableBecause) {
            if (const QString why = spec->unavailableBecause(check); !why.isEmpty())
                return QStringLiteral("%1 %2").arg(name, why);
        }
    }
    return {};
}

} // namespace ic::health

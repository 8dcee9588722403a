#include "Conditions.h"

#include "JsonPath.h"
#include "core/Duration.h"

#include <QRegularExpression>
#include <array>
#include <cmath>

namespace ic::health {
namespace {

enum class Operator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual
};

struct OperatorToken
{
    QLatin1String text;
    Operator op;
};

// Longer tokens first, so " <= " is not read as " < ".
const std::array<OperatorToken, 6> operatorTokens{{
    {QLatin1String(" == "), Operator::Equal},
    {QLatin1String(" != "), Operator::NotEqual},
    {QLatin1String(" <= "), Operator::LessOrEqual},
    {QLatin1String(" >= "), Operator::GreaterOrEqual},
    {QLatin1String(" < "), Operator::Less},
    {QLatin1String(" > "), Operator::Greater},
}};

struct SplitCondition
{
    QString left;
    QString right;
    Operator op = Operator::Equal;
    QString operatorText;
};

std::optional<SplitCondition> split(const QString &text)
{
    qsizetype bestAt = -1;
    const OperatorToken *best = nullptr;
    for (const OperatorToken &token : operatorTokens) {
        const qsizetype at = text.indexOf(token.text);
        if (at >= 0 && (bestAt < 0 || at < bestAt)) {
            bestAt = at;
            best = &token;
        }
    }
    if (!best)
        return std::nullopt;
    return SplitCondition{text.left(bestAt).trimmed(),
                          text.mid(bestAt + best->text.size()).trimmed(), best->op,
                          QString(best->text).trimmed()};
}

enum class OperandKind
{
    Literal,
    Placeholder,
    Length,
    Has,
    Pattern,
    Regex
};

struct Operand
{
    OperandKind kind = OperandKind::Literal;
    QString written; // as in the condition
    QString inner;   // placeholder or pattern inside a function
};

std::optional<QString> functionArgument(const QString &text, QLatin1String name)
{
    if (text.startsWith(name) && text.size() > name.size() + 1 &&
        text.at(name.size()) == QLatin1Char('(') && text.endsWith(QLatin1Char(')')))
        return text.mid(name.size() + 1, text.size() - name.size() - 2).trimmed();
    return std::nullopt;
}

Operand classify(const QString &text)
{
    if (auto inner = functionArgument(text, QLatin1String("len")))
        return {OperandKind::Length, text, *inner};
    if (auto inner = functionArgument(text, QLatin1String("has")))
        return {OperandKind::Has, text, *inner};
    if (auto inner = functionArgument(text, QLatin1String("pat")))
        return {OperandKind::Pattern, text, *inner};
    if (auto inner = functionArgument(text, QLatin1String("re")))
        return {OperandKind::Regex, text, *inner};
    if (text.startsWith(QLatin1Char('[')))
        return {OperandKind::Placeholder, text, text};
    return {OperandKind::Literal, text, text};
}

QString placeholderSyntaxError(const QString &placeholder)
{
    static const QRegularExpression shape(
        QStringLiteral(R"(^\[[A-Z0-9_]+\]((\.[^.\[\]]+)|(\[\d+\]))*$)"));
    if (!shape.match(placeholder).hasMatch())
        return QStringLiteral("'%1' is not a placeholder such as [STATUS] or [BODY].items[0].id")
            .arg(placeholder);
    return {};
}

QString operandSyntaxError(const Operand &operand)
{
    switch (operand.kind) {
    case OperandKind::Placeholder:
    case OperandKind::Length:
    case OperandKind::Has:
        return placeholderSyntaxError(operand.inner);
    case OperandKind::Regex:
        if (const QRegularExpression regex(operand.inner); !regex.isValid())
            return QStringLiteral("invalid regular expression in %1: %2")
                .arg(operand.written, regex.errorString());
        return {};
    case OperandKind::Pattern:
    case OperandKind::Literal:
        return {};
    }
    return {};
}

// A resolved side of a condition: its text value, or why it has none.
struct Value
{
    bool found = false;
    QString text;
    QString missingReason;
    bool fromPlaceholder = false;
};

Value resolvePlaceholder(const QString &placeholder, const Observation &observation,
                         bool wantLength)
{
    if (auto it = observation.values.find(placeholder); it != observation.values.end()) {
        if (wantLength)
            return {true, QString::number(it->size()), {}, true};
        return {true, *it, {}, true};
    }
    if (placeholder.startsWith(QLatin1String("[BODY]"))) {
        if (!observation.hasBody)
            return {false, {}, QStringLiteral("this check has no response body"), true};
        const JsonLookup lookup = lookupJsonPath(observation.body, placeholder.mid(6));
        if (!lookup.found)
            return {false, {}, lookup.error, true};
        return {true, wantLength ? QString::number(lookup.length) : lookup.text, {}, true};
    }
    return {false, {}, QStringLiteral("%1 has no value for this check").arg(placeholder), true};
}

Value resolve(const Operand &operand, const Observation &observation)
{
    switch (operand.kind) {
    case OperandKind::Placeholder:
        return resolvePlaceholder(operand.inner, observation, false);
    case OperandKind::Length:
        return resolvePlaceholder(operand.inner, observation, true);
    case OperandKind::Has: {
        const Value inner = resolvePlaceholder(operand.inner, observation, false);
        return {true, inner.found ? QStringLiteral("true") : QStringLiteral("false"), {}, true};
    }
    case OperandKind::Pattern:
    case OperandKind::Regex:
    case OperandKind::Literal:
        return {true, operand.inner, {}, false};
    }
    return {};
}

// A number, or a duration with its unit converted to milliseconds ("48h", "300ms").
std::optional<double> asNumber(const QString &text)
{
    bool ok = false;
    const double number = text.trimmed().toDouble(&ok);
    if (ok)
        return number;
    if (const auto duration = parseDuration(text.trimmed()))
        return double(duration->count());
    return std::nullopt;
}

bool wildcardMatch(const QString &pattern, const QString &text)
{
    QString regex;
    for (const QChar c : pattern) {
        if (c == QLatin1Char('*'))
            regex += QStringLiteral(".*");
        else if (c == QLatin1Char('?'))
            regex += QLatin1Char('.');
        else
            regex += QRegularExpression::escape(QString(c));
    }
    return QRegularExpression(QRegularExpression::anchoredPattern(regex),
                              QRegularExpression::DotMatchesEverythingOption)
        .match(text)
        .hasMatch();
}

QString shown(const Operand &operand, const Value &value)
{
    if (!value.fromPlaceholder)
        return operand.written;
    return QStringLiteral("%1 (%2)").arg(operand.written,
                                         value.found ? value.text : QStringLiteral("n/a"));
}

struct Verdict
{
    bool success = false;
    QString reason;
};

bool isEquality(Operator op)
{
    return op == Operator::Equal || op == Operator::NotEqual;
}

Verdict compareMatching(Operator op, const Operand &matcher, const QString &text)
{
    if (!isEquality(op))
        return {false, QStringLiteral("%1 only works with == and !=").arg(matcher.written)};
    const bool matches = matcher.kind == OperandKind::Pattern
                             ? wildcardMatch(matcher.inner, text)
                             : QRegularExpression(matcher.inner).match(text).hasMatch();
    return {matches == (op == Operator::Equal), {}};
}

Verdict compareValues(Operator op, const QString &left, const QString &right)
{
    const auto leftNumber = asNumber(left);
    const auto rightNumber = asNumber(right);
    if (leftNumber && rightNumber) {
        if (std::isnan(*leftNumber) || std::isnan(*rightNumber))
            return {false, QStringLiteral("NaN cannot be compared")};
        const double a = *leftNumber;
        const double b = *rightNumber;
        switch (op) {
        case Operator::Equal:
            return {a == b, {}};
        case Operator::NotEqual:
            return {a != b, {}};
        case Operator::Less:
            return {a < b, {}};
        case Operator::LessOrEqual:
            return {a <= b, {}};
        case Operator::Greater:
            return {a > b, {}};
        case Operator::GreaterOrEqual:
            return {a >= b, {}};
        }
    }
    if (isEquality(op)) {
        const bool bothBooleans =
            QStringList{QStringLiteral("true"), QStringLiteral("false")}.contains(
                left, Qt::CaseInsensitive) &&
            QStringList{QStringLiteral("true"), QStringLiteral("false")}.contains(
                right, Qt::CaseInsensitive);
        const bool equal =
            bothBooleans ? left.compare(right, Qt::CaseInsensitive) == 0 : left == right;
        return {equal == (op == Operator::Equal), {}};
    }
    const QString notNumeric = leftNumber ? right : left;
    return {false, QStringLiteral("'%1' is not a number or a duration").arg(notNumeric)};
}

} // namespace

QString conditionSyntaxError(const QString &text)
{
    const auto parts = split(text.trimmed());
    if (!parts)
        return QStringLiteral("no operator (==, !=, <, <=, >, >= with a space on each side)");
    if (parts->left.isEmpty() || parts->right.isEmpty())
        return QStringLiteral("a side of '%1' is empty").arg(parts->operatorText);
    for (const QString &side : {parts->left, parts->right}) {
        if (const QString error = operandSyntaxError(classify(side)); !error.isEmpty())
            return error;
    }
    return {};
}

QStringList conditionPlaceholders(const QString &text)
{
    if (!conditionSyntaxError(text).isEmpty())
        return {};
    const auto parts = split(text.trimmed());
    QStringList placeholders;
    for (const QString &side : {parts->left, parts->right}) {
        const Operand operand = classify(side);
        if (operand.kind == OperandKind::Placeholder || operand.kind == OperandKind::Length ||
            operand.kind == OperandKind::Has)
            placeholders.append(operand.inner);
    }
    return placeholders;
}

ConditionResult evaluateCondition(const ConditionSpec &spec, const Observation &observation)
{
    ConditionResult result;
    result.condition = spec.text;
    result.warning = spec.warning;
    result.resolved = spec.text;
    // Half-read, a malformed condition could still pass: has([body].x) == false would
    // compare "false" with false. It fails with what is wrong instead.
    if (const QString error = conditionSyntaxError(spec.text); !error.isEmpty()) {
        result.reason = error;
        return result;
    }
    const auto parts = split(spec.text.trimmed());
    const Operand left = classify(parts->left);
    const Operand right = classify(parts->right);
    const Value leftValue = resolve(left, observation);
    const Value rightValue = resolve(right, observation);
    result.resolved =
        QStringLiteral("%1 %2 %3")
            .arg(shown(left, leftValue), parts->operatorText, shown(right, rightValue));
    for (const Value *value : {&leftValue, &rightValue}) {
        if (!value->found) {
            result.reason = value->missingReason;
            return result;
        }
    }
    const auto isMatcher = [](const Operand &operand) {
        return operand.kind == OperandKind::Pattern || operand.kind == OperandKind::Regex;
    };
    Verdict verdict;
    if (isMatcher(right))
        verdict = compareMatching(parts->op, right, leftValue.text);
    else if (isMatcher(left))
        verdict = compareMatching(parts->op, left, rightValue.text);
    else
        verdict = compareValues(parts->op, leftValue.text, rightValue.text);
    result.success = verdict.success;
    result.reason = verdict.reason;
    return result;
}

} // namespace ic::health

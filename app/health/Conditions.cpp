#include "Conditions.h"

#include "ConditionNumbers.h"
#include "PlaceholderValues.h"
#include "ResultLimits.h"

#include <QRegularExpression>
#include <array>

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
    Regex,
    Any
};

struct Operand
{
    OperandKind kind = OperandKind::Literal;
    QString written; // as in the condition
    QString inner;   // placeholder, pattern or values inside a function
};

bool isMatcher(const Operand &operand)
{
    return operand.kind == OperandKind::Pattern || operand.kind == OperandKind::Regex ||
           operand.kind == OperandKind::Any;
}

// The values of any(200, 429).
QStringList anyOptions(const QString &inner)
{
    QStringList options = inner.split(QLatin1Char(','));
    for (QString &option : options)
        option = option.trimmed();
    return options;
}

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
    if (auto inner = functionArgument(text, QLatin1String("any")))
        return {OperandKind::Any, text, *inner};
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
    case OperandKind::Any:
        if (anyOptions(operand.inner).contains(QString()))
            return QStringLiteral("%1 has an empty value; separate values with commas")
                .arg(operand.written);
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

Value fromPlaceholder(const PlaceholderValue &value)
{
    return {value.found, value.text, value.missingReason, true};
}

Value resolve(const Operand &operand, const Observation &observation)
{
    switch (operand.kind) {
    case OperandKind::Placeholder:
        return fromPlaceholder(placeholderValue(operand.inner, observation));
    case OperandKind::Length:
        return fromPlaceholder(placeholderLength(operand.inner, observation));
    case OperandKind::Has:
        return fromPlaceholder(placeholderPresence(operand.inner, observation));
    case OperandKind::Pattern:
    case OperandKind::Regex:
    case OperandKind::Any:
    case OperandKind::Literal:
        return {true, operand.inner, {}, false};
    }
    return {};
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
    // A long value (a whole body) is cut: it would otherwise be copied into every result.
    return QStringLiteral("%1 (%2)").arg(
        operand.written,
        value.found ? truncatedText(value.text, maxResolvedValueBytes) : QStringLiteral("n/a"));
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

Verdict compareValues(Operator op, const QString &left, const QString &right)
{
    const auto leftNumber = parseConditionNumber(left);
    const auto rightNumber = parseConditionNumber(right);
    if (leftNumber && rightNumber) {
        const std::optional<int> order = compareNumbers(*leftNumber, *rightNumber);
        if (!order)
            return {false, QStringLiteral("NaN cannot be compared")};
        switch (op) {
        case Operator::Equal:
            return {*order == 0, {}};
        case Operator::NotEqual:
            return {*order != 0, {}};
        case Operator::Less:
            return {*order < 0, {}};
        case Operator::LessOrEqual:
            return {*order <= 0, {}};
        case Operator::Greater:
            return {*order > 0, {}};
        case Operator::GreaterOrEqual:
            return {*order >= 0, {}};
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
    return {false, QStringLiteral("'%1' is not a number or a duration")
                       .arg(truncatedText(notNumeric, maxResolvedValueBytes))};
}

// pat(), re() or any() on one side, the value on the other.
Verdict compareMatching(Operator op, const Operand &matcher, const QString &text)
{
    if (!isEquality(op))
        return {false, QStringLiteral("%1 only works with == and !=").arg(matcher.written)};
    bool matches = false;
    if (matcher.kind == OperandKind::Pattern) {
        matches = wildcardMatch(matcher.inner, text);
    } else if (matcher.kind == OperandKind::Regex) {
        matches = QRegularExpression(matcher.inner).match(text).hasMatch();
    } else {
        const QStringList options = anyOptions(matcher.inner);
        matches = std::any_of(options.begin(), options.end(), [&text](const QString &option) {
            return compareValues(Operator::Equal, text, option).success;
        });
    }
    return {matches == (op == Operator::Equal), {}};
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
    if (isMatcher(classify(parts->left)) && isMatcher(classify(parts->right)))
        return QStringLiteral("pat(), re() and any() compare a value; the other side must be one");
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
            result.reason = truncatedText(value->missingReason, maxMessageBytes);
            return result;
        }
    }
    Verdict verdict;
    if (isMatcher(right))
        verdict = compareMatching(parts->op, right, leftValue.text);
    else if (isMatcher(left))
        verdict = compareMatching(parts->op, left, rightValue.text);
    else
        verdict = compareValues(parts->op, leftValue.text, rightValue.text);
    result.success = verdict.success;
    result.reason = truncatedText(verdict.reason, maxMessageBytes);
    return result;
}

} // namespace ic::health

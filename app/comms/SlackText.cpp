#include "SlackText.h"

#include <QRegularExpression>

namespace ic::comms {

QString toSlackMrkdwn(const QString &draft)
{
    QString text = draft;
    static const QRegularExpression strongStars(QStringLiteral("\\*\\*(.+?)\\*\\*"));
    static const QRegularExpression strongUnderscores(QStringLiteral("__(.+?)__"));
    static const QRegularExpression heading(QStringLiteral("^#{1,6}\\s+(.+)$"),
                                            QRegularExpression::MultilineOption);
    static const QRegularExpression link(
        QStringLiteral("\\[([^\\]]+)\\]\\((https?://[^)\\s]+)\\)"));
    static const QRegularExpression bullet(QStringLiteral("^(\\s*)[-+] (?!\\[)"),
                                           QRegularExpression::MultilineOption);
    text.replace(strongStars, QStringLiteral("*\\1*"));
    text.replace(strongUnderscores, QStringLiteral("*\\1*"));
    text.replace(heading, QStringLiteral("*\\1*"));
    text.replace(link, QStringLiteral("<\\2|\\1>"));
    text.replace(bullet, QStringLiteral("\\1• "));
    return text;
}

QString chatToMarkdown(const QString &draft)
{
    QString text = draft;
    static const QRegularExpression chatBold(
        QStringLiteral("(?<![*\\w])\\*(?![*\\s])([^*\\n]+?)(?<![*\\s])\\*(?![*\\w])"));
    static const QRegularExpression chatBullet(QStringLiteral("^(\\s*)• "),
                                               QRegularExpression::MultilineOption);
    text.replace(chatBold, QStringLiteral("**\\1**"));
    text.replace(chatBullet, QStringLiteral("\\1- "));
    return text;
}

QString escapeSlackText(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('&'), QStringLiteral("&amp;"));
    escaped.replace(QLatin1Char('<'), QStringLiteral("&lt;"));
    escaped.replace(QLatin1Char('>'), QStringLiteral("&gt;"));
    return escaped;
}

namespace {

// Slack's inline markup; each conversion below replaces the markers with its own form.
struct InlineMarkup
{
    QRegularExpression bold{QStringLiteral("(^|[\\s(])\\*([^*\\n]+)\\*")};
    QRegularExpression italic{QStringLiteral("(^|[\\s(])_([^_\\n]+)_")};
    QRegularExpression code{QStringLiteral("`([^`\\n]+)`")};
};

const InlineMarkup &inlineMarkup()
{
    static const InlineMarkup markup;
    return markup;
}

} // namespace

QString toPlainText(const QString &draft)
{
    QString text = toSlackMrkdwn(draft);
    static const QRegularExpression slackLink(QStringLiteral("<(https?://[^|>]+)\\|([^>]+)>"));
    text.replace(inlineMarkup().bold, QStringLiteral("\\1\\2"));
    text.replace(inlineMarkup().italic, QStringLiteral("\\1\\2"));
    text.replace(inlineMarkup().code, QStringLiteral("\\1"));
    text.replace(slackLink, QStringLiteral("\\2 (\\1)"));
    return text;
}

QString toPreviewHtml(const QString &mrkdwn)
{
    QString html = mrkdwn.toHtmlEscaped();
    html.replace(inlineMarkup().bold, QStringLiteral("\\1<b>\\2</b>"));
    html.replace(inlineMarkup().italic, QStringLiteral("\\1<i>\\2</i>"));
    html.replace(inlineMarkup().code, QStringLiteral("<code>\\1</code>"));
    html.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return html;
}

} // namespace ic::comms

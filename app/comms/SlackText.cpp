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

QString toPlainText(const QString &draft)
{
    QString text = toSlackMrkdwn(draft);
    static const QRegularExpression bold(QStringLiteral("(^|[\\s(])\\*([^*\\n]+)\\*"));
    static const QRegularExpression italic(QStringLiteral("(^|[\\s(])_([^_\\n]+)_"));
    static const QRegularExpression code(QStringLiteral("`([^`\\n]+)`"));
    static const QRegularExpression slackLink(QStringLiteral("<(https?://[^|>]+)\\|([^>]+)>"));
    text.replace(bold, QStringLiteral("\\1\\2"));
    text.replace(italic, QStringLiteral("\\1\\2"));
    text.replace(code, QStringLiteral("\\1"));
    text.replace(slackLink, QStringLiteral("\\2 (\\1)"));
    return text;
}

} // namespace ic::comms

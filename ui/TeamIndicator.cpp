#include "TeamIndicator.h"

namespace ic::ui {
namespace {

// Names in the line before "and N more": a header row, not a roster.
constexpr int namesShown = 3;

QString changes(int count)
{
    return count == 1 ? TeamIndicator::tr("1 change") : TeamIndicator::tr("%1 changes").arg(count);
}

} // namespace

TeamIndicator::TeamIndicator(QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("teamStatus"));
    setTextFormat(Qt::PlainText);
    setVisible(false);
}

void TeamIndicator::setRoleOf(RoleOf roleOf)
{
    m_roleOf = std::move(roleOf);
}

void TeamIndicator::refresh()
{
    show(m_last);
}

QString TeamIndicator::describe(const team::TeamStatus &status, const RoleOf &roleOf)
{
    if (!status.joined)
        return {};
    if (!status.online) {
        QString text = tr("Team: offline — %1 waiting").arg(changes(status.waiting));
        if (status.retryInSeconds > 0)
            text += tr(" · retrying in %1 s").arg(status.retryInSeconds);
        return text;
    }
    QString text = tr("Team: online");
    if (!status.present.isEmpty()) {
        QStringList shown;
        for (const QString &person : status.present.mid(0, namesShown)) {
            const QString role = roleOf ? roleOf(person) : QString();
            shown << (role.isEmpty() ? person : tr("%1 (%2)").arg(person, role));
        }
        text += QStringLiteral(" · ") + shown.join(QStringLiteral(" · "));
        if (status.present.size() > namesShown)
            text += tr(" · %1 more").arg(status.present.size() - namesShown);
    }
    if (status.waiting > 0)
        text += tr(" · sending %1").arg(changes(status.waiting));
    return text;
}

void TeamIndicator::show(const team::TeamStatus &status)
{
    m_last = status;
    setText(describe(status, m_roleOf));
    setToolTip(status.joined ? tr("Team server %1%2")
                                   .arg(status.server, status.problem.isEmpty()
                                                           ? QString()
                                                           : QStringLiteral("\n") + status.problem)
                             : QString());
    setVisible(status.joined);
}

} // namespace ic::ui

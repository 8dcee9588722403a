#include "AlertRunbook.h"

#include <QFileInfo>
#include <QUrl>

namespace ic::alerts {
namespace {

constexpr qsizetype longestCompared = 64;

// Edit distance, for naming the closest runbook of a dead link.
int distance(const QString &a, const QString &b)
{
    const QString x = a.left(longestCompared);
    const QString y = b.left(longestCompared);
    std::vector<int> row(std::size_t(y.size()) + 1);
    for (std::size_t j = 0; j < row.size(); ++j)
        row[j] = int(j);
    for (qsizetype i = 1; i <= x.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= y.size(); ++j) {
            const int above = row[std::size_t(j)];
            row[std::size_t(j)] = std::min({above + 1, row[std::size_t(j - 1)] + 1,
                                            diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row.back();
}

QString fileKeyOf(const runbooks::RunbookRecord &record)
{
    const QFileInfo file(record.relPath.isEmpty() ? record.path : record.relPath);
    // A folder's _index.md or README.md is named after its folder.
    if (record.isSection)
        return QFileInfo(file.path()).fileName();
    return file.completeBaseName();
}

} // namespace

QString runbookKey(const QString &name)
{
    QString key;
    key.reserve(name.size());
    for (const QChar c : name) {
        if (c.isLetterOrNumber())
            key += c.toLower();
    }
    return key;
}

QStringList runbookUrlNames(const QString &url)
{
    const QUrl parsed(url.trimmed());
    QStringList names;
    QString fragment = parsed.fragment(QUrl::FullyDecoded);
    if (fragment.startsWith(QLatin1String("alert-name-")))
        fragment = fragment.mid(11);
    if (!fragment.isEmpty())
        names << fragment;
    const QStringList segments =
        parsed.path(QUrl::FullyDecoded).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (!segments.isEmpty()) {
        QString last = segments.last();
        for (const char *extension : {".md", ".html", ".htm", ".markdown"}) {
            if (last.endsWith(QLatin1String(extension), Qt::CaseInsensitive)) {
                last.chop(qsizetype(qstrlen(extension)));
                break;
            }
        }
        if (!last.isEmpty())
            names << last;
    }
    return names;
}

RunbookResolver::RunbookResolver(std::vector<runbooks::RunbookRecord> records)
    : m_records(std::move(records))
{
    // Earlier kinds of name win: a file called KubePodCrashLooping.md over a runbook that
    // only lists the alert among its aliases.
    auto add = [this](const QString &name, std::size_t index) {
        const QString key = runbookKey(name);
        if (key.isEmpty())
            return;
        m_keys.emplace_back(key, index);
        if (!m_byKey.contains(key))
            m_byKey.insert(key, index);
    };
    for (std::size_t i = 0; i < m_records.size(); ++i)
        add(fileKeyOf(m_records[i]), i);
    for (std::size_t i = 0; i < m_records.size(); ++i) {
        add(m_records[i].id, i);
        add(m_records[i].id.section(QLatin1Char('/'), -1), i);
    }
    for (std::size_t i = 0; i < m_records.size(); ++i)
        add(m_records[i].meta.title, i);
    for (std::size_t i = 0; i < m_records.size(); ++i) {
        for (const QString &alias : m_records[i].meta.aliases)
            add(alias, i);
    }
}

std::optional<runbooks::RunbookRecord> RunbookResolver::lookup(const QString &name) const
{
    const auto it = m_byKey.constFind(runbookKey(name));
    if (it == m_byKey.constEnd())
        return std::nullopt;
    return m_records[*it];
}

QString RunbookResolver::closest(const QString &name) const
{
    const QString key = runbookKey(name);
    if (const auto cached = m_closest.constFind(key); cached != m_closest.constEnd())
        return *cached;
    int best = std::numeric_limits<int>::max();
    std::optional<std::size_t> bestIndex;
    for (const auto &[candidate, index] : m_keys) {
        // The length difference alone already loses.
        if (std::abs(candidate.size() - key.size()) >= best)
            continue;
        const int d = distance(key, candidate);
        if (d < best) {
            best = d;
            bestIndex = index;
        }
    }
    QString text = QStringLiteral("none");
    if (bestIndex) {
        const runbooks::RunbookRecord &record = m_records[*bestIndex];
        text = QStringLiteral("%1 (%2)").arg(record.meta.title, record.id);
    }
    if (m_closest.size() < 4096)
        m_closest.insert(key, text);
    return text;
}

RunbookMatch RunbookResolver::resolve(const Alert &alert) const
{
    RunbookMatch match;
    const QString url = alert.runbookUrl();
    const QStringList names = runbookUrlNames(url);
    for (const QString &name : names) {
        if ((match.runbook = lookup(name))) {
            match.matchedBy = QStringLiteral("runbook_url");
            return match;
        }
    }
    if ((match.runbook = lookup(alert.alertname()))) {
        match.matchedBy = QStringLiteral("alertname");
        return match;
    }
    if (!url.trimmed().isEmpty())
        match.problem = QStringLiteral("runbook_url points to %1 — no local runbook; closest: %2")
                            .arg(url.trimmed(),
                                 closest(names.isEmpty() ? alert.alertname() : names.constLast()));
    return match;
}

} // namespace ic::alerts

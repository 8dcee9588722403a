#pragma once

// The generated runbook corpus the benchmarks share: files of about 6 KB with front matter,
// sections, a table, task items and code blocks, words drawn from a small vocabulary (so
// common words match nearly every file: the worst case for ranking), 50 team folders.

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

namespace ic::bench {

inline const QStringList vocabulary =
    QStringLiteral(
        "database replica primary latency timeout connection pool redis cache memory leak disk "
        "volume inode network dns resolver certificate expiry deploy rollback container restart "
        "pipeline batch model drift quota rate limit cost budget security breach failover region "
        "queue consumer lag error budget alert page escalate mitigate customer impact status "
        "kubernetes node pod service ingress gateway proxy load balancer health probe metric")
        .split(QLatin1Char(' '));

inline QString words(QRandomGenerator &random, int count)
{
    QStringList out;
    for (int i = 0; i < count; ++i)
        out << vocabulary.at(int(random.bounded(vocabulary.size())));
    return out.join(QLatin1Char(' '));
}

// About 6 KB: front matter, sections, a table, task items and two code blocks.
inline QByteArray runbook(QRandomGenerator &random, int index)
{
    QString text = QStringLiteral("---\ntitle: %1 runbook %2\ndescription: %3\ntags: [%4, %5]\n"
                                  "severity: SEV%6\nowner: team-%7\naliases: [Alert%8Firing]\n"
                                  "---\n\n# %1 runbook %2\n\n")
                       .arg(words(random, 3))
                       .arg(index)
                       .arg(words(random, 12), vocabulary.at(index % vocabulary.size()),
                            vocabulary.at((index / 7) % vocabulary.size()))
                       .arg(1 + index % 4)
                       .arg(index % 20)
                       .arg(index);
    for (const char *section :
         {"Summary", "Symptoms", "Investigation", "Resolution", "Prevention", "Escalation"}) {
        text += QStringLiteral("## %1\n\n%2.\n\n%3.\n\n")
                    .arg(QLatin1String(section), words(random, 60), words(random, 50));
        text += QStringLiteral("- [ ] %1\n- [ ] %2\n\n").arg(words(random, 8), words(random, 8));
    }
    text += QStringLiteral("| Check | Command |\n|---|---|\n| %1 | `curl -s http://svc-%2/health` "
                           "|\n\n```bash\nkubectl get pods -n ns-%2\npg_isready -h db-%2\n```\n")
                .arg(words(random, 3))
                .arg(index);
    return text.toUtf8();
}

// count runbooks in folder/team-N/runbook-I.md, the same for the same count every time.
inline bool writeCorpus(const QString &folder, int count)
{
    QRandomGenerator random(42);
    for (int i = 0; i < count; ++i) {
        const QString team = QStringLiteral("%1/team-%2").arg(folder).arg(i % 50);
        QDir().mkpath(team);
        QFile file(QStringLiteral("%1/runbook-%2.md").arg(team).arg(i));
        if (!file.open(QIODevice::WriteOnly) || file.write(runbook(random, i)) < 0)
            return false;
    }
    return true;
}

} // namespace ic::bench

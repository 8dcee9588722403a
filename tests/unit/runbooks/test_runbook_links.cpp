#include "TestSupport.h"
#include "runbooks/RunbookLinks.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace ic::runbooks;
using Kind = LinkTarget::Kind;

class TestRunbookLinks : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString from() const { return m_dir.filePath(QStringLiteral("db/pool.md")); }

private Q_SLOTS:
    void initTestCase()
    {
        QDir(m_dir.path()).mkpath(QStringLiteral("db"));
        QDir(m_dir.path()).mkpath(QStringLiteral("cache"));
        QDir(m_dir.path()).mkpath(QStringLiteral("img"));
        for (const char *name : {"db/pool.md", "db/lag.md", "service-down.md", "cache/_index.md",
                                 "img/graph.png", "notes.txt"})
            QVERIFY(ic::test::writeFile(m_dir.filePath(QLatin1String(name)), "x"));
    }

    void relativeMarkdownLinkOpensARunbook()
    {
        const auto target = resolveLink(QUrl(QStringLiteral("lag.md#check")), from());
        QCOMPARE(target.kind, Kind::Runbook);
        QCOMPARE(target.path, m_dir.filePath(QStringLiteral("db/lag.md")));
        QCOMPARE(target.anchor, QStringLiteral("check"));
    }

    void hugoStyleLinksFindTheFile()
    {
        QCOMPARE(resolveLink(QUrl(QStringLiteral("../service-down/")), from()).path,
                 m_dir.filePath(QStringLiteral("service-down.md")));
        const auto withoutExtension = resolveLink(QUrl(QStringLiteral("../service-down")), from());
        QCOMPARE(withoutExtension.kind, Kind::Runbook);
        QCOMPARE(withoutExtension.path, m_dir.filePath(QStringLiteral("service-down.md")));
        const auto folder = resolveLink(QUrl(QStringLiteral("../cache/")), from());
        QCOMPARE(folder.kind, Kind::Runbook);
        QCOMPARE(folder.path, m_dir.filePath(QStringLiteral("cache/_index.md")));
    }

    void anchorsCopyAndExternal()
    {
        QCOMPARE(resolveLink(QUrl(QStringLiteral("#steps")), from()).kind, Kind::Anchor);
        const auto copy = resolveLink(QUrl(QStringLiteral("copy:2")), from());
        QCOMPARE(copy.kind, Kind::CopyCode);
        QCOMPARE(copy.codeBlock, 2);
        QCOMPARE(resolveLink(QUrl(QStringLiteral("https://example.com/a")), from()).kind,
                 Kind::External);
        QCOMPARE(resolveLink(QUrl(QStringLiteral("javascript:alert(1)")), from()).kind,
                 Kind::Blocked);
        QCOMPARE(resolveLink(QUrl(QStringLiteral("../notes.txt")), from()).kind, Kind::Blocked);
        QCOMPARE(resolveLink(QUrl(QStringLiteral("gone.md")), from()).kind, Kind::Missing);
    }

    void imagesOnlyFromTheRunbookFolder()
    {
        QCOMPARE(resolveImage(QUrl(QStringLiteral("../img/graph.png")), from(), m_dir.path()),
                 QFileInfo(m_dir.filePath(QStringLiteral("img/graph.png"))).canonicalFilePath());
        QVERIFY(
            resolveImage(QUrl(QStringLiteral("https://example.com/x.png")), from(), m_dir.path())
                .isEmpty());
        QVERIFY(
            resolveImage(QUrl(QStringLiteral("/etc/hostname")), from(), m_dir.path()).isEmpty());
        QVERIFY(resolveImage(QUrl(QStringLiteral("../../x.png")), from(), m_dir.path()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRunbookLinks)
#include "test_runbook_links.moc"

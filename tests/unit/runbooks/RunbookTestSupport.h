#pragma once

// Shared by the runbook suites: a scratch database and fixture folders to change freely.

#include "TestSupport.h"
#include "runbooks/RunbookLibrary.h"
#include "storage/Database.h"

#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <memory>

namespace ic::test {

inline std::unique_ptr<Database> openScratchDatabase(const QTemporaryDir &dir)
{
    DatabaseOpenResult result;
    auto database = Database::open(dir.filePath(QStringLiteral("console.db")), &result);
    if (!database)
        qWarning("%s", qPrintable(result.message));
    return database;
}

// Copies a fixture tree (tests/unit/runbooks/fixtures/<name>) to target.
inline bool copyFixture(const QString &name, const QString &target)
{
    const QString source = QStringLiteral(RUNBOOK_FIXTURES "/") + name;
    QDirIterator it(source, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString copy = QDir(target).filePath(QDir(source).relativeFilePath(file));
        QDir().mkpath(QFileInfo(copy).path());
        if (!QFile::copy(file, copy))
            return false;
    }
    return true;
}

inline bool setModified(const QString &path, const QDateTime &time)
{
    QFile file(path);
    return file.open(QIODevice::ReadWrite) &&
           file.setFileTime(time, QFileDevice::FileModificationTime);
}

inline const runbooks::RunbookProblem *problemFor(const runbooks::ScanReport &report,
                                                  const QString &fileName)
{
    const auto it = std::find_if(report.problems.begin(), report.problems.end(),
                                 [&](const auto &p) { return p.path.endsWith(fileName); });
    return it == report.problems.end() ? nullptr : &*it;
}

inline QStringList hitIds(const std::vector<runbooks::SearchHit> &hits)
{
    QStringList ids;
    for (const auto &hit : hits)
        ids << hit.id;
    return ids;
}

} // namespace ic::test

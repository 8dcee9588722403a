// Start-to-first-paint of incident-console against a bare QMainWindow, interleaved so both
// see the same machine load; medians of wall time and of the in-process figure.
#include "BenchSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

namespace {

struct Sample
{
    double wallMs = 0;
    double reportedMs = 0;
};

Sample runOnce(const QString &program, const QStringList &args)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!env.contains(QStringLiteral("DISPLAY")))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    QElapsedTimer timer;
    timer.start();
    process.start(program, args);
    process.waitForFinished(30000);
    Sample sample;
    sample.wallMs = double(timer.nsecsElapsed()) / 1e6;
    sample.reportedMs = QString::fromUtf8(process.readAllStandardOutput()).trimmed().toDouble();
    return sample;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QDir here(QCoreApplication::applicationDirPath());
    const QString console = here.filePath(QStringLiteral("../../incident-console"));
    const QString bare = here.filePath(QStringLiteral("bare_window"));
    QTemporaryDir dataDir;
    const QStringList consoleArgs{QStringLiteral("--data-dir"), dataDir.path(),
                                  QStringLiteral("--exit-after-first-paint")};
    runOnce(console, consoleArgs); // first run creates the database; not a cold start figure
    constexpr int rounds = 15;
    std::vector<double> consoleWall, bareWall, consoleReported, bareReported, textReported;
    for (int i = 0; i < rounds; ++i) {
        const Sample c = runOnce(console, consoleArgs);
        const Sample b = runOnce(bare, {});
        const Sample t = runOnce(bare, {QStringLiteral("--with-text")});
        consoleWall.push_back(c.wallMs);
        consoleReported.push_back(c.reportedMs);
        bareWall.push_back(b.wallMs);
        bareReported.push_back(b.reportedMs);
        textReported.push_back(t.reportedMs);
    }
    using ic::bench::median;
    ic::bench::report(QStringLiteral("startup_first_paint"), median(consoleReported),
                      QStringLiteral("ms"), median(bareReported));
    ic::bench::report(QStringLiteral("startup_first_paint_vs_window_with_text"),
                      median(consoleReported), QStringLiteral("ms"), median(textReported));
    ic::bench::report(QStringLiteral("startup_wall_to_exit"), median(consoleWall),
                      QStringLiteral("ms"), median(bareWall));
    return 0;
}

// Search as fast as the keyboard: queries typed key by key into the search field of the real
// runbook panel (offscreen), 10,000 runbooks indexed (BENCH_RUNBOOKS=N), one key every 80 ms
// (BENCH_KEY_MS), a fast typist, with backspaces between queries as people correct them.
//
// Figures: keystroke -> its results on show, p50 and p95, against the same searches in
// process (RunbookLibrary::search on a connection of its own, as the panel's worker runs
// them); the event loop's stall p99 while typing (a 1 ms timer) against one frame, 16 ms;
// results shown for a text older than results already on show (must be 0).
#include "BenchCorpus.h"
#include "BenchSupport.h"
#include "runbooks/RunbookLibrary.h"
#include "storage/Database.h"
#include "ui/runbooks/RunbookPanel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QKeyEvent>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTimer>

using namespace ic;

namespace {

struct Keystroke
{
    int key = 0;
    QString text; // what the key types; empty for Backspace
};

// Each query typed, then taken back to its first word with Backspace, as a correction.
std::vector<Keystroke> script(const QStringList &queries)
{
    std::vector<Keystroke> keys;
    for (const QString &query : queries) {
        for (const QChar c : query)
            keys.push_back(
                {c.isLetterOrNumber() ? int(c.toUpper().unicode()) : int(c.unicode()), QString(c)});
        const qsizetype firstWord = std::max<qsizetype>(1, query.indexOf(QLatin1Char(' ')));
        for (qsizetype i = query.size(); i > firstWord; --i)
            keys.push_back({Qt::Key_Backspace, QString()});
        for (qsizetype i = firstWord; i > 0; --i)
            keys.push_back({Qt::Key_Backspace, QString()});
    }
    return keys;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int count = qEnvironmentVariableIsSet("BENCH_RUNBOOKS")
                          ? qEnvironmentVariableIntValue("BENCH_RUNBOOKS")
                          : 10000;
    const int keyMs = qEnvironmentVariableIsSet("BENCH_KEY_MS")
                          ? qEnvironmentVariableIntValue("BENCH_KEY_MS")
                          : 80;
    QTemporaryDir dir;
    const QString corpus = dir.filePath(QStringLiteral("corpus"));
    if (!bench::writeCorpus(corpus, count))
        return 1;
    DatabaseOpenResult opened;
    auto database = Database::open(dir.filePath(QStringLiteral("console.db")), &opened);
    if (!database)
        qFatal("%s", qPrintable(opened.message));
    runbooks::RunbookLibrary(database->connection()).sync({corpus});

    auto *panel = new ui::RunbookPanel(database->path(), {corpus});
    panel->resize(1280, 800);
    {
        QEventLoop ready;
        QObject::connect(panel, &ui::RunbookPanel::indexReady, &ready, &QEventLoop::quit);
        QTimer::singleShot(300000, &ready, &QEventLoop::quit);
        panel->show();
        ready.exec();
    }
    auto *field = panel->findChild<QLineEdit *>(QStringLiteral("runbookSearch"));
    field->setFocus();

    const QStringList queries{
        QStringLiteral("replica lag"),        QStringLiteral("memory leak node"),
        QStringLiteral("pg_isready"),         QStringLiteral("kubectl get pods"),
        QStringLiteral("certificate expiry"), QStringLiteral("AlertFiring"),
        QStringLiteral("customer impact"),    QStringLiteral("databse failover"),
        QStringLiteral("redis cache"),        QStringLiteral("ingress gateway proxy")};
    const std::vector<Keystroke> keys = script(queries);

    QElapsedTimer clock;
    clock.start();
    // The field's text after each keystroke and when it was typed.
    std::vector<std::pair<double, QString>> typed;
    std::vector<double> latencies;
    int answered = -1; // the last keystroke whose results (or a later one's) are on show
    int staleShown = 0;
    QObject::connect(panel, &ui::RunbookPanel::resultsShown, panel, [&](const QString &text) {
        const double now = double(clock.nsecsElapsed()) / 1e6;
        int newest = -1;
        for (int k = int(typed.size()) - 1; k >= 0 && newest < 0; --k) {
            if (typed[std::size_t(k)].second == text)
                newest = k;
        }
        if (newest < answered) {
            ++staleShown;
            return;
        }
        for (int k = answered + 1; k <= newest; ++k) {
            if (!typed[std::size_t(k)].second.trimmed().isEmpty())
                latencies.push_back(now - typed[std::size_t(k)].first);
        }
        answered = newest;
    });
    // A blank field lists every runbook instead: shown when the list is.
    QObject::connect(panel, &ui::RunbookPanel::indexReady, panel, [&] {
        for (int k = int(typed.size()) - 1; k > answered; --k) {
            if (typed[std::size_t(k)].second.trimmed().isEmpty()) {
                answered = k;
                break;
            }
        }
    });

    std::vector<double> stalls;
    QElapsedTimer sinceBeat;
    QTimer beat;
    beat.setTimerType(Qt::PreciseTimer);
    beat.setInterval(1);
    QObject::connect(&beat, &QTimer::timeout, [&] {
        stalls.push_back(std::max(0.0, double(sinceBeat.nsecsElapsed()) / 1e6 - 1.0));
        sinceBeat.restart();
    });

    std::size_t next = 0;
    QTimer typist;
    typist.setTimerType(Qt::PreciseTimer);
    typist.setInterval(keyMs);
    QObject::connect(&typist, &QTimer::timeout, [&] {
        if (next == keys.size()) {
            typist.stop();
            // Time for the last answer, then done.
            QTimer::singleShot(2000, &app, &QCoreApplication::quit);
            return;
        }
        const Keystroke &key = keys[next++];
        QKeyEvent press(QEvent::KeyPress, key.key, Qt::NoModifier, key.text);
        QKeyEvent release(QEvent::KeyRelease, key.key, Qt::NoModifier, key.text);
        typed.emplace_back(double(clock.nsecsElapsed()) / 1e6, QString());
        QCoreApplication::sendEvent(field, &press);
        QCoreApplication::sendEvent(field, &release);
        typed.back().second = field->text();
    });
    sinceBeat.start();
    beat.start();
    typist.start();
    app.exec();
    beat.stop();

    // The same searches in process, on a connection of their own, as the worker runs them.
    QStringList texts;
    for (const auto &[at, text] : typed) {
        if (!text.trimmed().isEmpty())
            texts << text;
    }
    std::vector<double> searches;
    {
        QString error;
        auto own = Database::openAdditional(database->path(), &error);
        runbooks::RunbookLibrary library(own->connection());
        QElapsedTimer timer;
        for (const QString &text : texts) {
            timer.restart();
            library.search(text, 50);
            searches.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
    }
    if (qsizetype(latencies.size()) < texts.size())
        QTextStream(stderr) << texts.size() - qsizetype(latencies.size())
                            << " keystrokes never saw their results" << Qt::endl;
    bench::report(QStringLiteral("typing_keystroke_to_results_p50"), bench::median(latencies),
                  QStringLiteral("ms"), bench::median(searches));
    bench::report(QStringLiteral("typing_keystroke_to_results_p95"),
                  bench::percentile(latencies, 95), QStringLiteral("ms"),
                  bench::percentile(searches, 95));
    bench::report(QStringLiteral("typing_event_loop_stall_p99"), bench::percentile(stalls, 99),
                  QStringLiteral("ms"), 16);
    bench::report(QStringLiteral("typing_event_loop_stall_max"),
                  stalls.empty() ? 0 : *std::max_element(stalls.begin(), stalls.end()),
                  QStringLiteral("ms"), 16);
    bench::report(QStringLiteral("typing_stale_results_shown"), staleShown, QStringLiteral("count"),
                  0);
    delete panel;
    return 0;
}

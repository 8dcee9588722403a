#include "core/AsyncTask.h"

#include <QSemaphore>
#include <QtTest>
#include <stdexcept>

using namespace ic;

class TestAsyncTask : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resultArrivesOnTheContextThread()
    {
        QObject context;
        QThread *workThread = nullptr;
        QThread *doneThread = nullptr;
        std::optional<Result<int>> outcome;
        runAsync(
            &context,
            [&workThread] {
                workThread = QThread::currentThread();
                return 42;
            },
            [&](Result<int> result) {
                doneThread = QThread::currentThread();
                outcome = std::move(result);
            });
        QTRY_VERIFY(outcome.has_value());
        QVERIFY(outcome->ok());
        QCOMPARE(outcome->value(), 42);
        QCOMPARE(doneThread, QThread::currentThread());
        QVERIFY(workThread != QThread::currentThread());
    }

    void resultIsDroppedWhenTheContextIsGoneFirst()
    {
        QThreadPool pool;
        QSemaphore release;
        bool delivered = false;
        auto *context = new QObject;
        runAsync(
            context,
            [&release] {
                release.acquire();
                return QStringLiteral("late");
            },
            [&delivered](const Result<QString> &) { delivered = true; }, &pool);
        delete context;
        release.release();
        QVERIFY(pool.waitForDone(5000));
        // Anything the finished work posted has had its chance to arrive.
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        QVERIFY(!delivered);
    }

    void anExceptionArrivesAsAnError()
    {
        QObject context;
        std::optional<Result<int>> outcome;
        runAsync(
            &context, []() -> int { throw std::runtime_error("disk unplugged"); },
            [&outcome](Result<int> result) { outcome = std::move(result); });
        QTRY_VERIFY(outcome.has_value());
        QVERIFY(!outcome->ok());
        QCOMPARE(outcome->error(), QStringLiteral("disk unplugged"));
    }

    void aResultFromTheWorkKeepsItsOwnError()
    {
        QObject context;
        std::optional<Result<QString>> outcome;
        runAsync(
            &context, []() -> Result<QString> { return failure(QStringLiteral("no space left")); },
            [&outcome](Result<QString> result) { outcome = std::move(result); });
        QTRY_VERIFY(outcome.has_value());
        QCOMPARE(outcome->error(), QStringLiteral("no space left"));
    }
};

QTEST_GUILESS_MAIN(TestAsyncTask)
#include "test_async_task.moc"

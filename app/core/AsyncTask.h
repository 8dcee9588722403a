#pragma once

#include "core/Result.h"

#include <QFutureWatcher>
#include <QObject>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <exception>
#include <type_traits>
#include <utility>

namespace ic {

namespace async_detail {

// Work that already answers with a Result keeps it; any other value is wrapped in one.
template <typename T> struct Outcome
{
    using type = Result<T>;
};
template <typename T> struct Outcome<Result<T>>
{
    using type = Result<T>;
};

// The words of an exception that escaped the work (QtConcurrent wraps it on the way back).
QString describeFailure(std::exception_ptr thrown);

} // namespace async_detail

// The one way the console runs work off the UI thread. work() runs on pool; onDone then gets
// its outcome as a Result on context's thread: the value, or an Error saying why there is
// none (an exception escaped the work, or it was cancelled). When context is
// destroyed first, the outcome is dropped and onDone never runs, so onDone may use context
// freely. Call it on context's thread.
//
// Not QFuture::then(context, …): in Qt 6.4 that asserts the context is still alive when the
// work ends, and the result is lost on a dangling pointer when it is not. A QFutureWatcher
// owned by context ends with it, and Qt stops delivering to it under the future's lock.
template <typename Work, typename OnDone>
void runAsync(QObject *context, Work work, OnDone onDone,
              QThreadPool *pool = QThreadPool::globalInstance())
{
    using Value = std::invoke_result_t<Work>;
    using Delivered = typename async_detail::Outcome<Value>::type;
    static_assert(!std::is_void_v<Value>, "work must return what it found, even just a bool");
    Q_ASSERT(context && context->thread() == QThread::currentThread());

    auto *watcher = new QFutureWatcher<Value>(context);
    QObject::connect(
        watcher, &QFutureWatcherBase::finished, context,
        [watcher, onDone = std::move(onDone)]() mutable {
            watcher->deleteLater();
            QFuture<Value> future = watcher->future();
            try {
                // Rethrows what the work threw.
                future.waitForFinished();
            } catch (...) {
                onDone(Delivered(failure(async_detail::describeFailure(std::current_exception()))));
                return;
            }
            if (future.resultCount() == 0) {
                onDone(Delivered(failure(QStringLiteral("the work was cancelled"))));
                return;
            }
            onDone(Delivered(future.result()));
        });
    watcher->setFuture(QtConcurrent::run(pool, std::move(work)));
}

} // namespace ic

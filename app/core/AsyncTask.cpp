#include "AsyncTask.h"

#include <QException>

namespace ic::async_detail {

QString describeFailure(std::exception_ptr thrown)
{
    try {
        std::rethrow_exception(thrown);
    } catch (const QUnhandledException &wrapped) {
        // Whatever was not a QException arrives wrapped; its own words are inside.
        if (wrapped.exception())
            return describeFailure(wrapped.exception());
        return QStringLiteral("the work failed with an unknown exception");
    } catch (const std::exception &error) {
        return QString::fromLocal8Bit(error.what());
    } catch (...) {
        return QStringLiteral("the work failed with an unknown exception");
    }
}

} // namespace ic::async_detail

#include "CountText.h"

#include <QLocale>

namespace ic {

QString countText(qint64 count)
{
    // QLocale::c() omits the group separator unless told otherwise.
    QLocale locale = QLocale::c();
    locale.setNumberOptions(QLocale::DefaultNumberOptions);
    return locale.toString(count);
}

} // namespace ic

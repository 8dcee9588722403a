#include "ConfigProblem.h"

namespace ic {

QString ConfigProblem::toString() const
{
    QString text =
        line > 0 ? QStringLiteral("%1:%2: ").arg(file).arg(line) : QStringLiteral("%1: ").arg(file);
    if (!field.isEmpty())
        text += field + QStringLiteral(": ");
    return text + message;
}

} // namespace ic

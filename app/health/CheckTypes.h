#pragma once

#include "CheckType.h"

namespace ic::health {

// Each registered type's definition, from its own file under types/.
#define IC_CHECK_TYPE(Name) CheckType make##Name();
#include "types/CheckTypeList.h"
#undef IC_CHECK_TYPE

// The registry of check types (types/CheckTypeList.h), looked up by their health.yaml name.
const QList<CheckType> &checkTypes();
// Null for a name that is no check type.
const CheckType *findCheckType(const QString &name);
// Sorted, for messages: "command, dns, http, …".
QStringList checkTypeNames();

// Empty when every placeholder of condition is one check's type can resolve for check;
// otherwise which one is not and what the type offers instead.
QString unresolvablePlaceholder(const CheckDefinition &check, const QString &condition);

} // namespace ic::health

#pragma once

#include "CheckDefinition.h"

#include <optional>

namespace ic::health {

// The password a check logs in with, read at each run so a rotated secret is picked up: from
// the environment variable named by password_env, the first line of password_file, or (redis
// only, for configs that already have one) the inline password. Empty when the check uses
// none; nullopt with *problem set when the named source cannot be read.
std::optional<QString> checkPassword(const CheckDefinition &check, QString *problem);

} // namespace ic::health

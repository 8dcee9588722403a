#pragma once

#include "TargetFields.h"

namespace ic::health {

// user, password_env, password_file (and, where inline is allowed, password) of a check that
// logs in, as CheckPassword.h reads them at each run: at most one password source, never one
// of the console's own secrets. requireUser: a password is only used to log in as a user.
bool readLogin(TargetFields &fields, CheckDefinition *check, bool requireUser);

} // namespace ic::health

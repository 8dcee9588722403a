#pragma once

#include "PgConnection.h"
#include "core/Result.h"

namespace ic::team {

// The team server's schema, numbered and applied like the local one: each step in one
// transaction with its row in ic_schema, under an advisory lock so two consoles making
// first contact at once apply it once. A server whose schema is newer than this console
// knows is refused, with both versions named.
int latestServerSchemaVersion();
Result<void> migrateServer(PgConnection &server);

} // namespace ic::team

#pragma once

#include <vector>

namespace ic {

// One numbered schema step. Its statements run in a single transaction together with
// PRAGMA user_version = version, so a step is either fully applied or not at all.
struct Migration
{
    int version;
    const char *name;
    std::vector<const char *> statements;
};

// Every migration, ascending by version. Append new steps; never edit a released one.
const std::vector<Migration> &schemaMigrations();

int latestSchemaVersion();

} // namespace ic

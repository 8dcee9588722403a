#pragma once

#include "core/Result.h"

#include <QString>
#include <yaml-cpp/yaml.h>

namespace ic::runbooks {

// Hugo's TOML front matter (between "+++" lines) read whole by toml++: nested tables such as
// [params], arrays of tables, dates and times, numbers and booleans. Given back as the YAML
// tree the same front matter would be in YAML, so one set of field rules reads both; dates
// become "2026-01-31" (with the time when there is one). A syntax error names its line,
// counted from firstLine, the file line the TOML starts on.
Result<YAML::Node> tomlAsYaml(const QString &toml, int firstLine);

} // namespace ic::runbooks

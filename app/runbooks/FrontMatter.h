#pragma once

#include "RunbookTypes.h"

#include <QString>

namespace ic::runbooks {

struct FrontMatterResult
{
    RunbookMeta meta;
    QString body;     // the Markdown after the front matter
    int bodyLine = 1; // 1-based line of the file where body starts
    QString error;    // broken front matter: names the line and field; meta is then partial
};

// Splits an optional front matter block off a runbook: YAML between "---" lines (Jekyll,
// Hugo, MkDocs) or Hugo's TOML between "+++" lines (read whole, TomlFrontMatter.h). Known
// fields may also sit under Hugo's `params`. A file without one is all body.
FrontMatterResult parseFrontMatter(const QString &text);

} // namespace ic::runbooks

#include "RunbooksCommand.h"

#include "core/Settings.h"
#include "runbooks/FrontMatter.h"
#include "runbooks/MarkdownRenderer.h"
#include "runbooks/RunbookFile.h"
#include "runbooks/RunbookLibrary.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ic::cli {
namespace {

using runbooks::RunbookLibrary;

void printJson(Context &context, const QJsonValue &value)
{
    const QJsonDocument document =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    context.json() << QString::fromUtf8(document.toJson(QJsonDocument::Indented));
    context.json().flush();
}

QString reviewedDate(const runbooks::RunbookRecord &record)
{
    return record.meta.lastReviewed.toString(Qt::ISODate);
}

int listRunbooks(Context &context, const RunbookLibrary &library, bool json)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QJsonArray array;
    for (const auto &record : library.list()) {
        const bool stale = record.isStale(now);
        if (json) {
            array.append(QJsonObject{
                {QStringLiteral("id"), record.id},
                {QStringLiteral("path"), record.path},
                {QStringLiteral("title"), record.meta.title},
                {QStringLiteral("description"), record.meta.description},
                {QStringLiteral("tags"), QJsonArray::fromStringList(record.meta.tags)},
                {QStringLiteral("severity"), record.meta.severity},
                {QStringLiteral("owner"), record.meta.owner},
                {QStringLiteral("last_reviewed"), reviewedDate(record)},
                {QStringLiteral("last_reviewed_from"), record.meta.lastReviewed.isValid()
                                                           ? QStringLiteral("front matter")
                                                           : QStringLiteral("file modified")},
                {QStringLiteral("stale"), stale},
                {QStringLiteral("section"), record.isSection},
            });
            continue;
        }
        context.out() << record.id << '\t' << record.meta.title << '\t'
                      << record.meta.tags.join(QLatin1Char(',')) << '\t' << reviewedDate(record)
                      << (stale ? QStringLiteral("\tSTALE") : QString()) << '\n';
    }
    if (json)
        printJson(context, array);
    context.out().flush();
    return Success;
}

int searchRunbooks(Context &context, const RunbookLibrary &library, const QString &text, int limit,
                   bool json)
{
    const auto hits = library.search(text, limit);
    if (!library.lastError().isEmpty()) {
        context.err() << "incident-console runbooks search: " << library.lastError() << Qt::endl;
        return DataError;
    }
    QJsonArray array;
    for (const auto &hit : hits) {
        const QString snippet =
            runbooks::markHighlights(hit.snippet, QStringLiteral("**"), QStringLiteral("**"))
                .simplified();
        if (json) {
            array.append(QJsonObject{{QStringLiteral("id"), hit.id},
                                     {QStringLiteral("path"), hit.path},
                                     {QStringLiteral("title"), hit.title},
                                     {QStringLiteral("score"), hit.score},
                                     {QStringLiteral("snippet"), snippet},
                                     {QStringLiteral("fuzzy"), hit.fuzzy}});
            continue;
        }
        context.out() << hit.id << '\t' << hit.title << '\t' << QString::number(hit.score, 'f', 2)
                      << (hit.fuzzy ? QStringLiteral("\t(close match)") : QString()) << '\n';
        if (!snippet.isEmpty())
            context.out() << "    " << snippet << '\n';
    }
    if (json)
        printJson(context, array);
    else if (hits.empty())
        context.err() << "no runbook matches \"" << text << "\"" << Qt::endl;
    context.out().flush();
    return Success;
}

int showRunbook(Context &context, const RunbookLibrary &library, const QString &id, bool html,
                bool json)
{
    const auto record = library.find(id);
    if (!record) {
        context.err() << "incident-console runbooks show: no runbook with id \"" << id << "\"";
        const auto close = library.search(id, 3);
        QStringList ids;
        for (const auto &hit : close)
            ids << hit.id;
        if (!ids.isEmpty())
            context.err() << "; did you mean: " << ids.join(QStringLiteral(", "));
        context.err() << "\n(list them with: incident-console runbooks list)" << Qt::endl;
        return UsageError;
    }
    const runbooks::LoadedFile loaded = runbooks::loadRunbookFile(record->path);
    if (!loaded.skipReason.isEmpty()) {
        context.err() << "incident-console runbooks show: " << record->path << ": "
                      << loaded.skipReason << Qt::endl;
        return DataError;
    }
    const auto renderedHtml = [&loaded] {
        return runbooks::renderMarkdown(runbooks::parseFrontMatter(loaded.text).body).html;
    };
    if (json) {
        QJsonObject shown{{QStringLiteral("id"), record->id},
                          {QStringLiteral("path"), record->path},
                          {QStringLiteral("title"), record->meta.title},
                          {QStringLiteral("markdown"), loaded.text}};
        if (html)
            shown.insert(QStringLiteral("html"), renderedHtml());
        printJson(context, shown);
        return Success;
    }
    if (html)
        context.out() << renderedHtml() << '\n';
    else
        context.out() << loaded.text;
    context.out().flush();
    return Success;
}

void printProblems(Context &context, const std::vector<runbooks::RunbookProblem> &problems,
                   bool json)
{
    if (json) {
        QJsonArray array;
        for (const auto &problem : problems)
            array.append(QJsonObject{{QStringLiteral("path"), problem.path},
                                     {QStringLiteral("reason"), problem.reason},
                                     {QStringLiteral("indexed"), problem.indexed}});
        printJson(context, array);
        return;
    }
    for (const auto &problem : problems)
        context.out() << (problem.indexed ? "warning: " : "not indexed: ") << problem.path << ": "
                      << problem.reason << '\n';
    context.out().flush();
}

// One line on stderr after list, search and show; the problems themselves are for
// `runbooks problems` and `runbooks reindex`.
void hintAtProblems(Context &context, const RunbookLibrary &library)
{
    const int count = library.problemCount();
    if (count > 0)
        context.err() << "incident-console: " << count
                      << (count == 1 ? " runbook file has a problem"
                                     : " runbook files have problems")
                      << "; see: incident-console runbooks problems" << Qt::endl;
}

void printReport(Context &context, const runbooks::ScanReport &report, bool json)
{
    if (json) {
        QJsonArray problems;
        for (const auto &problem : report.problems)
            problems.append(QJsonObject{{QStringLiteral("path"), problem.path},
                                        {QStringLiteral("reason"), problem.reason},
                                        {QStringLiteral("indexed"), problem.indexed}});
        printJson(context,
                  QJsonObject{{QStringLiteral("indexed"), report.indexedTotal()},
                              {QStringLiteral("added"), report.added},
                              {QStringLiteral("updated"), report.updated},
                              {QStringLiteral("unchanged"), report.unchanged + report.touched},
                              {QStringLiteral("removed"), report.removed},
                              {QStringLiteral("problems"), problems}});
        return;
    }
    context.out() << "indexed " << report.indexedTotal() << " runbooks: " << report.added
                  << " new, " << report.updated << " changed, " << report.unchanged + report.touched
                  << " unchanged, " << report.removed << " removed\n";
    printProblems(context, report.problems, false);
}

} // namespace

int runRunbooks(Context &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The runbook index: the bundled runbooks plus every --runbooks folder.\n"
        "  list            every runbook with tags, last review and stale flag\n"
        "  search QUERY    best matches with a snippet\n"
        "  show ID         the runbook's Markdown (--html: rendered)\n"
        "  reindex         read every file again and report those that cannot be indexed\n"
        "  problems        the files the index could not read, or only partly\n"
        "list, search and show trust the index: they look again only into folders whose\n"
        "entries changed (files added, removed, renamed or saved by replacing them). A file\n"
        "rewritten in place is seen by reindex, and by the window."));
    parser.addPositionalArgument(QStringLiteral("action"),
                                 QStringLiteral("list, search, show, reindex or problems"),
                                 QStringLiteral("list|search QUERY|show ID|reindex|problems"));
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    parser.addOption({QStringLiteral("html"), QStringLiteral("show: print rendered HTML.")});
    parser.addOption({QStringLiteral("limit"), QStringLiteral("search: at most N results."),
                      QStringLiteral("N"), QStringLiteral("20")});
    if (const int code =
            parseSubcommandArguments(parser, QStringLiteral("runbooks"), args, context);
        code >= 0)
        return code;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const bool needsArgument = action == QLatin1String("search") || action == QLatin1String("show");
    const bool known = needsArgument || action == QLatin1String("list") ||
                       action == QLatin1String("reindex") || action == QLatin1String("problems");
    if (!known || (needsArgument && positional.size() < 2) ||
        (!needsArgument && positional.size() > 1)) {
        context.err() << "incident-console runbooks: expected list, search QUERY, show ID, "
                         "reindex or problems"
                      << (action.isEmpty() || known ? QString()
                                                    : QStringLiteral(", not \"%1\"").arg(action))
                      << "\nTry: incident-console runbooks --help" << Qt::endl;
        return UsageError;
    }
    bool limitOk = false;
    const int limit = parser.value(QStringLiteral("limit")).toInt(&limitOk);
    if (!limitOk || limit < 1) {
        context.err() << "incident-console runbooks: --limit must be a positive number, not \""
                      << parser.value(QStringLiteral("limit")) << "\"" << Qt::endl;
        return UsageError;
    }
    auto database = context.openDatabase();
    if (!database)
        return DataError;
    RunbookLibrary library(database->connection());
    const QStringList roots =
        runbooks::runbookRoots(context.options().runbookDirs +
                               Settings(context.dataDir().path).get(settings::runbookFolders));
    const bool reindex = action == QLatin1String("reindex");
    const auto report = reindex ? library.sync(roots) : library.refresh(roots);
    if (!report.error.isEmpty()) {
        context.err() << "incident-console runbooks: cannot update the index in "
                      << database->path() << ": " << report.error << Qt::endl;
        return DataError;
    }
    const bool json = parser.isSet(QStringLiteral("json"));
    if (reindex) {
        printReport(context, report, json);
        return Success;
    }
    if (action == QLatin1String("problems")) {
        printProblems(context, library.problems(), json);
        return Success;
    }
    int code = Success;
    const QString argument = positional.mid(1).join(QLatin1Char(' '));
    if (action == QLatin1String("list"))
        code = listRunbooks(context, library, json);
    else if (action == QLatin1String("search"))
        code = searchRunbooks(context, library, argument, limit, json);
    else
        code = showRunbook(context, library, argument, parser.isSet(QStringLiteral("html")), json);
    hintAtProblems(context, library);
    return code;
}

} // namespace ic::cli

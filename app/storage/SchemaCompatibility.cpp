#include "SchemaCompatibility.h"

#include "Migrations.h"
#include "Sql.h"

#include <QAtomicInteger>

namespace ic {
namespace {

// The latest schema as this console builds it, collected from a private in-memory database.
QMap<QString, QStringList> expectedTables()
{
    static QAtomicInteger<quint64> counter;
    const QString name =
        QStringLiteral("ic-schema-reference-%1").arg(counter.fetchAndAddRelaxed(1));
    QMap<QString, QStringList> tables;
    {
        QSqlDatabase reference = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        reference.setDatabaseName(QStringLiteral(":memory:"));
        reference.open();
        for (const Migration &migration : schemaMigrations()) {
            for (const char *statement : migration.statements)
                sql::exec(reference, QString::fromUtf8(statement));
        }
        auto names = sql::exec(reference, QStringLiteral("SELECT name FROM sqlite_master WHERE "
                                                         "type = 'table' ORDER BY name"));
        while (names && names->next()) {
            const QString table = names->value(0).toString();
            auto columns = sql::exec(
                reference, QStringLiteral("SELECT name FROM pragma_table_info(?)"), {table});
            QStringList list;
            while (columns && columns->next())
                list << columns->value(0).toString();
            tables.insert(table, list);
        }
        reference.close();
    }
    QSqlDatabase::removeDatabase(name);
    return tables;
}

} // namespace

QStringList missingSchemaParts(const QSqlDatabase &db, QString *error)
{
    static const QMap<QString, QStringList> expected = expectedTables();
    QStringList missing;
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        auto columns = sql::exec(db, QStringLiteral("SELECT name FROM pragma_table_info(?)"),
                                 {it.key()}, error);
        if (!columns)
            return {};
        QStringList present;
        while (columns->next())
            present << columns->value(0).toString();
        if (present.isEmpty()) {
            missing << it.key();
            continue;
        }
        for (const QString &column : it.value()) {
            if (!present.contains(column))
                missing << it.key() + QLatin1Char('.') + column;
        }
    }
    return missing;
}

} // namespace ic

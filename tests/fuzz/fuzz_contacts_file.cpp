// contacts.yaml is edited by hand and shared through runbook repositories: any bytes must
// give a directory and located problems, never a crash or a hang, and every holder the
// directory names must be one of its people.
#include "contacts/ContactsFile.h"
#include "contacts/DirectoryMerge.h"
#include "contacts/OnCall.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace ic::contacts;
    const QByteArray yaml(reinterpret_cast<const char *>(data), qsizetype(size));
    const QDateTime at(QDate(2026, 12, 1), QTime(9, 0), QTimeZone::utc());
    DirectoryMerge merge(at);
    merge.add(parseContactsFile(yaml, QStringLiteral("contacts.yaml"), QStringLiteral("/")));
    const Directory directory =
        merge.finish([](const QString &, qint64, QList<Problem> *) { return std::nullopt; });
    for (const RoleDefinition &role : directory.roles) {
        const Holding holding = holdingAt(directory, role, at);
        if (!holding.personId.isEmpty() && !directory.person(holding.personId))
            std::abort(); // a holder is always someone the directory knows
        if (holding.until.isValid() && holding.until <= at)
            std::abort(); // the next change is in the future
    }
    for (const Problem &problem : directory.problems) {
        if (problem.line < 0 || !problem.toString().startsWith(QLatin1String("contacts.yaml:")))
            std::abort(); // every problem is located in the file
    }
    return 0;
}

#pragma once

#include <QList>
#include <QString>
#include <functional>

class QWidget;

namespace ic::ui {

// What the user chose when console.db could not be opened normally.
enum class DatabaseProblemChoice
{
    OpenReadOnly,
    MoveAsideAndStartFresh,
    Quit
};

// Explains why the database cannot be used and asks what to do, offering only the choices
// that are safe for that file (Quit always). Tests replace the question with answerForTests
// so no modal dialog blocks them.
class DatabaseProblemDialog
{
public:
    static DatabaseProblemChoice ask(const QString &message,
                                     const QList<DatabaseProblemChoice> &offered,
                                     QWidget *parent = nullptr);
    static inline std::function<DatabaseProblemChoice(const QString &,
                                                      const QList<DatabaseProblemChoice> &)>
        answerForTests;
};

} // namespace ic::ui

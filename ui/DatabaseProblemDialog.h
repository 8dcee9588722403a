#pragma once

#include <QString>
#include <functional>

class QWidget;

namespace ic::ui {

// What the user chose when console.db could not be read.
enum class DatabaseProblemChoice
{
    MoveAsideAndStartFresh,
    Quit
};

// Explains that the database file is damaged and asks what to do. Tests replace the
// question with answerForTests so no modal dialog blocks them.
class DatabaseProblemDialog
{
public:
    static DatabaseProblemChoice ask(const QString &message, QWidget *parent = nullptr);
    static inline std::function<DatabaseProblemChoice(const QString &)> answerForTests;
};

} // namespace ic::ui

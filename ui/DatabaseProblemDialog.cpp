#include "DatabaseProblemDialog.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>

namespace ic::ui {

DatabaseProblemChoice DatabaseProblemDialog::ask(const QString &message, QWidget *parent)
{
    if (answerForTests)
        return answerForTests(message);
    QMessageBox box(parent);
    box.setIcon(QMessageBox::Critical);
    box.setWindowTitle(QCoreApplication::translate("DatabaseProblemDialog",
                                                   "Incident Console: database unreadable"));
    box.setText(message);
    box.setInformativeText(QCoreApplication::translate(
        "DatabaseProblemDialog",
        "You can keep the damaged file under a new name (console.db.corrupt-<time>) and start "
        "with an empty database, or quit and inspect it yourself. Nothing is deleted."));
    QPushButton *moveAside = box.addButton(
        QCoreApplication::translate("DatabaseProblemDialog", "Move aside and start fresh"),
        QMessageBox::AcceptRole);
    QPushButton *quit = box.addButton(QCoreApplication::translate("DatabaseProblemDialog", "Quit"),
                                      QMessageBox::RejectRole);
    box.setDefaultButton(quit);
    box.exec();
    return box.clickedButton() == moveAside ? DatabaseProblemChoice::MoveAsideAndStartFresh
                                            : DatabaseProblemChoice::Quit;
}

} // namespace ic::ui

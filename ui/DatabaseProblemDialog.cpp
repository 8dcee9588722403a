#include "DatabaseProblemDialog.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>

namespace ic::ui {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DatabaseProblemDialog", text);
}

} // namespace

DatabaseProblemChoice DatabaseProblemDialog::ask(const QString &message,
                                                 const QList<DatabaseProblemChoice> &offered,
                                                 QWidget *parent)
{
    if (answerForTests)
        return answerForTests(message, offered);
    QMessageBox box(parent);
    box.setIcon(QMessageBox::Critical);
    box.setWindowTitle(tr("Incident Console: database cannot be used"));
    box.setText(message);
    QString explanation;
    if (offered.contains(DatabaseProblemChoice::OpenReadOnly))
        explanation += tr("You can open it read-only: you see everything in it, and nothing "
                          "you do is saved. ");
    if (offered.contains(DatabaseProblemChoice::MoveAsideAndStartFresh))
        explanation += tr("You can keep the file under a new name (console.db.corrupt-<time>) "
                          "and start with an empty database. ");
    explanation += tr("Or quit and inspect it yourself. Nothing is deleted.");
    box.setInformativeText(explanation);
    QMap<QAbstractButton *, DatabaseProblemChoice> buttons;
    if (offered.contains(DatabaseProblemChoice::OpenReadOnly))
        buttons.insert(box.addButton(tr("Open read-only"), QMessageBox::AcceptRole),
                       DatabaseProblemChoice::OpenReadOnly);
    if (offered.contains(DatabaseProblemChoice::MoveAsideAndStartFresh))
        buttons.insert(
            box.addButton(tr("Move aside and start fresh"), QMessageBox::DestructiveRole),
            DatabaseProblemChoice::MoveAsideAndStartFresh);
    QPushButton *quit = box.addButton(tr("Quit"), QMessageBox::RejectRole);
    box.setDefaultButton(quit);
    box.exec();
    return buttons.value(box.clickedButton(), DatabaseProblemChoice::Quit);
}

} // namespace ic::ui

#pragma once

// The base of the window tests: every test starts and ends with the window's test hooks
// (dialog answers) cleared, so a test that fails half-way cannot leave its answer behind for
// the next one. A suite with an init() or cleanup() of its own calls these first.

#include "ui/DatabaseProblemDialog.h"
#include "ui/DraftsPanel.h"

#include <QObject>

namespace ic::test {

class WindowTestCase : public QObject
{
    Q_OBJECT

protected Q_SLOTS:
    void init() { clearHooks(); }
    void cleanup() { clearHooks(); }

private:
    static void clearHooks()
    {
        ui::DatabaseProblemDialog::answerForTests = nullptr;
        ui::DraftsPanel::confirmForTests = nullptr;
    }
};

} // namespace ic::test

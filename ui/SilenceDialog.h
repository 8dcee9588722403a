#pragma once

#include "alerts/Alert.h"

#include <QDialog>
#include <chrono>
#include <functional>
#include <optional>

class QComboBox;
class QLineEdit;
class QPushButton;

namespace ic::ui {

struct SilenceChoice
{
    std::chrono::seconds duration{3600};
    QString comment;
};

// Confirms a silence before it is sent: which alert (its labels become the matchers), for
// how long, and why.
class SilenceDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SilenceDialog(const alerts::Alert &alert, QWidget *parent = nullptr);

    SilenceChoice choice() const;

    // Tests answer here instead of a person: nothing cancels.
    static inline std::function<std::optional<SilenceChoice>(const alerts::Alert &)> answerForTests;

private:
    QComboBox *m_duration;
    QLineEdit *m_comment;
    QPushButton *m_send;
};

} // namespace ic::ui

#pragma once

#include <QFrame>

namespace ic::ui {

class ActiveIncident;
class DraftsPanel;
class MainWindow;

// A row in the header once the incident is resolved: what is left is to say so and to write
// the postmortem while memory is fresh. Each button opens that draft; the row goes when the
// user says later, the incident reopens or another one is declared.
class ResolvedOffer : public QFrame
{
    Q_OBJECT
public:
    explicit ResolvedOffer(QWidget *parent = nullptr);

Q_SIGNALS:
    void draftWanted(const QString &templateId);
};

// Puts the offer into the window's header, shown on ActiveIncident::resolved().
void installResolvedOffer(MainWindow &window, ActiveIncident *incident, DraftsPanel *drafts);

} // namespace ic::ui

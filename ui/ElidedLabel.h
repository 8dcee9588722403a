#pragma once

#include <QLabel>

namespace ic::ui {

// A one-line label that, when narrower than its text, ends it with "…" instead of cutting it
// mid-letter at the edge. text() stays whole (tests and the tooltip see all of it), and the
// label may shrink to a few characters so a long title never widens the window.
class ElidedLabel : public QLabel
{
    Q_OBJECT

public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    // The start of the text that must stay readable (e.g. a countdown before its subject): the
    // label asks for at least its width, and only what follows it is cut.
    void setLead(const QString &lead);

    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_lead;
};

} // namespace ic::ui

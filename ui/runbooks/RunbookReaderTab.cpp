#include "RunbookReaderTab.h"

#include "RunbookBrowser.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace ic::ui {

RunbookReaderTab::RunbookReaderTab(QWidget *parent)
    : QWidget(parent), m_browser(new RunbookBrowser(this)), m_back(new QToolButton(this)),
      m_forward(new QToolButton(this)), m_contents(new QComboBox(this)),
      m_plainTextNote(new QLabel(this))
{
    m_back->setObjectName(QStringLiteral("runbookBack"));
    m_back->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    m_back->setToolTip(tr("Back (Alt+Left)"));
    m_back->setAccessibleName(tr("Back"));
    m_back->setShortcut(QKeySequence::Back);
    m_forward->setObjectName(QStringLiteral("runbookForward"));
    m_forward->setIcon(style()->standardIcon(QStyle::SP_ArrowForward));
    m_forward->setToolTip(tr("Forward (Alt+Right)"));
    m_forward->setAccessibleName(tr("Forward"));
    m_forward->setShortcut(QKeySequence::Forward);
    m_contents->setObjectName(QStringLiteral("runbookContents"));
    m_contents->setToolTip(tr("Jump to a heading"));
    m_contents->setAccessibleName(tr("Contents"));
    m_contents->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_contents->setMinimumContentsLength(24);
    m_plainTextNote->setObjectName(QStringLiteral("runbookPlainTextNote"));
    m_plainTextNote->setWordWrap(true);
    m_plainTextNote->setTextFormat(Qt::PlainText);
    m_plainTextNote->hide();

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_back);
    bar->addWidget(m_forward);
    bar->addWidget(m_contents, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_plainTextNote);
    layout->addWidget(m_browser, 1);

    connect(m_back, &QToolButton::clicked, m_browser, &RunbookBrowser::goBack);
    connect(m_forward, &QToolButton::clicked, m_browser, &RunbookBrowser::goForward);
    connect(m_browser, &RunbookBrowser::historyChanged, this, &RunbookReaderTab::updateNavigation);
    connect(m_browser, &RunbookBrowser::runbookShown, this, &RunbookReaderTab::fillContents);
    connect(m_browser, &RunbookBrowser::runbookShown, this, &RunbookReaderTab::updatePlainTextNote);
    connect(m_contents, &QComboBox::activated, this, [this](int index) {
        const QString anchor = m_contents->itemData(index).toString();
        if (!anchor.isEmpty())
            m_browser->openRunbook(m_browser->currentPath(), m_browser->currentRoot(), anchor);
    });
    updateNavigation();
}

void RunbookReaderTab::updateNavigation()
{
    m_back->setEnabled(m_browser->canGoBack());
    m_forward->setEnabled(m_browser->canGoForward());
}

void RunbookReaderTab::fillContents()
{
    m_contents->clear();
    m_contents->addItem(tr("Contents"));
    const QStringList titles = m_browser->headingTitles();
    const QList<int> levels = m_browser->headingLevels();
    const QStringList anchors = m_browser->headingAnchors();
    for (qsizetype i = 0; i < titles.size(); ++i)
        m_contents->addItem(QString(2 * (levels.at(i) - 1), QLatin1Char(' ')) + titles.at(i),
                            anchors.at(i));
}

void RunbookReaderTab::updatePlainTextNote()
{
    const QString reason = m_browser->plainTextReason();
    m_plainTextNote->setText(
        reason.isEmpty() ? QString() : tr("Shown as plain text, not rendered: %1.").arg(reason));
    m_plainTextNote->setVisible(!reason.isEmpty());
}

} // namespace ic::ui

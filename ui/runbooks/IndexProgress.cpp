#include "IndexProgress.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>

namespace ic::ui {
namespace {

// Shorter scans finish before anyone could read the row; it would only flicker.
constexpr qint64 showAfterMs = 400;

} // namespace

IndexProgress::IndexProgress(QWidget *parent)
    : QFrame(parent), m_bar(new QProgressBar(this)), m_text(new QLabel(this)),
      m_cancel(new QPushButton(tr("Cancel"), this)), m_resume(new QPushButton(tr("Resume"), this))
{
    setObjectName(QStringLiteral("runbookIndexProgress"));
    setAccessibleName(tr("Runbook indexing"));
    m_bar->setObjectName(QStringLiteral("runbookIndexBar"));
    m_bar->setTextVisible(false);
    m_bar->setMaximumWidth(160);
    m_text->setObjectName(QStringLiteral("runbookIndexText"));
    m_cancel->setObjectName(QStringLiteral("runbookIndexCancel"));
    m_cancel->setToolTip(tr("Stop indexing; what is indexed stays searchable"));
    m_resume->setObjectName(QStringLiteral("runbookIndexResume"));
    m_resume->setToolTip(tr("Index the files not reached yet"));
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_bar);
    row->addWidget(m_text, 1);
    row->addWidget(m_cancel);
    row->addWidget(m_resume);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_cancel->setEnabled(false);
        m_text->setText(tr("Stopping…"));
        Q_EMIT cancelRequested();
    });
    connect(m_resume, &QPushButton::clicked, this, &IndexProgress::resumeRequested);
    hide();
}

void IndexProgress::started()
{
    m_since.start();
    m_done = 0;
    m_total = 0;
    m_cancel->setEnabled(true);
    m_cancel->show();
    m_resume->hide();
    m_bar->show();
    m_bar->setValue(0);
    // A row left from a cancel stays until this scan says something.
}

void IndexProgress::advanced(int filesDone, int filesTotal)
{
    m_done = filesDone;
    m_total = filesTotal;
    m_bar->setRange(0, std::max(1, filesTotal));
    m_bar->setValue(filesDone);
    if (m_cancel->isEnabled())
        m_text->setText(tr("Indexing %1 of %2 files; search covers what is done")
                            .arg(QLocale().toString(filesDone), QLocale().toString(filesTotal)));
    if (!isVisible() && m_since.isValid() && m_since.elapsed() >= showAfterMs &&
        filesDone < filesTotal)
        show();
}

void IndexProgress::finished(bool cancelled, int filesDone)
{
    m_since.invalidate();
    m_done = filesDone;
    if (!cancelled) {
        m_bar->setValue(m_bar->maximum());
        hide();
        return;
    }
    m_bar->hide();
    m_cancel->hide();
    m_resume->show();
    m_text->setText(tr("Indexing stopped: %1 of %2 files indexed; the rest are not searchable "
                       "yet")
                        .arg(QLocale().toString(m_done), QLocale().toString(m_total)));
    show();
}

int IndexProgress::percent() const
{
    return m_total > 0 ? int(qint64(m_done) * 100 / m_total) : 0;
}

} // namespace ic::ui

#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QString>
#include <QTextStream>

namespace ic {

// Titles, reason phrases, notes and file names come from runbooks, servers and imports that
// anyone may have written. Printed as they are, an ESC sequence could recolour, hide or
// rewrite the terminal, and a bidi override could make a line read differently from what
// it says. This returns text a terminal shows literally: C0 controls except tab and newline
// (and a carriage return that ends a CRLF line), DEL, C1 controls, and the bidi embedding,
// override and isolate controls become visible escapes such as \x1b or \u202e.
QString terminalSafe(QStringView text);

// A write-only device that passes everything written to it through terminalSafe() into
// target. QTextStream encodes to UTF-8 before writing, so a character split across two
// writes is held back until it is complete.
class TerminalSafeDevice : public QIODevice
{
public:
    explicit TerminalSafeDevice(QTextStream &target);

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 size) override;

private:
    QTextStream &m_target;
    QByteArray m_incomplete;
};

} // namespace ic

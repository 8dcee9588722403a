#pragma once

#include <QString>
#include <optional>

namespace ic::team {

// A hybrid logical clock reading: wall-clock milliseconds, a counter for events within the
// same millisecond (or behind a clock that went backwards), and the console that made it.
// Monotonic per console and comparable across consoles with skewed clocks: a console that
// has seen an event always stamps its next one later, whatever its own clock says.
struct Hlc
{
    qint64 wallMs = 0;
    int counter = 0;
    QString console;

    bool isNull() const { return wallMs == 0 && counter == 0 && console.isEmpty(); }
    // Fixed-width text ("0001764921600000-000003-<console>") whose text order is the clock's
    // order, so SQLite and PostgreSQL compare stamps as plain strings.
    QString toString() const;
    static std::optional<Hlc> parse(const QString &text);

    friend bool operator<(const Hlc &a, const Hlc &b);
    friend bool operator==(const Hlc &a, const Hlc &b) = default;
};

// The stamp of a new local event, after last (this console's previous stamp or the latest
// one it has seen), with the wall clock at nowMs.
Hlc nextHlc(const Hlc &last, qint64 nowMs, const QString &console);

// What this console has seen after receiving remote: the later of the two.
Hlc observedHlc(const Hlc &last, const Hlc &remote);

} // namespace ic::team

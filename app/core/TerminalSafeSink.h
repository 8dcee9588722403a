#pragma once

#include <memory>
#include <spdlog/sinks/sink.h>

namespace ic::log {

// Log messages quote runbook titles, server answers and file contents. This sink hands
// each message to the sink it wraps with its text passed through terminalSafe(), so a line
// on the terminal (or a log file read with tail or less) cannot carry a control sequence.
// Formatting and colours stay the wrapped sink's.
class TerminalSafeSink : public spdlog::sinks::sink
{
public:
    explicit TerminalSafeSink(std::shared_ptr<spdlog::sinks::sink> wrapped);

    void log(const spdlog::details::log_msg &msg) override;
    void flush() override;
    void set_pattern(const std::string &pattern) override;
    void set_formatter(std::unique_ptr<spdlog::formatter> formatter) override;

private:
    std::shared_ptr<spdlog::sinks::sink> m_wrapped;
};

} // namespace ic::log

#include "TerminalSafeSink.h"

#include "TerminalText.h"

namespace ic::log {

TerminalSafeSink::TerminalSafeSink(std::shared_ptr<spdlog::sinks::sink> wrapped)
    : m_wrapped(std::move(wrapped))
{}

void TerminalSafeSink::log(const spdlog::details::log_msg &msg)
{
    const QString text =
        QString::fromUtf8(msg.payload.data(), static_cast<qsizetype>(msg.payload.size()));
    const QByteArray safe = terminalSafe(text).toUtf8();
    spdlog::details::log_msg copy = msg;
    copy.payload = spdlog::string_view_t(safe.constData(), static_cast<size_t>(safe.size()));
    m_wrapped->log(copy);
}

void TerminalSafeSink::flush()
{
    m_wrapped->flush();
}

void TerminalSafeSink::set_pattern(const std::string &pattern)
{
    m_wrapped->set_pattern(pattern);
}

void TerminalSafeSink::set_formatter(std::unique_ptr<spdlog::formatter> formatter)
{
    m_wrapped->set_formatter(std::move(formatter));
}

} // namespace ic::log

#pragma once

#include <QString>
#include <utility>
#include <variant>

namespace ic {

// What kind of "no": the caller's answer differs (the CLI exits 0, 2 or 3).
enum class ErrorKind
{
    Failed,   // could not be done: storage, I/O ("disk I/O error")
    Refused,  // a rule says no ("resolved cannot be before started")
    Unchanged // it is that way already ("item already ticked by ana"): nothing to do
};

// Why something failed, in words for the person reading it: what and where ("checklist item
// 7f3a…: item already ticked by ana", "/data/console.db: disk I/O error").
struct Error
{
    QString message;
    ErrorKind kind = ErrorKind::Failed;
};

// The one way the core reports an outcome: a value, or an Error. Replaces bool + QString*,
// "empty id on failure" and "empty string on success". [[nodiscard]] so an ignored failure
// is a compiler warning (an error in CI).
template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T &value() const { return std::get<T>(m_state); }
    T &value() { return std::get<T>(m_state); }
    const T &operator*() const { return value(); }
    const T *operator->() const { return &value(); }
    T &operator*() { return value(); }
    T *operator->() { return &value(); }

    // Empty when ok().
    QString error() const { return ok() ? QString() : std::get<Error>(m_state).message; }
    ErrorKind errorKind() const { return ok() ? ErrorKind::Failed : std::get<Error>(m_state).kind; }
    // The error itself, to pass on as another Result's; only when !ok().
    const Error &failed() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

// An outcome without a value: success, or an Error.
template <> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_failed(true) {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    QString error() const { return m_error.message; }
    ErrorKind errorKind() const { return m_error.kind; }
    const Error &failed() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

inline Error failure(QString message)
{
    return Error{std::move(message), ErrorKind::Failed};
}

inline Error refusal(QString message)
{
    return Error{std::move(message), ErrorKind::Refused};
}

inline Error unchanged(QString message)
{
    return Error{std::move(message), ErrorKind::Unchanged};
}

} // namespace ic

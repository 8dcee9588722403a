#pragma once

#include <QString>
#include <utility>
#include <variant>

namespace ic {

// Why something failed, in words for the person reading it: what and where ("checklist item
// 7f3a…: item already ticked by ana", "/data/console.db: disk I/O error").
struct Error
{
    QString message;
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

    // Empty when ok().
    QString error() const { return ok() ? QString() : std::get<Error>(m_state).message; }

private:
    std::variant<T, Error> m_state;
};

// An outcome without a value: success, or an Error.
template <> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error.message)), m_failed(true) {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    QString error() const { return m_error; }

private:
    QString m_error;
    bool m_failed = false;
};

inline Error failure(QString message)
{
    return Error{std::move(message)};
}

} // namespace ic

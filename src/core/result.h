#pragma once

#include <QString>
#include <utility>
#include <variant>

namespace huike {

// What went wrong, as a value that crosses a layer boundary (no exceptions across layers).
enum class ErrorCode {
    Invalid,           // the request itself is wrong (bad input)
    NotFound,          // a receipt, product or operator does not exist
    Conflict,          // a unique value is taken, or the state does not allow it
    Denied,            // wrong PIN, locked operator, missing permission
    InsufficientFunds, // payments do not cover the total, or a balance is too low
    Storage,           // the database failed (disk full, locked, corrupt)
    ReadOnly,          // the file or its folder cannot be written (permissions, a read-only medium)
    TooNew,            // a database from a newer Huike
    Unavailable,       // a device is missing, offline or not answering
};

struct Error {
    ErrorCode code = ErrorCode::Invalid;
    QString message; // already translated: fit to show to the user
};

template <class T> class [[nodiscard]] Result {
public:
    Result(T value) : m_v(std::move(value)) {}
    Result(Error error) : m_v(std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    T &value() { return std::get<0>(m_v); }
    const T &value() const { return std::get<0>(m_v); }
    T &operator*() { return value(); }
    const T &operator*() const { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    const Error &error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

struct Ok {};
using Status = Result<Ok>;

inline Error makeError(ErrorCode code, QString message)
{
    return Error{code, std::move(message)};
}

} // namespace huike

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>
#include <utility>

/**
 * A value or an error: a stable machine-readable code (what the protocol
 * sends and the client translates) plus an English message for logs.
 * Used instead of exceptions across all Qt boundaries.
 */
struct Error
{
    QString code;
    QString message;
};

template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_value(std::move(value)) { }
    Result(Error error) : m_error(std::move(error)) { }

    [[nodiscard]] bool isOk() const { return m_value.has_value(); }
    explicit operator bool() const { return isOk(); }

    [[nodiscard]] const T &value() const & { return *m_value; }
    [[nodiscard]] T &value() & { return *m_value; }
    [[nodiscard]] T &&value() && { return std::move(*m_value); }
    const T &operator*() const { return *m_value; }
    const T *operator->() const { return &*m_value; }

    [[nodiscard]] const Error &error() const { return m_error; }
    [[nodiscard]] const QString &errorCode() const { return m_error.code; }
    [[nodiscard]] const QString &errorMessage() const { return m_error.message; }

private:
    std::optional<T> m_value;
    Error m_error;
};

/** Result of an operation that yields nothing but may fail. */
struct Ok
{
};
using Status = Result<Ok>;

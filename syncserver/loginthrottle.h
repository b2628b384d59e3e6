// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>

/**
 * Slows down password guessing, per account and per address: after
 * freeAttempts failures within the window, each further attempt must wait,
 * doubling from one second up to maxDelayS. A success clears the key's
 * count. Kept in memory: a restart forgives, which is acceptable for slowing
 * guessing down.
 */
class LoginThrottle
{
public:
    static constexpr int freeAttempts = 5;
    /** Failures of one account from all addresses together before that count throttles too. */
    static constexpr int accountFreeAttempts = 20;
    static constexpr qint64 windowMs = 15 * 60 * 1000;
    static constexpr qint64 maxDelayS = 300;

    /** Seconds the caller must still wait before trying this key again (0: may try now). */
    [[nodiscard]] qint64 waitSeconds(const QString &key, qint64 nowMs, int free = freeAttempts) const;
    void recordFailure(const QString &key, qint64 nowMs);
    void recordSuccess(const QString &key);

private:
    struct Entry
    {
        int failures = 0;
        qint64 firstMs = 0;
        qint64 lastMs = 0;
    };
    QHash<QString, Entry> m_entries;
};

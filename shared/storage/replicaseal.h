// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

/**
 * The seal of a replica file closed cleanly: its size and a hash of its bytes, kept beside it
 * ("<file>-seal"), so the next open can skip SQLite's quick_check (which reads and checks every page,
 * most of a short command's time on a large replica) if the file is exactly as it was left. A file
 * changed since in any way (a damaged page, a copy put back, a -wal with content after a crash) does
 * not match and gets the full check. A full check is also due once a day, so damage that came about
 * while the file was open is found at the latest then (docs/storage.md, "Opening").
 */
class ReplicaSeal
{
public:
    /** How long a full check vouches for a file sealed since. */
    static constexpr qint64 fullCheckEverySecs = 24 * 60 * 60;

    /**
     * Takes the seal of file (removes it, as the file will change): the time of the last full check
     * if the file is exactly as sealed, no -wal holds content and that check is recent; else nullopt.
     */
    [[nodiscard]] static std::optional<QDateTime> take(const QString &file);
    /**
     * Seals file after its last connection closed, if it was closed cleanly (no -wal with content);
     * checkedAt: when it last passed the full check.
     */
    static void write(const QString &file, const QDateTime &checkedAt);

    /** The seal's file beside file. */
    [[nodiscard]] static QString sealFile(const QString &file);
    /** A 64-bit hash of the file's bytes (xxHash64's rounds over the file mapped into memory); nullopt if unreadable. */
    [[nodiscard]] static std::optional<quint64> hashOf(const QString &file, qint64 *size);
};

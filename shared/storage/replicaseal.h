// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

/**
 * The seal of a replica file closed cleanly: its size, what the filesystem says of it (inode, times
 * of the last change) and a hash of its first and last sampledBytes, kept beside it ("<file>-seal"),
 * so the next open can skip SQLite's quick_check (which reads and checks every page, most of a short
 * command's time on a large replica) if the file is as it was left. A file written since in any way
 * (a damaged page, a copy put back, a -wal with content after a crash) does not match and gets the
 * full check. A full check is also due once a day, so damage that came about while the file was open,
 * or without a write (a failing disk), is found at the latest then (docs/storage.md, "Opening").
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
    /** Bytes hashed at each end of the file (all of a file up to twice this). */
    static constexpr qint64 sampledBytes = 4 * 1024 * 1024;

    /**
     * What the seal holds of file: size, inode and times, and an xxHash64 of its ends (mapped into
     * memory); nullopt if unreadable.
     */
    [[nodiscard]] static std::optional<QJsonObject> fingerprintOf(const QString &file);
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the benchmarks read about a process from Linux's /proc: its memory
// (VmHWM, VmRSS), CPU time and page faults.

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>

#include <unistd.h>

namespace ProcStats {

using namespace Qt::Literals::StringLiterals;

/** A "VmHWM"-style line of /proc/PID/status, in MB (-1 if unreadable). */
inline double statusMb(qint64 pid, const QByteArray &key)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (pid <= 0 || !status.open(QIODevice::ReadOnly | QIODevice::Text))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(QByteArray(key + ':')))
            return line.mid(key.size() + 1).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

/** The fields of /proc/PID/stat after the command name (which may hold spaces): [0] is the state. */
inline QList<QByteArray> statFields(const QString &pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return {};
    const QByteArray text = stat.readAll();
    return text.mid(text.lastIndexOf(')') + 2).split(' ');
}

/** Minor page faults of a process so far: each is memory touched for the first time (-1 if unreadable). */
inline qint64 minorFaults(const QString &pid)
{
    const QList<QByteArray> fields = statFields(pid);
    return fields.size() > 7 ? fields[7].toLongLong() : -1; // minflt, the 10th field of the line
}

/** CPU seconds of a process so far, user and system (utime + stime); -1 if unreadable. */
inline double cpuSeconds(qint64 pid)
{
    const QList<QByteArray> fields = statFields(QString::number(pid));
    if (pid <= 0 || fields.size() <= 12)
        return -1;
    // utime and stime are the 14th and 15th fields of the line, in clock ticks.
    return double(fields[11].toLongLong() + fields[12].toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

/**
 * Starts VmHWM of a process anew from its current VmRSS (clear_refs 5), so a peak can be read per
 * phase; false if the kernel does not allow it (then VmHWM stays the peak since the start).
 */
inline bool resetPeakMemory(qint64 pid)
{
    QFile clear(u"/proc/%1/clear_refs"_s.arg(pid));
    return pid > 0 && clear.open(QIODevice::WriteOnly) && clear.write("5") == 1;
}

} // namespace ProcStats

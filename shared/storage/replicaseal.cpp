// SPDX-License-Identifier: GPL-3.0-or-later
#include "replicaseal.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstring>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr quint64 prime1 = 0x9E3779B185EBCA87ULL;
constexpr quint64 prime2 = 0xC2B2AE3D27D4EB4FULL;
constexpr quint64 prime3 = 0x165667B19E3779F9ULL;
constexpr quint64 prime4 = 0x85EBCA77C2B2AE63ULL;
constexpr quint64 prime5 = 0x27D4EB2F165667C5ULL;

constexpr quint64 rotl(quint64 x, int r)
{
    return (x << r) | (x >> (64 - r));
}

constexpr quint64 round(quint64 acc, quint64 input)
{
    return rotl(acc + input * prime2, 31) * prime1;
}

constexpr quint64 merge(quint64 acc, quint64 lane)
{
    return (acc ^ round(0, lane)) * prime1 + prime4;
}

quint64 word(const uchar *p)
{
    quint64 w;
    std::memcpy(&w, p, sizeof w);
    return w;
}

/** xxHash64 (seed 0) of data: four lanes keep the CPU busy, so hashing runs near memory speed. */
quint64 xxhash64(const uchar *data, qint64 size)
{
    const uchar *p = data;
    const uchar *end = data + size;
    quint64 h;
    if (size >= 32) {
        quint64 v1 = prime1 + prime2, v2 = prime2, v3 = 0, v4 = 0 - prime1;
        for (; p + 32 <= end; p += 32) {
            v1 = round(v1, word(p));
            v2 = round(v2, word(p + 8));
            v3 = round(v3, word(p + 16));
            v4 = round(v4, word(p + 24));
        }
        h = rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18);
        h = merge(merge(merge(merge(h, v1), v2), v3), v4);
    } else {
        h = prime5;
    }
    h += quint64(size);
    for (; p + 8 <= end; p += 8)
        h = rotl(h ^ round(0, word(p)), 27) * prime1 + prime4;
    for (; p < end; ++p)
        h = rotl(h ^ (quint64(*p) * prime5), 11) * prime1;
    h ^= h >> 33;
    h *= prime2;
    h ^= h >> 29;
    h *= prime3;
    h ^= h >> 32;
    return h;
}

/**
 * What the filesystem says of the open file: its inode and device, and the times of its last
 * change of content and of any change at all, in nanoseconds. Every write, truncation or copy
 * put in its place changes one of them; no program can set the change time back.
 */
QJsonObject identityOf(QFile &file)
{
#ifdef Q_OS_UNIX
    struct stat info {};
    if (::fstat(file.handle(), &info) != 0)
        return {};
    auto ns = [](const timespec &time) { return QString::number(qint64(time.tv_sec) * 1'000'000'000 + time.tv_nsec); };
    return { { u"inode"_s, QString::number(quint64(info.st_ino)) },
             { u"device"_s, QString::number(quint64(info.st_dev)) },
             { u"modified_ns"_s, ns(info.st_mtim) },
             { u"changed_ns"_s, ns(info.st_ctim) } };
#else
    const QFileInfo info(file);
    return { { u"modified_ms"_s, QString::number(info.lastModified().toMSecsSinceEpoch()) },
             { u"changed_ms"_s, QString::number(info.metadataChangeTime().toMSecsSinceEpoch()) } };
#endif
}

bool walHasContent(const QString &file)
{
    const QFileInfo wal(file + u"-wal"_s);
    return wal.exists() && wal.size() > 0;
}

} // namespace

QString ReplicaSeal::sealFile(const QString &file)
{
    return file + u"-seal"_s;
}

std::optional<QJsonObject> ReplicaSeal::fingerprintOf(const QString &file)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return std::nullopt;
    QJsonObject fingerprint = identityOf(in);
    if (fingerprint.isEmpty())
        return std::nullopt;
    const qint64 size = in.size();
    // The file's ends, or the whole of a small file: what a damaged header or a file cut short or
    // grown shows in, with the filesystem's identity and times vouching for everything between.
    const qint64 head = std::min(size, sampledBytes);
    const qint64 tailStart = std::max(head, size - sampledBytes);
    quint64 hash = 0;
    for (const auto &[offset, length] : { std::pair { qint64(0), head }, std::pair { tailStart, size - tailStart } }) {
        if (length == 0)
            continue;
        const uchar *mapped = in.map(offset, length);
        if (!mapped)
            return std::nullopt;
        hash = merge(hash, xxhash64(mapped, length));
        in.unmap(const_cast<uchar *>(mapped));
    }
    fingerprint.insert(u"size"_s, size);
    fingerprint.insert(u"hash"_s, QString::number(hash, 16));
    return fingerprint;
}

std::optional<QDateTime> ReplicaSeal::take(const QString &file)
{
    QFile seal(sealFile(file));
    if (!seal.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject json = QJsonDocument::fromJson(seal.read(4096)).object();
    seal.close();
    QFile::remove(seal.fileName());
    const QDateTime checkedAt = QDateTime::fromString(json.value(u"checked_at"_s).toString(), Qt::ISODateWithMs);
    const qint64 age = checkedAt.isValid() ? checkedAt.secsTo(QDateTime::currentDateTimeUtc()) : -1;
    if (age < 0 || age > fullCheckEverySecs || walHasContent(file))
        return std::nullopt;
    const auto fingerprint = fingerprintOf(file);
    if (!fingerprint)
        return std::nullopt;
    for (auto it = fingerprint->begin(); it != fingerprint->end(); ++it) {
        if (json.value(it.key()) != it.value())
            return std::nullopt;
    }
    return checkedAt;
}

void ReplicaSeal::write(const QString &file, const QDateTime &checkedAt)
{
    // Another connection still has the file open (its -wal has content): it seals at its own close.
    if (walHasContent(file) || !checkedAt.isValid())
        return;
    auto fingerprint = fingerprintOf(file);
    if (!fingerprint || walHasContent(file))
        return;
    QJsonObject json = *fingerprint;
    json.insert(u"checked_at"_s, checkedAt.toUTC().toString(Qt::ISODateWithMs));
    // Written in place, without fsync: a seal torn or lost in a power cut does not parse or match,
    // which only costs the next open a full check.
    QFile out(sealFile(file));
    if (out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        out.write(QJsonDocument(json).toJson(QJsonDocument::Compact));
    out.close();
    QFile::setPermissions(out.fileName(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

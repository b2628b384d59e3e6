// SPDX-License-Identifier: GPL-3.0-or-later
#include "replicaseal.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstring>

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

std::optional<quint64> ReplicaSeal::hashOf(const QString &file, qint64 *size)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return std::nullopt;
    *size = in.size();
    if (*size == 0)
        return xxhash64(nullptr, 0);
    const uchar *mapped = in.map(0, *size);
    if (!mapped)
        return std::nullopt;
    const quint64 hash = xxhash64(mapped, *size);
    in.unmap(const_cast<uchar *>(mapped));
    return hash;
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
    qint64 size = -1;
    const auto hash = hashOf(file, &size);
    if (!hash || size != json.value(u"size"_s).toInteger(-1)
        || QString::number(*hash, 16) != json.value(u"hash"_s).toString())
        return std::nullopt;
    return checkedAt;
}

void ReplicaSeal::write(const QString &file, const QDateTime &checkedAt)
{
    // Another connection still has the file open (its -wal has content): it seals at its own close.
    if (walHasContent(file) || !checkedAt.isValid())
        return;
    qint64 size = -1;
    const auto hash = hashOf(file, &size);
    if (!hash || walHasContent(file))
        return;
    const QJsonObject json { { u"size"_s, size },
                             { u"hash"_s, QString::number(*hash, 16) },
                             { u"checked_at"_s, checkedAt.toUTC().toString(Qt::ISODateWithMs) } };
    // Written in place, without fsync: a seal torn or lost in a power cut does not parse or match,
    // which only costs the next open a full check.
    QFile out(sealFile(file));
    if (out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        out.write(QJsonDocument(json).toJson(QJsonDocument::Compact));
    out.close();
    QFile::setPermissions(out.fileName(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "pulltable.h"

#include <QJsonArray>

#include <cmath>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace Protocol::PullTable {

namespace {

/** Names listed once, in the order first used, each then written as its index. */
class NameTable
{
public:
    int indexOf(const QString &name)
    {
        const auto it = m_index.constFind(name);
        if (it != m_index.cend())
            return *it;
        m_names.append(name);
        return *m_index.insert(name, int(m_names.size()) - 1);
    }
    [[nodiscard]] const QJsonArray &names() const { return m_names; }

private:
    QHash<QString, int> m_index;
    QJsonArray m_names;
};

QJsonValue stringOrNull(bool present, const QString &text)
{
    return present && !text.isNull() ? QJsonValue(text) : QJsonValue();
}

/** A table's names, or a row's ids; nullopt if it is not an array of strings. */
std::optional<QStringList> namesOf(const QJsonValue &value)
{
    if (!value.isArray())
        return std::nullopt;
    QStringList names;
    for (const QJsonValue &name : value.toArray()) {
        if (!name.isString())
            return std::nullopt;
        names << name.toString();
    }
    return names;
}

/** An integer of a row: a JSON number without fraction within ±2^53 (what a double holds exactly). */
std::optional<qint64> integerOf(const QJsonValue &value)
{
    constexpr double exact = 9007199254740992.0;
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (number != std::floor(number) || number > exact || number < -exact)
        return std::nullopt;
    return qint64(number);
}

std::optional<QString> nameAt(const QStringList &names, const QJsonValue &index)
{
    const auto at = integerOf(index);
    if (!at || *at < 0 || *at >= names.size())
        return std::nullopt;
    return names.at(qsizetype(*at));
}

Error badRow(qsizetype row, const QString &why)
{
    return { u"malformed"_s, u"pull row %1: %2"_s.arg(row).arg(why) };
}

} // namespace

void write(const QList<PulledChange> &changes, QJsonObject &answer)
{
    NameTable devices, authors;
    QJsonArray rows;
    qint64 seq = 0, wall = 0;
    for (const PulledChange &pulled : changes) {
        const Change &c = pulled.change;
        const bool set = c.op == Change::Op::Set;
        QJsonArray row;
        row.append(pulled.seq - seq);
        row.append(c.id);
        row.append(Change::opName(c.op));
        row.append(c.entityType);
        row.append(c.entityId);
        row.append(set ? QJsonValue(c.field) : QJsonValue());
        row.append(stringOrNull(set, c.value));
        row.append(c.hlc.wallMs - wall);
        row.append(qint64(c.hlc.counter));
        row.append(devices.indexOf(c.hlc.device));
        row.append(devices.indexOf(c.device));
        row.append(authors.indexOf(c.author));
        row.append(QJsonArray::fromStringList(c.base));
        row.append(QJsonArray::fromStringList(c.seen));
        row.append(pulled.seal);
        rows.append(row);
        seq = pulled.seq;
        wall = c.hlc.wallMs;
    }
    answer.insert(u"devices"_s, devices.names());
    answer.insert(u"authors"_s, authors.names());
    answer.insert(u"rows"_s, rows);
}

Result<QList<PulledChange>> read(const QJsonObject &answer)
{
    const auto devices = namesOf(answer.value(u"devices"_s));
    const auto authors = namesOf(answer.value(u"authors"_s));
    if (!devices || !authors || !answer.value(u"rows"_s).isArray())
        return Error { u"malformed"_s, u"a pull page in table form needs devices, authors and rows"_s };
    const QJsonArray rows = answer.value(u"rows"_s).toArray();
    QList<PulledChange> changes;
    changes.reserve(rows.size());
    qint64 seq = 0, wall = 0;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QJsonArray row = rows[i].toArray();
        if (!rows[i].isArray() || row.size() != rowSize)
            return badRow(i, u"not an array of %1 values"_s.arg(int(rowSize)));
        const auto seqStep = integerOf(row[SeqStep]);
        const auto wallStep = integerOf(row[WallStep]);
        const auto counter = integerOf(row[Counter]);
        const auto hlcDevice = nameAt(*devices, row[HlcDevice]);
        const auto device = nameAt(*devices, row[Device]);
        const auto author = nameAt(*authors, row[Author]);
        if (!seqStep || !wallStep || !counter || *counter < 0 || *counter > std::numeric_limits<quint32>::max()
            || !hlcDevice || !device || !author || !row[Seal].isString())
            return badRow(i, u"sequence, stamp, device, author or seal is not what its place holds"_s);
        for (Place text : { Id, Op, Type, Entity })
            if (!row[text].isString())
                return badRow(i, u"id, op, type and entity must be strings"_s);
        // Only a set has a field and a value: anything there on another op would be dropped unseen.
        const bool set = row[Op].toString() == Change::opName(Change::Op::Set);
        if (set ? !row[Field].isString() || !(row[Value].isString() || row[Value].isNull())
                : !row[Field].isNull() || !row[Value].isNull())
            return badRow(i, u"a set has a field and a string or null value, other ops null in both"_s);
        seq += *seqStep;
        wall += *wallStep;
        Change::Wire wire;
        using Member = Change::Member;
        wire.text[size_t(Member::Id)] = row[Id].toString();
        wire.text[size_t(Member::Op)] = row[Op].toString();
        wire.text[size_t(Member::Type)] = row[Type].toString();
        wire.text[size_t(Member::Entity)] = row[Entity].toString();
        if (row[Field].isString())
            wire.text[size_t(Member::Field)] = row[Field].toString();
        wire.text[size_t(Member::Hlc)] = Hlc { wall, quint32(*counter), *hlcDevice }.toString();
        wire.text[size_t(Member::Device)] = *device;
        wire.text[size_t(Member::Author)] = *author;
        wire.valueKind = row[Value].isString() ? Change::Wire::Value::String : Change::Wire::Value::Null;
        wire.value = row[Value].toString();
        wire.base = namesOf(row[Base]);
        wire.seen = namesOf(row[Seen]);
        auto change = Change::fromWire(std::move(wire));
        if (!change)
            return badRow(i, change.errorMessage());
        changes.append({ seq, std::move(change).value(), row[Seal].toString() });
    }
    return changes;
}

} // namespace Protocol::PullTable

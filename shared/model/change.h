// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "model/hlc.h"

#include <QHash>
#include <QJsonObject>

#include <array>
#include <optional>
#include <QList>
#include <QString>
#include <QStringList>

/**
 * One edit. Changes are immutable once made; every replica that has
 * received the same set of changes computes the same state from them.
 *
 * Creating, deleting and restoring an entity are writes of its lifecycle
 * register (the pseudo-field "_state", values "live" or "deleted"), so they
 * merge by the same rules as any field.
 */
struct Change
{
    enum class Op { Create, Set, Delete, Restore };

    QString id; ///< unique: "<device>:<sequence>"; pushing the same id twice is a no-op
    Op op = Op::Set;
    QString entityType;
    QString entityId;
    QString field; ///< Set: the field name; other ops: stateField
    QString value; ///< canonical value (null = unset); for lifecycle ops "live"/"deleted"
    Hlc hlc;
    QString device;
    QString author;
    /** The versions (change ids) of this field the edit was made on: empty for a first write. */
    QStringList base;
    /** Delete only: the field versions the deleting replica had seen; edits not in it conflict. */
    QStringList seen;

    /**
     * Most versions a change names as its base: a merge of one change stays bounded (docs/merge.md). An
     * edit names the heads it saw, a resolution every head: past this many heads it settles the newest.
     */
    static constexpr int maxBase = 64;
    /**
     * Most versions a delete of an entity with this many fields names as seen: maxBase heads per field.
     * A head it does not name counts as unseen, an edit concurrent with the delete: kept, never lost.
     */
    static constexpr qsizetype maxSeen(qsizetype fields) { return fields * maxBase; }

    static inline const QString stateField = QStringLiteral("_state");
    static inline const QString live = QStringLiteral("live");
    static inline const QString deleted = QStringLiteral("deleted");

    [[nodiscard]] QJsonObject toJson() const;
    /** Parses the wire form; checks shape only (the schema checks meaning). */
    [[nodiscard]] static Result<Change> fromJson(const QJsonObject &object);
    /**
     * The members of the wire form, in the order a JSON object keeps them (sorted by name): the one
     * list that toJson(), fromJson() and the protocol's fast writer and reader are written from.
     */
    enum class Member { Author, Base, Device, Entity, Field, Hlc, Id, Op, Seen, Type, Value, Count };
    static constexpr std::array<const char *, size_t(Member::Count)> memberNames = {
        "author", "base", "device", "entity", "field", "hlc", "id", "op", "seen", "type", "value"
    };
    [[nodiscard]] static QLatin1StringView memberName(Member member)
    {
        return QLatin1StringView(memberNames[size_t(member)]);
    }
    /** The member a key names; nullopt for any other key (ignored: a newer peer may send more). */
    [[nodiscard]] static std::optional<Member> memberNamed(QByteArrayView key);
    /** Every op has these string members, checked in this order. */
    static constexpr std::array<Member, 7> requiredMembers = { Member::Id,   Member::Op,     Member::Type,  Member::Entity,
                                                               Member::Hlc,  Member::Device, Member::Author };
    /** The members of the wire form as read by any JSON reader (see fromWire()). */
    struct Wire
    {
        /** The string members by Member (the required ones, field); nullopt: missing or not a string. */
        std::array<std::optional<QString>, size_t(Member::Count)> text;
        enum class Value { Absent, Null, String, Invalid } valueKind = Value::Absent;
        QString value;
        std::optional<QStringList> base = QStringList(), seen = QStringList(); ///< nullopt: not an array of strings
    };
    /** Checks the shape of a change read from the wire, as fromJson() does. */
    [[nodiscard]] static Result<Change> fromWire(Wire wire);

    [[nodiscard]] static QString opName(Op op);
    [[nodiscard]] static std::optional<Op> opFromName(const QString &name);

    friend bool operator==(const Change &, const Change &) = default;
};
// Logs hold hundreds of thousands of changes: let QList grow them by moving bytes.
Q_DECLARE_TYPEINFO(Change, Q_RELOCATABLE_TYPE);

/** Change and entity ids: 1 to 128 characters of A-Z a-z 0-9 - _ . : (safe in logs, SQL lists and URLs). */
[[nodiscard]] bool isChangeId(const QString &id);

/**
 * The rule of one batch (one push, or one local action): a field written more than once is written in
 * sequence, each write based on the one before it. Two writes of one field built on the same state (as
 * `set M title=a title=b` would make them) would be concurrent versions, and the batch would conflict with
 * itself; the later one is refused ("duplicate_field") instead. The server and the client's local check
 * both apply it. One instance per batch.
 */
class BatchWrites
{
public:
    /** Ok, and remembers the change as its field's latest write; or "duplicate_field". */
    Status admit(const Change &change);

private:
    QHash<QString, QString> m_latest; ///< entity id + '\n' + field → the id of the batch's latest write of it
};

/**
 * Validates a change against the schema and returns it with its value in
 * canonical form. Error codes: "unknown_type", "unknown_field",
 * "invalid_value", "value_too_long", "malformed_change".
 */
[[nodiscard]] Result<Change> validateChange(Change change);

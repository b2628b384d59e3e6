// SPDX-License-Identifier: GPL-3.0-or-later
#include "partialhistory.h"

#include "sync/changeapplier.h"
#include "sync/replicastate.h"

#include <QSet>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace PartialHistory {

namespace {

Change headChange(const EntityRecord &record, const QString &field, const FieldVersion &head)
{
    Change change;
    change.id = head.changeId;
    change.entityType = record.spec->name;
    change.entityId = record.id;
    change.field = field;
    change.hlc = head.hlc;
    change.device = head.device;
    change.author = head.author;
    if (field == Change::stateField) {
        // Create and restore write the same register: which one it was only the history tells.
        change.op = head.value == Change::deleted ? Change::Op::Delete : Change::Op::Create;
        change.seen = head.seen;
    } else {
        change.op = Change::Op::Set;
        change.value = head.value;
    }
    return change;
}

QStringList sorted(QStringList list)
{
    list.sort();
    list.removeDuplicates();
    return list;
}

/** The nearest common ancestor of a text field's heads is the same from what the replica holds (see toComplete()). */
bool textMergesFromHeld(const PartialEntity &entity, const QString &field, const QStringList &heads)
{
    if (entity.historyLength < 0)
        return false;
    qsizetype fromHeads = 0;
    for (const HeldChange &held : entity.held)
        fromHeads += held.fromHeads && held.field == field ? 1 : 0;
    if (fromHeads > 1)
        return false;
    QList<FieldVersion> versions;
    for (const QString &id : heads) {
        const auto held = entity.held.constFind(id);
        if (held == entity.held.cend())
            return false;
        FieldVersion version;
        version.changeId = id;
        version.hlc = held->hlc;
        version.value = held->value;
        versions << std::move(version);
    }
    const auto lookup = [&entity](const QString &id) -> std::optional<ChangeApplier::Ancestor> {
        const auto held = entity.held.constFind(id);
        if (held == entity.held.cend())
            return std::nullopt;
        return ChangeApplier::Ancestor { held->base, held->hlc, held->value,
                                         held->fromHeads ? entity.historyLength : 0 };
    };
    return ChangeApplier::commonBaseValue(lookup, versions).has_value();
}

/** A change that needs no ancestor the replica lacks: its base is held, and so is what its merge needs. */
bool mergesWithoutHistory(const PartialEntity &entity, const FieldState &state, const Change &change,
                          const QStringList &headsAfter)
{
    if (change.base.isEmpty() || state.pending.contains(change.id))
        return false;
    if (!std::all_of(change.base.cbegin(), change.base.cend(),
                     [&](const QString &id) { return id != change.id && entity.held.contains(id); }))
        return false;
    if (change.field == Change::stateField)
        return true;
    const FieldSpec *field = entity.record.spec->field(change.field);
    if (!field)
        return false;
    return !field->isMergeableText() || textMergesFromHeld(entity, change.field, headsAfter);
}

} // namespace

HeldChange heldChange(const Change &change, bool fromHeads)
{
    return { change.field, change.base, change.hlc, change.value, fromHeads };
}

QList<Change> headChanges(const EntityRecord &record)
{
    QList<Change> changes;
    for (const FieldVersion &head : record.lifecycle.heads)
        changes << headChange(record, Change::stateField, head);
    for (qsizetype i = 0; i < record.fields.size(); ++i) {
        for (const FieldVersion &head : record.fields[i].heads)
            changes << headChange(record, record.spec->fields[i].name, head);
    }
    return changes;
}

QStringList toComplete(const QList<Change> &changes, QHash<QString, PartialEntity> partialEntities)
{
    QStringList entities;
    QHash<QString, QStringList> heads; // "entity/field" → the heads after the changes so far, sorted
    for (const Change &change : changes) {
        const auto entity = partialEntities.find(change.entityId);
        if (entity == partialEntities.end() || entities.contains(change.entityId))
            continue;
        const EntityRecord &record = entity->record;
        const QString key = change.entityId + u'/' + change.field;
        auto expected = heads.find(key);
        const FieldState *state = record.state(change.field);
        if (!state)
            continue; // an unknown field: refused when applied, as for any replica
        if (expected == heads.end())
            expected = heads.insert(key, sorted(state->headIds()));
        if (expected->contains(change.id) || entity->held.contains(change.id))
            continue; // held already: a no-op
        entity->held.insert(change.id, heldChange(change)); // a later change's walk to a common base may meet it
        const QStringList base = sorted(change.base);
        if (base == *expected) {
            *expected = QStringList { change.id };
            continue;
        }
        QStringList after = *expected;
        for (const QString &id : base)
            after.removeOne(id);
        after = sorted(after << change.id);
        if (!mergesWithoutHistory(*entity, *state, change, after)) {
            entities << change.entityId;
            continue;
        }
        *expected = std::move(after);
    }
    return entities;
}

QList<Change> completed(const QList<Change> &held, const QList<Change> &fetched)
{
    QSet<QString> ids;
    for (const Change &change : fetched)
        ids.insert(change.id);
    QList<Change> all = fetched;
    for (const Change &change : held) {
        if (!ids.contains(change.id))
            all << change;
    }
    return all;
}

Result<EntityRecord> rebuild(const QList<Change> &changes)
{
    if (changes.isEmpty())
        return Error { u"malformed_change"_s, u"no changes to make a record of"_s };
    ReplicaState state;
    for (const Change &change : changes) {
        if (change.entityId != changes.first().entityId)
            return Error { u"malformed_change"_s, u"a history of %1 holds a change of %2"_s.arg(
                                                          changes.first().entityId, change.entityId) };
        if (auto applied = state.apply(change); !applied)
            return applied.error();
    }
    const EntityRecord *record = state.entity(changes.first().entityId);
    if (!record)
        return Error { u"malformed_change"_s, u"no record of %1"_s.arg(changes.first().entityId) };
    return *record;
}

} // namespace PartialHistory

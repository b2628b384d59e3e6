// SPDX-License-Identifier: GPL-3.0-or-later
#include "changeapplier.h"

#include "common/logging.h"
#include "sync/replicabackend.h"

#include <QHash>
#include <QSet>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

/** Heads ascend by stamp; equal stamps (only a misbehaving device makes them) by change id, so order never depends on arrival. */
bool headBefore(const FieldVersion &a, const FieldVersion &b)
{
    if (const auto order = a.hlc <=> b.hlc; order != 0)
        return order < 0;
    return a.changeId < b.changeId;
}

void insertHead(QList<FieldVersion> &heads, FieldVersion version)
{
    const auto at = std::upper_bound(heads.begin(), heads.end(), version, headBefore);
    heads.insert(at, std::move(version));
}

bool removeSorted(QStringList &list, const QString &value)
{
    const auto at = std::lower_bound(list.begin(), list.end(), value);
    if (at == list.end() || *at != value)
        return false;
    list.erase(at);
    return true;
}

void insertSorted(QStringList &list, const QString &value)
{
    const auto at = std::lower_bound(list.begin(), list.end(), value);
    if (at == list.end() || *at != value)
        list.insert(at, value);
}

/** Adds a received version to a field's heads; see FieldState for the invariant kept. */
void addVersion(ReplicaBackend &backend, FieldState &state, const Change &change)
{
    // A version that an earlier-arrived version was based on is already superseded.
    const bool isHead = !removeSorted(state.pending, change.id);
    for (const QString &base : change.base) {
        if (base == change.id)
            continue;
        const auto head = std::find_if(state.heads.begin(), state.heads.end(),
                                       [&](const FieldVersion &v) { return v.changeId == base; });
        if (head != state.heads.end())
            state.heads.erase(head);
        else if (!backend.findChange(base))
            insertSorted(state.pending, base);
    }
    if (isHead)
        insertHead(state.heads, FieldVersion::fromChange(change));
}

} // namespace

namespace {

using Ancestor = ChangeApplier::Ancestor;
using KnownChanges = QHash<QString, Ancestor>;

/**
 * Every ancestor of a version (not itself), found through base links in the log; nullopt once the walks
 * of one search have visited more than their budget of versions. The visits of a walk are the ancestors
 * it finds, whatever the order or what is cached, so every replica with the same changes decides alike.
 */
std::optional<QSet<QString>> ancestorsOf(const ChangeApplier::AncestorLookup &lookup, KnownChanges &known,
                                         const QString &id, qint64 &budget)
{
    QSet<QString> ancestors;
    QStringList queue { id };
    while (!queue.isEmpty()) {
        if (--budget < 0)
            return std::nullopt;
        const QString current = queue.takeLast();
        auto it = known.find(current);
        if (it == known.end()) {
            auto ancestor = lookup(current);
            if (!ancestor)
                continue; // not received yet: the walk ends here on every replica alike once it arrives
            it = known.insert(current, std::move(ancestor).value());
        }
        budget -= it->unheldAncestors;
        if (budget < 0)
            return std::nullopt;
        for (const QString &base : std::as_const(it->base)) {
            if (!ancestors.contains(base)) {
                ancestors.insert(base);
                queue << base;
            }
        }
    }
    return ancestors;
}

std::optional<QString> commonBaseWithin(const ChangeApplier::AncestorLookup &lookup, const QList<FieldVersion> &heads,
                                       qint64 &budget)
{
    // The nearest common ancestors: common to all heads and not an ancestor of
    // another common one. Usually one. Several arise when people edited a
    // merged text (based on all heads of the merge): their base is then that
    // merge, computed again here exactly as it was computed then.
    KnownChanges known;
    QSet<QString> common;
    for (qsizetype i = 0; i < heads.size(); ++i) {
        const auto ancestors = ancestorsOf(lookup, known, heads[i].changeId, budget);
        if (!ancestors)
            return std::nullopt;
        common = i == 0 ? *ancestors : common.intersect(*ancestors);
    }
    // Common ancestors are closed under ancestry, so one that is an ancestor of another common one is
    // the direct base of some common one: no walk per common ancestor (which costs the square of a long history).
    QSet<QString> nearest = common;
    for (const QString &id : std::as_const(common)) {
        const auto it = known.constFind(id);
        if (it == known.cend()) {
            nearest.remove(id);
            continue;
        }
        for (const QString &base : it->base)
            nearest.remove(base);
    }
    // Only the id, stamp and value of a base take part in ordering and merging.
    QList<FieldVersion> bases;
    for (const QString &id : std::as_const(nearest)) {
        const Ancestor &ancestor = *known.constFind(id);
        FieldVersion version;
        version.changeId = id;
        version.hlc = ancestor.hlc;
        version.value = ancestor.value;
        bases << std::move(version);
    }
    if (bases.isEmpty())
        return QString();
    std::sort(bases.begin(), bases.end(), headBefore);
    if (bases.size() == 1)
        return bases.first().value;
    FieldState merged;
    merged.heads = bases;
    static const FieldSpec text { u"text"_s, FieldType::LongText, {}, {}, 0, Writer::PlanEditor, false };
    std::optional<QString> baseOfBases;
    if (MergeEngine::needsCommonBase(&text, bases)) {
        baseOfBases = commonBaseWithin(lookup, bases, budget);
        if (!baseOfBases)
            return std::nullopt;
    }
    MergeEngine::resolve(&text, merged, baseOfBases.value_or(QString()));
    return merged.value;
}

} // namespace

std::optional<QString> ChangeApplier::commonBaseValue(ReplicaBackend &backend, const QList<FieldVersion> &heads)
{
    return commonBaseValue(
            [&backend](const QString &id) -> std::optional<Ancestor> {
                auto change = backend.findChange(id);
                if (!change)
                    return std::nullopt;
                return Ancestor { std::move(change->base), std::move(change->hlc), std::move(change->value) };
            },
            heads);
}

std::optional<QString> ChangeApplier::commonBaseValue(const AncestorLookup &lookup, const QList<FieldVersion> &heads)
{
    qint64 budget = MergeEngine::maxAncestorVisits;
    return commonBaseWithin(lookup, heads, budget);
}

Result<ApplyOutcome> ChangeApplier::apply(ReplicaBackend &backend, const Change &change)
{
    // Batches are mostly of one entity type: remember the last spec (the schema never changes).
    thread_local const EntitySpec *lastSpec = nullptr;
    if (!lastSpec || lastSpec->name != change.entityType)
        lastSpec = Schema::instance().entity(change.entityType);
    const EntitySpec *spec = lastSpec;
    if (!spec)
        return Error { u"unknown_type"_s, u"unknown entity type '%1'"_s.arg(change.entityType) };
    EntityRecord *record = backend.recordForUpdate(*spec, change.entityId);
    if (!record)
        return Error { u"type_mismatch"_s, u"%1 is not a %2"_s.arg(change.entityId, change.entityType) };
    // One lookup of the field gives both its state and its merge rules (none for the lifecycle register).
    FieldState *state = nullptr;
    const FieldSpec *field = nullptr;
    if (change.field == Change::stateField) {
        state = &record->lifecycle;
    } else if (const int index = spec->fieldIndex(change.field); index >= 0) {
        state = &record->fields[index];
        field = &spec->fields[index];
    }
    if (!state)
        return Error { u"unknown_field"_s, u"%1 has no field '%2'"_s.arg(change.entityType, change.field) };
    if (!backend.appendChange(change))
        return ApplyOutcome::Duplicate;

    addVersion(backend, *state, change);
    const std::optional<QString> commonBase = MergeEngine::needsCommonBase(field, state->heads)
            ? commonBaseValue(backend, state->heads)
            : QString();
    // A base too costly to find: the heads stay a plain conflict, as on every replica with these changes.
    MergeEngine::resolve(field, *state, commonBase.value_or(QString()), commonBase.has_value());
    backend.recordUpdated(*record, change);
    return ApplyOutcome::Applied;
}

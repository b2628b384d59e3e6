// SPDX-License-Identifier: GPL-3.0-or-later
#include "changeapplier.h"

#include "common/logging.h"
#include "sync/replicabackend.h"

#include <QHash>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

void insertHead(QList<FieldVersion> &heads, FieldVersion version)
{
    const auto at = std::upper_bound(heads.begin(), heads.end(), version.hlc,
                                     [](const Hlc &hlc, const FieldVersion &head) { return hlc < head.hlc; });
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

QString ChangeApplier::commonBaseValue(ReplicaBackend &backend, const QList<FieldVersion> &heads)
{
    // Ancestors of each head (walking base links through the log); the common
    // ancestor with the greatest HLC is the nearest, and the same on every replica.
    QHash<QString, int> reachedBy;
    QHash<QString, Change> known;
    for (const FieldVersion &head : heads) {
        QStringList queue { head.changeId };
        QSet<QString> visited;
        while (!queue.isEmpty()) {
            const QString id = queue.takeLast();
            if (visited.contains(id))
                continue;
            visited.insert(id);
            auto change = known.contains(id) ? std::optional<Change>(known.value(id)) : backend.findChange(id);
            if (!change)
                continue;
            known.insert(id, *change);
            if (id != head.changeId)
                ++reachedBy[id];
            queue << change->base;
        }
    }
    const Change *nearest = nullptr;
    for (auto it = reachedBy.cbegin(); it != reachedBy.cend(); ++it) {
        if (it.value() != heads.size())
            continue;
        const Change &candidate = known[it.key()];
        if (!nearest || nearest->hlc < candidate.hlc)
            nearest = &candidate;
    }
    return nearest ? nearest->value : QString();
}

Result<ApplyOutcome> ChangeApplier::apply(ReplicaBackend &backend, const Change &change)
{
    const EntitySpec *spec = Schema::instance().entity(change.entityType);
    if (!spec)
        return Error { u"unknown_type"_s, u"unknown entity type '%1'"_s.arg(change.entityType) };
    EntityRecord *record = backend.recordForUpdate(*spec, change.entityId);
    if (!record)
        return Error { u"type_mismatch"_s, u"%1 is not a %2"_s.arg(change.entityId, change.entityType) };
    FieldState *state = record->state(change.field);
    if (!state)
        return Error { u"unknown_field"_s, u"%1 has no field '%2'"_s.arg(change.entityType, change.field) };
    if (!backend.appendChange(change))
        return ApplyOutcome::Duplicate;

    addVersion(backend, *state, change);
    const FieldSpec *field = change.field == Change::stateField ? nullptr : spec->field(change.field);
    const QString commonBase = MergeEngine::needsCommonBase(field, state->heads)
            ? commonBaseValue(backend, state->heads)
            : QString();
    MergeEngine::resolve(field, *state, commonBase);
    backend.recordUpdated(*record, change);
    return ApplyOutcome::Applied;
}

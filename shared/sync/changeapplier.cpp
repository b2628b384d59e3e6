// SPDX-License-Identifier: GPL-3.0-or-later
#include "changeapplier.h"

#include "common/logging.h"
#include "sync/replicabackend.h"

#include <QHash>
#include <QSet>

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

namespace {

/** Every ancestor of a version (not itself), found through base links in the log. */
QSet<QString> ancestorsOf(ReplicaBackend &backend, QHash<QString, Change> &known, const QString &id)
{
    QSet<QString> ancestors;
    QStringList queue { id };
    while (!queue.isEmpty()) {
        const QString current = queue.takeLast();
        auto it = known.find(current);
        if (it == known.end()) {
            auto change = backend.findChange(current);
            if (!change)
                continue; // not received yet: the walk ends here on every replica alike once it arrives
            it = known.insert(current, *change);
        }
        for (const QString &base : std::as_const(it->base)) {
            if (!ancestors.contains(base)) {
                ancestors.insert(base);
                queue << base;
            }
        }
    }
    return ancestors;
}

} // namespace

QString ChangeApplier::commonBaseValue(ReplicaBackend &backend, const QList<FieldVersion> &heads)
{
    // The nearest common ancestors: common to all heads and not an ancestor of
    // another common one. Usually one. Several arise when people edited a
    // merged text (based on all heads of the merge): their base is then that
    // merge, computed again here exactly as it was computed then.
    QHash<QString, Change> known;
    QSet<QString> common;
    for (qsizetype i = 0; i < heads.size(); ++i) {
        const QSet<QString> ancestors = ancestorsOf(backend, known, heads[i].changeId);
        common = i == 0 ? ancestors : common.intersect(ancestors);
    }
    QSet<QString> nearest = common;
    for (const QString &id : std::as_const(common)) {
        if (!known.contains(id))
            nearest.remove(id);
        else
            nearest.subtract(ancestorsOf(backend, known, id));
    }
    QList<FieldVersion> bases;
    for (const QString &id : std::as_const(nearest))
        bases << FieldVersion::fromChange(known.value(id));
    if (bases.isEmpty())
        return QString();
    std::sort(bases.begin(), bases.end(), [](const FieldVersion &a, const FieldVersion &b) { return a.hlc < b.hlc; });
    if (bases.size() == 1)
        return bases.first().value;
    FieldState merged;
    merged.heads = bases;
    static const FieldSpec text { u"text"_s, FieldType::LongText, {}, {}, 0, Writer::PlanEditor, false };
    MergeEngine::resolve(&text, merged,
                         MergeEngine::needsCommonBase(&text, bases) ? commonBaseValue(backend, bases) : QString());
    return merged.value;
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

// SPDX-License-Identifier: GPL-3.0-or-later
#include "replicastate.h"

#include "sync/statedigest.h"

#include <algorithm>

Result<ApplyOutcome> ReplicaState::apply(const Change &change)
{
    auto valid = validateChange(change);
    if (!valid)
        return valid.error();
    return applyValidated(valid.value());
}

Result<ApplyOutcome> ReplicaState::applyValidated(const Change &change)
{
    return ChangeApplier::apply(*this, change);
}

namespace {
quint32 hashOf(const QString &id)
{
    return quint32(qHash(id, QHashSeed::globalSeed()));
}
} // namespace

template<typename KeyAt>
qsizetype ReplicaState::IdIndex::find(const QString &id, KeyAt keyAt) const
{
    if (m_slots.empty())
        return -1;
    const quint32 hash = hashOf(id);
    const size_t mask = m_slots.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        const Slot &slot = m_slots[i];
        if (slot.position == 0)
            return -1;
        if (slot.hash == hash && keyAt(slot.position - 1) == id)
            return slot.position - 1;
    }
}

template<typename KeyAt>
qsizetype ReplicaState::IdIndex::insert(const QString &id, qsizetype position, KeyAt keyAt)
{
    if (qsizetype(m_slots.size()) < 2 * (m_count + 1))
        grow();
    const quint32 hash = hashOf(id);
    const size_t mask = m_slots.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        Slot &slot = m_slots[i];
        if (slot.position == 0) {
            slot = { hash, quint32(position + 1) };
            ++m_count;
            return position;
        }
        if (slot.hash == hash && keyAt(slot.position - 1) == id)
            return slot.position - 1;
    }
}

void ReplicaState::IdIndex::grow()
{
    // Rehashing reuses the stored hashes: no id is read.
    std::vector<Slot> bigger(std::max<size_t>(64, 2 * m_slots.size()));
    const size_t mask = bigger.size() - 1;
    for (const Slot &slot : m_slots) {
        if (slot.position == 0)
            continue;
        size_t i = slot.hash & mask;
        while (bigger[i].position != 0)
            i = (i + 1) & mask;
        bigger[i] = slot;
    }
    m_slots.swap(bigger);
}

ReplicaState::Entity &ReplicaState::entityEntry(const QString &entityId)
{
    if (m_lastEntity && m_lastEntity->record.id == entityId)
        return *m_lastEntity;
    const qsizetype count = qsizetype(m_entities.size());
    const qsizetype position = m_entityIndex.insert(entityId, count, [this](qsizetype at) -> const QString & {
        return m_entities[at].record.id;
    });
    if (position == count)
        m_entities.emplace_back().record.id = entityId;
    m_lastEntity = &m_entities[position];
    return *m_lastEntity;
}

const ReplicaState::Entity *ReplicaState::findEntity(const QString &entityId) const
{
    const qsizetype position = m_entityIndex.find(entityId, [this](qsizetype at) -> const QString & {
        return m_entities[at].record.id;
    });
    return position < 0 ? nullptr : &m_entities[position];
}

bool ReplicaState::appendChange(const Change &change)
{
    const qsizetype position = m_log.size();
    const auto idAt = [this](qsizetype at) -> const QString & { return m_log.at(at).id; };
    if (m_logIndex.insert(change.id, position, idAt) != position)
        return false;
    m_log.append(change);
    // Each entity's history is a chain through the log: no list per entity to grow.
    Entity &entity = entityEntry(change.entityId);
    m_previousOfEntity.append(entity.lastChange);
    entity.lastChange = position;
    return true;
}

void ReplicaState::putEntity(const EntityRecord &record, const QList<Change> &changes)
{
    for (const Change &change : changes) {
        const qsizetype position = m_logIndex.find(change.id, [this](qsizetype at) -> const QString & {
            return m_log.at(at).id;
        });
        if (position >= 0)
            m_log[position] = change; // the same change, now with its base
        else
            appendChange(change);
    }
    entityEntry(record.id).record = record;
}

bool ReplicaState::hasChange(const QString &changeId) const
{
    return m_logIndex.find(changeId, [this](qsizetype at) -> const QString & { return m_log.at(at).id; }) >= 0;
}

std::optional<Change> ReplicaState::findChange(const QString &changeId)
{
    const qsizetype position = m_logIndex.find(changeId, [this](qsizetype at) -> const QString & {
        return m_log.at(at).id;
    });
    if (position < 0)
        return std::nullopt;
    return m_log.at(position);
}

EntityRecord *ReplicaState::recordForUpdate(const EntitySpec &spec, const QString &entityId)
{
    EntityRecord &record = entityEntry(entityId).record;
    if (!record.spec) {
        record.spec = &spec;
        record.fields.resize(spec.fields.size());
    }
    return record.spec == &spec ? &record : nullptr;
}

void ReplicaState::recordUpdated(EntityRecord &, const Change &) { }

const EntityRecord *ReplicaState::entity(const QString &id) const
{
    const Entity *entry = findEntity(id);
    return entry && entry->record.spec ? &entry->record : nullptr;
}

QList<const EntityRecord *> ReplicaState::entities() const
{
    QList<const EntityRecord *> all;
    all.reserve(qsizetype(m_entities.size()));
    for (const Entity &entry : m_entities) {
        if (!entry.record.isEmpty())
            all.append(&entry.record);
    }
    std::sort(all.begin(), all.end(), [](const EntityRecord *a, const EntityRecord *b) { return a->id < b->id; });
    return all;
}

QList<Conflict> ReplicaState::conflicts() const
{
    QList<Conflict> all;
    for (const EntityRecord *record : entities())
        all << MergeEngine::conflicts(*record);
    return all;
}

QList<Change> ReplicaState::history(const QString &entityId) const
{
    QList<Change> changes;
    const Entity *entry = findEntity(entityId);
    for (qsizetype at = entry ? entry->lastChange : -1; at >= 0; at = m_previousOfEntity.at(at))
        changes.append(m_log.at(at));
    std::reverse(changes.begin(), changes.end());
    return changes;
}

QByteArray ReplicaState::stateDigest(DigestOf what) const
{
    StateDigest digest;
    for (const EntityRecord *record : entities()) {
        QStringList ids;
        for (qsizetype at = findEntity(record->id)->lastChange; what == DigestOf::RecordsAndHistories && at >= 0;
             at = m_previousOfEntity.at(at))
            ids << m_log.at(at).id;
        digest.addEntity(*record, ids);
    }
    return digest.result();
}

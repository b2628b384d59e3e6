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

ReplicaState::Entity &ReplicaState::entityEntry(const QString &entityId)
{
    if (m_lastEntity && m_lastEntity->record.id == entityId)
        return *m_lastEntity;
    const auto [it, inserted] = m_entities.try_emplace(entityId);
    if (inserted)
        it->second.record.id = entityId;
    m_lastEntity = &it->second;
    return it->second;
}

bool ReplicaState::appendChange(const Change &change)
{
    // One hash of the id: a new key grows the index, a known one does not.
    const qsizetype index = m_log.size();
    const qsizetype known = m_logIndex.size();
    qsizetype &slot = m_logIndex[change.id];
    if (m_logIndex.size() == known)
        return false;
    slot = index;
    m_log.append(change);
    entityEntry(change.entityId).history.append(index);
    return true;
}

std::optional<Change> ReplicaState::findChange(const QString &changeId)
{
    const auto it = m_logIndex.constFind(changeId);
    if (it == m_logIndex.cend())
        return std::nullopt;
    return m_log.at(*it);
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
    const auto it = m_entities.find(id);
    return it == m_entities.end() || !it->second.record.spec ? nullptr : &it->second.record;
}

QList<const EntityRecord *> ReplicaState::entities() const
{
    QList<const EntityRecord *> all;
    all.reserve(qsizetype(m_entities.size()));
    for (const auto &[id, entry] : m_entities) {
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
    const auto it = m_entities.find(entityId);
    if (it == m_entities.end())
        return changes;
    changes.reserve(it->second.history.size());
    for (qsizetype index : it->second.history)
        changes.append(m_log.at(index));
    return changes;
}

QByteArray ReplicaState::stateDigest() const
{
    StateDigest digest;
    for (const EntityRecord *record : entities()) {
        QStringList ids;
        for (qsizetype index : m_entities.find(record->id)->second.history)
            ids << m_log.at(index).id;
        digest.addEntity(*record, ids);
    }
    return digest.result();
}

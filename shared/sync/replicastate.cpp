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

bool ReplicaState::appendChange(const Change &change)
{
    const qsizetype index = m_log.size();
    if (m_logIndex.contains(change.id))
        return false;
    m_logIndex.insert(change.id, index);
    m_log.append(change);
    m_historyIndex[change.entityId].append(index);
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
    auto it = m_entities.find(entityId);
    if (it == m_entities.end()) {
        EntityRecord record;
        record.spec = &spec;
        record.id = entityId;
        record.fields.resize(spec.fields.size());
        it = m_entities.emplace(entityId, std::move(record)).first;
    }
    return it->second.spec == &spec ? &it->second : nullptr;
}

void ReplicaState::recordUpdated(EntityRecord &, const Change &) { }

const EntityRecord *ReplicaState::entity(const QString &id) const
{
    const auto it = m_entities.find(id);
    return it == m_entities.end() ? nullptr : &it->second;
}

QList<const EntityRecord *> ReplicaState::entities() const
{
    QList<const EntityRecord *> all;
    all.reserve(qsizetype(m_entities.size()));
    for (const auto &[id, record] : m_entities) {
        if (!record.isEmpty())
            all.append(&record);
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
    for (qsizetype index : m_historyIndex.value(entityId))
        changes.append(m_log.at(index));
    return changes;
}

QByteArray ReplicaState::stateDigest() const
{
    StateDigest digest;
    for (const EntityRecord *record : entities()) {
        QStringList ids;
        for (qsizetype index : m_historyIndex.value(record->id))
            ids << m_log.at(index).id;
        digest.addEntity(*record, ids);
    }
    return digest.result();
}

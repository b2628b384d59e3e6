// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/changeapplier.h"
#include "sync/replicabackend.h"

#include <QHash>
#include <QList>

#include <unordered_map>

/**
 * A replica held entirely in memory: the merge engine's reference
 * implementation, used by the convergence tests and the benchmark. Applies
 * changes by the same ChangeApplier as the SQLite store.
 */
class ReplicaState final : public ReplicaBackend
{
public:
    ReplicaState() = default;
    Q_DISABLE_COPY_MOVE(ReplicaState)

    /** Validates and applies one change. */
    Result<ApplyOutcome> apply(const Change &change);
    /** Applies a change that has already passed validateChange(). */
    Result<ApplyOutcome> applyValidated(const Change &change);

    [[nodiscard]] const EntityRecord *entity(const QString &id) const;
    /** Every entity, ascending by id. */
    [[nodiscard]] QList<const EntityRecord *> entities() const;
    [[nodiscard]] QList<Conflict> conflicts() const;
    /** Every change of one entity, in the order received. */
    [[nodiscard]] QList<Change> history(const QString &entityId) const;
    [[nodiscard]] const QList<Change> &log() const { return m_log; }
    [[nodiscard]] bool hasChange(const QString &changeId) const { return m_logIndex.contains(changeId); }
    [[nodiscard]] QByteArray stateDigest() const;

    // ReplicaBackend
    bool appendChange(const Change &change) override;
    std::optional<Change> findChange(const QString &changeId) override;
    EntityRecord *recordForUpdate(const EntitySpec &spec, const QString &entityId) override;
    void recordUpdated(EntityRecord &record, const Change &change) override;

private:
    struct Entity
    {
        EntityRecord record; ///< spec is null while only appendChange() has named the entity
        QList<qsizetype> history; ///< indexes into m_log, in the order received
    };

    Entity &entityEntry(const QString &entityId);

    std::unordered_map<QString, Entity> m_entities; // node-based: entries keep their address
    /** The entry last looked up: a create is followed by a change per field of the same entity. */
    Entity *m_lastEntity = nullptr;
    QList<Change> m_log;
    QHash<QString, qsizetype> m_logIndex;
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/changeapplier.h"
#include "sync/replicabackend.h"
#include "sync/statedigest.h"

#include <QHash>
#include <QList>

#include <deque>
#include <vector>

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
    [[nodiscard]] bool hasChange(const QString &changeId) const;
    [[nodiscard]] QByteArray stateDigest(DigestOf what = DigestOf::RecordsAndHistories) const;
    /**
     * Puts an entity's record in place as it is, and its changes into the log
     * (one already logged is replaced by the given one of the same id): how a
     * compact bootstrap and a history fetched later arrive (PartialHistory).
     */
    void putEntity(const EntityRecord &record, const QList<Change> &changes);

    // ReplicaBackend
    bool appendChange(const Change &change) override;
    std::optional<Change> findChange(const QString &changeId) override;
    EntityRecord *recordForUpdate(const EntitySpec &spec, const QString &entityId) override;
    void recordUpdated(EntityRecord &record, const Change &change) override;

private:
    struct Entity
    {
        EntityRecord record; ///< spec is null while only appendChange() has named the entity
        qsizetype lastChange = -1; ///< position in m_log of its latest change
    };

    /**
     * Ids to positions, by open addressing over (hash, position) pairs: the ids
     * themselves stay where they are (in the log or the records), and a probe
     * only reads an id when the full hash matches. Cheaper than a QHash of
     * copied keys for the hundreds of thousands of ids in a log.
     */
    class IdIndex
    {
    public:
        /** The position stored for id, or -1; keyAt(position) is the id at a position. */
        template<typename KeyAt>
        qsizetype find(const QString &id, KeyAt keyAt) const;
        /** Stores position for id unless it is there; returns the position stored for id. */
        template<typename KeyAt>
        qsizetype insert(const QString &id, qsizetype position, KeyAt keyAt);

    private:
        struct Slot
        {
            quint32 hash = 0;
            quint32 position = 0; ///< position + 1; 0 marks an empty slot
        };
        void grow();
        std::vector<Slot> m_slots; ///< a power of two in size, at most half full
        qsizetype m_count = 0;
    };

    Entity &entityEntry(const QString &entityId);
    const Entity *findEntity(const QString &entityId) const;

    std::deque<Entity> m_entities; // stable addresses: records handed out stay valid
    IdIndex m_entityIndex;
    /** The entry last looked up: a create is followed by a change per field of the same entity. */
    Entity *m_lastEntity = nullptr;
    QList<Change> m_log;
    IdIndex m_logIndex;
    QList<qsizetype> m_previousOfEntity; ///< per log position: the entity's change before it, or -1
};

// SPDX-License-Identifier: GPL-3.0-or-later
#include "snapshotimport.h"

#include "storage/changelog.h"
#include "storage/partialhistories.h"
#include "sync/partialhistory.h"
#include "storage/recordcache.h"
#include "storage/statementcache.h"
#include "storage/storerows.h"

using namespace Qt::Literals::StringLiterals;
using namespace StoreRows;

void SnapshotImport::run(const QList<SnapshotEntity> &entities)
{
    ReplicaStore &store = m_store;
    std::optional<Error> &failure = store.m_failure;
    if (store.m_statements->sqlite() && !store.m_log->indexesDeferred() && !entities.isEmpty())
        store.m_log->deferIndexesIfEmpty();
    QSqlQuery &known = store.m_statements->statement(StatementCache::Statement::EntityKey);
    for (const SnapshotEntity &entity : entities) {
        if (failure)
            break;
        bool here = store.m_records->find(entity.record.id) != nullptr;
        if (!here) {
            bind(known, 0, entity.record.id);
            if (!known.exec()) {
                failure = sqlError(u"cannot read %1"_s.arg(entity.record.id), known.lastError());
                break;
            }
            here = known.next();
            known.finish();
        }
        if (!here) {
            // Not here yet (the usual case): copied as it is and written straight
            // through, without loading, merging or keeping a record. Without a
            // history its heads stand for it until it is fetched.
            if (entity.historyOmitted) {
                const QList<Change> heads = PartialHistory::headChanges(entity.record);
                for (const Change &change : heads)
                    store.m_log->appendImported(change);
                store.m_partial->add(entity.record.id, heads, false, entity.historyLength);
            }
            for (const Change &change : entity.history)
                store.m_log->appendImported(change);
            CachedRecord fresh;
            fresh.record = entity.record;
            fresh.dirty = true;
            if (!failure)
                store.flush(fresh);
            if (failure)
                break;
            continue;
        }
        if (!merge(entity))
            break;
    }
}

bool SnapshotImport::merge(const SnapshotEntity &entity)
{
    ReplicaStore &store = m_store;
    std::optional<Error> &failure = store.m_failure;
    const EntitySpec &spec = *entity.record.spec;
    // Merging looks changes up by id: with the indexes only.
    if (!store.m_log->restoreIndexes()) {
        failure = sqlError(u"cannot index the change log"_s, store.m_db.lastError());
        return false;
    }
    CachedRecord *cached = store.cachedRecord(spec, entity.record.id);
    if (!cached || cached->record.spec != &spec) {
        if (!failure)
            failure = Error { u"type_mismatch"_s, u"%1 is not a %2"_s.arg(entity.record.id, spec.name) };
        return false;
    }
    if (entity.historyOmitted) {
        // Here already (edits made before the first sync) and sent without history: no merge
        // from heads alone could be exact. Unless it holds every head, its history is fetched
        // and its record made again before the first pull (ReplicaStore::completeHistory).
        const QList<Change> heads = PartialHistory::headChanges(entity.record);
        const bool held = std::all_of(heads.cbegin(), heads.cend(),
                                      [&](const Change &head) { return store.m_log->find(head.id).has_value(); });
        if (!held)
            store.m_partial->add(entity.record.id, {}, true);
        return !failure;
    }
    if (cached->stored || !cached->record.isEmpty()) {
        // Edited here before the first sync: merge, so those edits stay.
        for (const Change &change : entity.history) {
            auto valid = validateChange(change);
            if (valid)
                Q_UNUSED(ChangeApplier::apply(store, valid.value()));
        }
    } else {
        for (const Change &change : entity.history)
            store.appendChange(change);
        cached->record = entity.record;
        store.recordUpdated(cached->record, Change());
    }
    return !failure;
}

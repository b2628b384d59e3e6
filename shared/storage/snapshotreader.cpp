// SPDX-License-Identifier: GPL-3.0-or-later
#include "snapshotreader.h"

#include "storage/statementcache.h"
#include "storage/storerows.h"

#include <QCryptographicHash>
#include <QScopeGuard>

using namespace Qt::Literals::StringLiterals;
using namespace StoreRows;

namespace {
/** A history row (the columns changeFromRow reads) as UTF-8 views, valid until the next row. */
StoredChangeText storedChangeText(const SqliteStatement &row, std::array<QByteArray, 11> &)
{
    return { row.utf8(0), row.utf8(1), row.utf8(2), row.utf8(3), row.utf8(4), row.utf8(5),
             row.utf8(6), row.utf8(7), row.utf8(8), row.utf8(9), row.utf8(10), row.utf8(5).isNull() };
}
/** The same from a QSqlQuery (PostgreSQL), whose values are converted into `columns` first. */
StoredChangeText storedChangeText(const QSqlQuery &row, std::array<QByteArray, 11> &columns)
{
    for (int i = 0; i < int(columns.size()); ++i)
        columns[size_t(i)] = row.value(i).toString().toUtf8();
    return { columns[0], columns[1], columns[2], columns[3], columns[4],  columns[5],
             columns[6], columns[7], columns[8], columns[9], columns[10], row.isNull(5) };
}
} // namespace

Result<SnapshotPage> SnapshotReader::page(qint64 afterKey, int limit, const ReadScope &scope, int maxChanges,
                                          SnapshotWriter *writer, bool withHistories)
{
    // One read transaction: each record is consistent with its history.
    QSqlDatabase &db = m_statements.database();
    if (!db.transaction())
        return sqlError(u"cannot begin a snapshot"_s, db.lastError());
    auto done = qScopeGuard([&db] { db.commit(); });
    if (m_statements.isPostgres()) {
        // Read committed would let another server process commit between reading a record and its history.
        QSqlQuery isolation(db);
        if (!isolation.exec(u"SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"_s))
            return sqlError(u"cannot read a snapshot"_s, isolation.lastError());
    }
    // A few set-based reads per page, not two per entity: the page's entities with the length of
    // their histories (so the page can end early), the records per entity type, then all histories.
    SnapshotPage page;
    // In the page's own read: the name says exactly what this page was read with.
    if (auto named = readSet(scope))
        page.readSet = named.value();
    else
        return named.error();
    QHash<QString, qsizetype> positions; // entity id → index in page.entities
    QList<const EntitySpec *> types;
    qint64 changes = 0;
    {
        // Without histories a page is bounded by its entities alone, and tells each history's length
        // instead: what merging from the heads alone could cost is bounded by it (PartialHistory).
        const QString sql = u"SELECT e.key, e.id, e.type, (SELECT count(*) FROM changes c WHERE c.entity_id = e.id) "
                            "FROM entities e WHERE e.key > ? AND %1 ORDER BY e.key LIMIT ?"_s.arg(
                                    QLatin1String(readableSql));
        const std::optional<Error> failed = m_statements.withQuery(sql, [&](auto &q) -> std::optional<Error> {
            q.bindValue(0, afterKey);
            q.bindValue(1, scope.everything ? 1 : 0);
            q.bindValue(2, scope.municipalityId);
            q.bindValue(3, scope.municipalityId);
            q.bindValue(4, limit);
            if (!runQuery(q))
                return sqlError(u"cannot read entities"_s, q.lastError());
            while (q.next()) {
                const qint64 historySize = columnInteger(q, 3);
                if (withHistories && !page.entities.isEmpty() && changes + historySize > maxChanges) {
                    page.more = true;
                    break;
                }
                changes += historySize;
                SnapshotEntity entity;
                entity.key = columnInteger(q, 0);
                if (!withHistories)
                    entity.historyLength = historySize;
                entity.record.id = columnText(q, 1);
                entity.record.spec = Schema::instance().entity(columnText(q, 2));
                if (!entity.record.spec) {
                    q.finish();
                    return Error { u"storage_error"_s, u"%1 has an unknown type"_s.arg(entity.record.id) };
                }
                if (!types.contains(entity.record.spec))
                    types << entity.record.spec;
                positions.insert(entity.record.id, page.entities.size());
                page.entities.append(std::move(entity));
            }
            if (auto error = endOfRows(q))
                return sqlError(u"cannot read entities"_s, *error);
            return std::nullopt;
        });
        if (failed)
            return *failed;
    }
    page.more = page.more || page.entities.size() == limit;
    page.next = page.entities.isEmpty() ? afterKey : page.entities.last().key;
    if (writer)
        writer->bounds(page);
    if (page.entities.isEmpty())
        return page;

    // The same range and scope as above, in the same transaction: exactly the page's entities.
    const QString range = u"e.key > ? AND e.key <= ? AND %1"_s.arg(QLatin1String(readableSql));
    auto bindRange = [&](auto &q) {
        q.bindValue(0, afterKey);
        q.bindValue(1, page.next);
        q.bindValue(2, scope.everything ? 1 : 0);
        q.bindValue(3, scope.municipalityId);
        q.bindValue(4, scope.municipalityId);
    };
    std::vector<bool> loaded(size_t(page.entities.size()), false);
    for (const EntitySpec *spec : std::as_const(types)) {
        QStringList columns;
        for (const FieldSpec &field : spec->fields)
            columns << u"t.\"%1\""_s.arg(field.name);
        const QString sql = u"SELECT t.id, %1, t._state, t._meta FROM entities e JOIN \"%2\" t ON t.id = e.id "
                            "WHERE %3 AND e.type = ?"_s.arg(columns.join(u", "_s), spec->table, range);
        const std::optional<Error> failed = m_statements.withQuery(sql, [&](auto &q) -> std::optional<Error> {
            bindRange(q);
            q.bindValue(5, spec->name);
            if (!runQuery(q))
                return sqlError(u"cannot read entities"_s, q.lastError());
            while (q.next()) {
                const qsizetype at = positions.value(columnText(q, 0), -1);
                if (at < 0 || loaded[size_t(at)])
                    continue;
                EntityRecord &record = page.entities[at].record;
                if (!readRecord(q, 1, record)) {
                    q.finish();
                    return Error { u"replica_corrupt"_s, u"merge state of %1 is damaged"_s.arg(record.id) };
                }
                loaded[size_t(at)] = true;
            }
            if (auto error = endOfRows(q))
                return sqlError(u"cannot read entities"_s, *error);
            return std::nullopt;
        });
        if (failed)
            return *failed;
    }
    for (qsizetype i = 0; i < page.entities.size(); ++i) {
        if (!loaded[size_t(i)])
            return Error { u"storage_error"_s, u"cannot read %1"_s.arg(page.entities[i].record.id) };
    }
    if (!withHistories) {
        for (SnapshotEntity &entity : page.entities) {
            entity.historyOmitted = true;
            if (writer)
                writer->entity(entity);
        }
        return page;
    }

    // Rows come entity by entity in key order, as the page: no lookup per change.
    const QString sql = u"SELECT %1 FROM entities e JOIN changes c ON c.entity_id = e.id WHERE %2 "
                        "ORDER BY e.key, c.seq"_s.arg(u"c.change_id, c.op, c.entity_type, c.entity_id, c.field, "
                                                      "c.value, c.hlc, c.device, c.author, c.base, c.seen"_s,
                                                      range);
    const std::optional<Error> failed = m_statements.withQuery(sql, [&](auto &q) -> std::optional<Error> {
        bindRange(q);
        if (!runQuery(q))
            return sqlError(u"cannot read histories"_s, q.lastError());
        qsizetype at = 0;
        // The entity a row belongs to: the one at `at` or a later one (rows come in page order).
        auto advanceTo = [&](auto entityId) {
            while (at < page.entities.size() && !QAnyStringView::equal(page.entities[at].record.id, entityId))
                ++at;
            return at < page.entities.size();
        };
        // With a writer: entities before `written` are complete (their histories came before them).
        qsizetype written = 0;
        auto writeEntitiesBefore = [&](qsizetype end) {
            for (; written < end; ++written)
                writer->entity(page.entities[written]);
        };
        std::array<QByteArray, 11> columns; // a QSqlQuery row as UTF-8
        const Error outOfOrder { u"storage_error"_s, u"the histories of the page are out of order"_s };
        while (q.next()) {
            if (writer) {
                // Straight from the row's UTF-8 to the writer: no change is built.
                const StoredChangeText change = storedChangeText(q, columns);
                if (!advanceTo(change.entityId)) {
                    q.finish();
                    return outOfOrder;
                }
                writeEntitiesBefore(at);
                writer->change(change);
                continue;
            }
            Change change = changeFromRow(q, 0);
            if (!advanceTo(QStringView(change.entityId))) {
                q.finish();
                return outOfOrder;
            }
            page.entities[at].history.append(std::move(change));
        }
        if (auto error = endOfRows(q))
            return sqlError(u"cannot read histories"_s, *error);
        if (writer)
            writeEntitiesBefore(page.entities.size());
        return std::nullopt;
    });
    if (failed)
        return *failed;
    return page;
}

Result<QString> SnapshotReader::readSet(const ReadScope &scope)
{
    if (scope.everything)
        return u"*"_s;
    // The parts of readableSql that differ between municipalities: entities without a scope are everyone's.
    // Entities are never removed (deleted ones stay as tombstones), so a review scope that is empty now was
    // empty at every earlier read too.
    QCryptographicHash digest(QCryptographicHash::Sha256);
    const std::pair<const char *, QString> parts[] = {
        { "plans", u"SELECT id FROM plans WHERE municipality = ? OR shared = 1 ORDER BY id"_s },
        { "reviews", u"SELECT p.id FROM plans p WHERE p.municipality = ? AND EXISTS "
                     "(SELECT 1 FROM entities e WHERE e.scope = 'review/' || p.id) ORDER BY p.id"_s },
    };
    for (const auto &[name, sql] : parts) {
        digest.addData(QByteArrayView(name));
        const std::optional<Error> failed = m_statements.withQuery(sql, [&](auto &q) -> std::optional<Error> {
            q.bindValue(0, scope.municipalityId);
            if (!runQuery(q))
                return sqlError(u"cannot read the readable plans"_s, q.lastError());
            while (q.next())
                digest.addData(QByteArray(":" + columnText(q, 0).toUtf8()));
            if (auto error = endOfRows(q))
                return sqlError(u"cannot read the readable plans"_s, *error);
            return std::nullopt;
        });
        if (failed)
            return *failed;
        digest.addData(QByteArrayView(";"));
    }
    return QString::fromLatin1(digest.result().toHex());
}

Result<EntityHistories> SnapshotReader::histories(const QStringList &entityIds, const ReadScope &scope, int maxChanges)
{
    EntityHistories out;
    if (entityIds.isEmpty())
        return out;
    QSqlDatabase &db = m_statements.database();
    if (!db.transaction())
        return sqlError(u"cannot begin reading histories"_s, db.lastError());
    auto done = qScopeGuard([&db] { db.commit(); });
    QStringList marks;
    marks.fill(u"?"_s, entityIds.size());
    const QString sql = u"SELECT c.change_id, c.op, c.entity_type, c.entity_id, c.field, c.value, c.hlc, c.device, "
                        "c.author, c.base, c.seen FROM entities e JOIN changes c ON c.entity_id = e.id "
                        "WHERE e.id IN (%1) AND %2 ORDER BY e.key, c.seq"_s.arg(marks.join(u','), QLatin1String(readableSql));
    const std::optional<Error> failed = m_statements.withQuery(sql, [&](auto &q) -> std::optional<Error> {
        int at = 0;
        for (const QString &id : entityIds)
            q.bindValue(at++, id);
        q.bindValue(at++, scope.everything ? 1 : 0);
        q.bindValue(at++, scope.municipalityId);
        q.bindValue(at++, scope.municipalityId);
        if (!runQuery(q))
            return sqlError(u"cannot read histories"_s, q.lastError());
        qint64 changes = 0;
        while (q.next()) {
            Change change = changeFromRow(q, 0);
            if (out.histories.isEmpty() || out.histories.last().first != change.entityId) {
                // Whole histories only: stop at an entity's first change once the bound is reached.
                if (!out.histories.isEmpty() && changes >= maxChanges) {
                    out.more = true;
                    q.finish();
                    return std::nullopt;
                }
                out.histories.append({ change.entityId, {} });
            }
            ++changes;
            out.histories.last().second.append(std::move(change));
        }
        if (auto error = endOfRows(q))
            return sqlError(u"cannot read histories"_s, *error);
        return std::nullopt;
    });
    if (failed)
        return *failed;
    return out;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "replicasalvage.h"

#include "storage/storeconnection.h"
#include "storage/storerows.h"

#include <QSet>

#include <functional>
#include <limits>

using namespace Qt::Literals::StringLiterals;
using namespace StoreRows;

namespace {

/**
 * Reads the rows of a rowid table of a damaged file in rowid order, skipping
 * the ranges that lie on unreadable pages: a seek by rowid past a damaged leaf
 * still finds the leaves after it. sql selects the rowid first, takes
 * "rowid >= ?" and a LIMIT. True if no part was skipped.
 */
bool scanReadable(QSqlDatabase &db, const QString &sql, int limit, const std::function<void(const QSqlQuery &)> &row)
{
    constexpr qint64 maxRowid = std::numeric_limits<qint64>::max() / 2;
    // Can a seek to rowid `from` be made? (The rows from there on may still fail further along.)
    auto seekable = [&](qint64 from) {
        QSqlQuery probe(db);
        probe.setForwardOnly(true);
        if (!probe.prepare(sql))
            return false;
        probe.bindValue(0, from);
        if (!probe.exec())
            return false;
        probe.next();
        return !probe.lastError().isValid();
    };
    bool complete = true;
    qint64 from = 0;
    while (from < maxRowid) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.prepare(sql))
            return false; // the table itself cannot be found: nothing of it is readable
        q.bindValue(0, from);
        int rows = 0;
        qint64 last = from - 1;
        bool failed = !q.exec();
        while (!failed && q.next()) {
            const qint64 rowid = q.value(0).toLongLong();
            if (rowid <= last) { // a page of garbage that looks like a table page
                failed = true;
                break;
            }
            last = rowid;
            row(q);
            ++rows;
        }
        failed = failed || q.lastError().isValid();
        if (!failed) {
            if (rows < limit)
                return complete;
            from = last + 1;
            continue;
        }
        complete = false;
        // Damage at `bad`: find the first rowid past it that can be sought (doubling, then bisecting).
        const qint64 bad = last + 1;
        qint64 step = 1;
        while (bad + step < maxRowid && !seekable(bad + step))
            step *= 2;
        if (bad + step >= maxRowid)
            return false;
        qint64 failing = bad + step / 2, good = bad + step;
        if (step == 1)
            failing = bad;
        while (good - failing > 1) {
            const qint64 middle = failing + (good - failing) / 2;
            (seekable(middle) ? good : failing) = middle;
        }
        from = good;
    }
    return complete;
}

} // namespace

QList<Change> ReplicaSalvage::salvageOutbox(const QString &damagedFile, const QString &ownDevice, bool *complete)
{
    QList<Change> salvaged;
    bool whole = true;
    const QString name = StoreConnection::uniqueName(u"salvage"_s);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(damagedFile);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (db.open()) {
            // Table by table, row by row, not one join: a join stops at the first bad page of
            // either table (or of an index it uses); NOT INDEXED keeps the indexes out of it.
            constexpr int pageRows = 256;
            QSet<QString> queued;
            const bool outboxWhole = scanReadable(
                    db, u"SELECT rowid, change_id FROM outbox NOT INDEXED WHERE rowid >= ? ORDER BY rowid LIMIT %1"_s.arg(pageRows),
                    pageRows, [&](const QSqlQuery &q) { queued.insert(q.value(1).toString()); });
            const bool changesWhole = scanReadable(
                    db, u"SELECT seq, %1 FROM changes NOT INDEXED WHERE seq >= ? ORDER BY seq LIMIT %2"_s.arg(
                                QLatin1String(changeColumns)).arg(pageRows),
                    pageRows, [&](const QSqlQuery &q) {
                        const Change change = changeFromRow(q, 1);
                        // A partly unreadable outbox no longer says which of our changes are unsynced:
                        // queue all of this device's; the server takes the ones it has as duplicates.
                        if (!queued.contains(change.id) && (outboxWhole || ownDevice.isEmpty() || change.device != ownDevice))
                            return;
                        if (auto valid = validateChange(change))
                            salvaged << valid.value();
                    });
            whole = outboxWhole && changesWhole;
        } else {
            whole = false;
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    if (complete)
        *complete = whole;
    return salvaged;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "storeidentity.h"

#include "common/logging.h"
#include "serversql.h"
#include "storage/replicastore.h"
#include "sync/localeditor.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRandomGenerator>

using namespace Qt::Literals::StringLiterals;

namespace {
const QString epochKey = u"epoch"_s;
/** Set in a backup file only: the epoch it was taken in. The first open after a restore starts a new one. */
const QString restorePendingKey = u"restore_pending"_s;
const QString restoredFromKey = u"restored_from"_s;
const QString restoredAtKey = u"restored_at"_s;
/** The key of the seals on changes (ChangeSeal): made once with the store, kept by its backups. */
const QString sealKeyKey = u"seal_key"_s;
} // namespace

Result<StoreIdentity> StoreIdentity::load(QSqlDatabase db, ReplicaStore &replica)
{
    auto read = [&db]() -> Result<QHash<QString, QString>> {
        QSqlQuery query(db);
        if (!query.exec(u"SELECT key, value FROM store_identity"_s))
            return ServerSql::error(query);
        QHash<QString, QString> values;
        while (query.next())
            values.insert(query.value(0).toString(), query.value(1).toString());
        return values;
    };
    auto values = read();
    if (!values)
        return values.error();
    const QString pending = values->value(restorePendingKey);
    if (values->value(epochKey).isEmpty() || !pending.isEmpty()) {
        // A new store, or the first open of a backup put in place: a new epoch, so that every client
        // learns the log may lack what it had seen (docs/protocol.md, "Restore").
        if (!db.transaction())
            return Error { u"storage_error"_s, db.lastError().text() };
        QSqlQuery query(db);
        QList<QPair<QString, QString>> writes { { epochKey, LocalEditor::newId() } };
        if (!pending.isEmpty())
            writes << QPair { restoredFromKey, pending }
                   << QPair { restoredAtKey, QString::number(replica.lastSequence()) };
        bool ok = true;
        for (const auto &[key, value] : std::as_const(writes)) {
            // A new store's epoch: the first of several processes starting at once wins (PostgreSQL).
            query.prepare(pending.isEmpty() ? u"INSERT INTO store_identity (key, value) VALUES (?, ?) "
                                              "ON CONFLICT (key) DO NOTHING"_s
                                            : u"INSERT INTO store_identity (key, value) VALUES (?, ?) "
                                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
            query.addBindValue(key);
            query.addBindValue(value);
            ok = ok && query.exec();
        }
        ok = ok && query.exec(u"DELETE FROM store_identity WHERE key = '%1'"_s.arg(restorePendingKey));
        if (!ok || !db.commit()) {
            const Error error = ServerSql::error(query);
            db.rollback();
            return error;
        }
        if (!pending.isEmpty())
            qCWarning(lcServer).noquote()
                << "this store was restored from a backup of epoch" << pending << "at sequence"
                << replica.lastSequence() << "; clients will send again what it lacks";
        values = read();
        if (!values)
            return values.error();
    }
    if (values->value(sealKeyKey).isEmpty()) {
        // A store made before seals: one key from now on (the first of several processes wins).
        QByteArray key(32, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()), key.size() / 4);
        QSqlQuery query(db);
        query.prepare(
            u"INSERT INTO store_identity (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING"_s);
        query.addBindValue(sealKeyKey);
        query.addBindValue(QString::fromLatin1(key.toHex()));
        if (!query.exec())
            return ServerSql::error(query);
        values = read();
        if (!values)
            return values.error();
    }
    return StoreIdentity { values->value(epochKey), values->value(restoredFromKey),
        values->value(restoredAtKey).toLongLong(),
        QByteArray::fromHex(values->value(sealKeyKey).toLatin1()) };
}

namespace {

/** The mark of a copy: its next load() starts a new epoch, restored from this one. */
Status writeRestoreMark(QSqlDatabase db, const QString &epoch)
{
    QSqlQuery query(db);
    query.prepare(u"INSERT INTO store_identity (key, value) VALUES (?, ?) "
                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
    query.addBindValue(restorePendingKey);
    query.addBindValue(epoch);
    return query.exec() ? Status(Ok {}) : Status(ServerSql::error(query));
}

} // namespace

Status StoreIdentity::markRestored(QSqlDatabase db) const
{
    return writeRestoreMark(db, epoch);
}

Status StoreIdentity::backUp(QSqlDatabase db, const QString &file) const
{
    // VACUUM INTO copies one consistent snapshot while the server goes on writing.
    QSqlQuery query(db);
    query.prepare(u"VACUUM INTO ?"_s);
    query.addBindValue(QFileInfo(file).absoluteFilePath());
    if (!query.exec())
        return ServerSql::error(query);
    QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner); // as private as the store itself
    // The copy remembers the epoch it was taken in; put in place, it starts a new one (load()).
    const QString name = u"backup-%1"_s.arg(LocalEditor::newId().left(8));
    Status marked = Ok {};
    {
        QSqlDatabase copy = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        copy.setDatabaseName(QFileInfo(file).absoluteFilePath());
        marked = copy.open() ? writeRestoreMark(copy, epoch)
                             : Status(Error { u"storage_error"_s, copy.lastError().text() });
        copy.close();
    }
    QSqlDatabase::removeDatabase(name);
    if (!marked)
        QFile::remove(file); // a copy that would not start a new epoch must not be restored
    return marked;
}

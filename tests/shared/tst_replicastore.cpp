// SPDX-License-Identifier: GPL-3.0-or-later
#include "helpers/sampleplan.h"
#include "storage/replicastore.h"
#include "storage/storeaccess.h"
#include "sync/mergeengine.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

QVariant scalar(ReplicaStore &store, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery query(StoreAccess::database(store));
    query.prepare(sql);
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values[i]);
    if (!query.exec() || !query.next())
        return QVariant();
    return query.value(0);
}

const QString changeIndexCount = u"SELECT count(*) FROM sqlite_master WHERE type = 'index' "
                                 "AND name IN ('changes_by_id', 'changes_by_entity_time', 'changes_by_device')"_s;
constexpr int changeIndexes = 3;

std::unique_ptr<ReplicaStore> openStore(const QString &path)
{
    auto store = ReplicaStore::open(path);
    if (!store)
        qWarning() << store.errorMessage();
    return store ? std::move(store).value() : nullptr;
}

} // namespace

class TestReplicaStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void newFileIsWalWithForeignKeys();
    void refusesFilesItCannotTrust_data();
    void refusesFilesItCannotTrust();
    void matchesTheInMemoryReplica();
    void plainSqlReadsTheCurrentState();
    void batchIsAllOrNothing();
    void invalidChangesAreRejectedValidOnesKept();
    void reapplyingIsANoOp();
    void anotherWriterIsNoticed();
    void historyAndConflictsSurviveReopening();
    void searchFindsTextAcrossPlans();
    void migratesAVersion1Replica();
    void bootstrapBuildsTheChangeIndexesOnce();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString path(const QString &name) const { return m_dir->filePath(name); }
};

void TestReplicaStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestReplicaStore::newFileIsWalWithForeignKeys()
{
    auto store = openStore(path(u"new.sqlite"_s));
    QVERIFY(store);
    QCOMPARE(scalar(*store, u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
    QCOMPARE(scalar(*store, u"PRAGMA foreign_keys"_s).toInt(), 1);
    QCOMPARE(scalar(*store, u"PRAGMA user_version"_s).toInt(), ReplicaStore::schemaVersion);
    QCOMPARE(scalar(*store, u"PRAGMA application_id"_s).toInt(), ReplicaStore::applicationId);
}

void TestReplicaStore::refusesFilesItCannotTrust_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expectedCode");
    QTest::addRow("a text file") << u"text"_s << u"not_a_replica"_s;
    QTest::addRow("another program's SQLite database") << u"foreign"_s << u"not_a_replica"_s;
    QTest::addRow("a damaged replica") << u"damaged"_s << u"replica_corrupt"_s;
    QTest::addRow("a replica from a newer version") << u"newer"_s << u"replica_too_new"_s;
}

void TestReplicaStore::refusesFilesItCannotTrust()
{
    QFETCH(QString, kind);
    QFETCH(QString, expectedCode);
    const QString file = path(u"suspect.sqlite"_s);
    if (kind == u"text"_s) {
        QFile text(file);
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("Protokoll Werkstatttreffen Süd\n");
    } else if (kind == u"foreign"_s) {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"foreign"_s);
        db.setDatabaseName(file);
        QVERIFY(db.open());
        QSqlQuery(db).exec(u"CREATE TABLE addresses (name TEXT)"_s);
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"foreign"_s);
    } else {
        {
            auto store = openStore(file);
            QVERIFY(store);
            SamplePlan plan;
            QVERIFY(store->applyBatch(plan.changes));
            if (kind == u"newer"_s)
                QSqlQuery(StoreAccess::database(*store)).exec(u"PRAGMA user_version = 99"_s);
            QSqlQuery(StoreAccess::database(*store)).exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
        }
        if (kind == u"damaged"_s) {
            // Overwrite pages in the middle of the file, keeping the header intact.
            QFile damaged(file);
            QVERIFY(damaged.open(QIODevice::ReadWrite));
            QVERIFY(damaged.size() > 8192);
            damaged.seek(4096);
            damaged.write(QByteArray(damaged.size() - 4096 - 1024, '\x5a'));
        }
    }
    const QByteArray before = fileHash(file);
    auto store = ReplicaStore::open(file);
    QVERIFY(!store);
    QCOMPARE(store.errorCode(), expectedCode);
    QVERIFY2(store.errorMessage().contains(file), qPrintable(store.errorMessage()));
    QCOMPARE(fileHash(file), before); // refused and left as it was
}

void TestReplicaStore::matchesTheInMemoryReplica()
{
    SamplePlan plan;
    auto store = openStore(path(u"r.sqlite"_s));
    QVERIFY(store);
    const auto outcome = store->applyBatch(plan.changes);
    QVERIFY(outcome);
    QCOMPARE(outcome->applied, plan.changes.size());
    QCOMPARE(store->stateDigest(), plan.state.stateDigest());
    QCOMPARE(store->conflicts(), plan.state.conflicts());
}

void TestReplicaStore::plainSqlReadsTheCurrentState()
{
    SamplePlan plan;
    auto store = openStore(path(u"r.sqlite"_s));
    QVERIFY(store);
    QVERIFY(store->applyBatch(plan.changes));
    QSqlQuery q(StoreAccess::database(*store));
    QVERIFY(q.exec(u"SELECT status, budget, themes, start_date, description, _state FROM measures "
                   "WHERE id = 'measure-1'"_s));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), u"planned"_s);
    QCOMPARE(q.value(1).toDouble(), 12500.0);
    QCOMPARE(q.value(2).toString(), uR"(["skilled_workers","youth"])"_s);
    QCOMPARE(q.value(3).toString(), u"2026-03-01"_s);
    // Both offline edits of the description are merged into the current value.
    QCOMPARE(q.value(4).toString(),
             u"Betriebe der Region stellen sich vor. Schulen bringen ihre Abschlussklassen mit."_s);
    QCOMPARE(q.value(5).toString(), u"live"_s);
    QCOMPARE(scalar(*store, u"SELECT _state FROM measures WHERE id = 'measure-2'"_s).toString(), u"deleted"_s);
    QCOMPARE(scalar(*store, u"SELECT count(*) FROM conflicts WHERE field = 'title'"_s).toInt(), 1);
}

void TestReplicaStore::batchIsAllOrNothing()
{
    SamplePlan plan;
    auto store = openStore(path(u"r.sqlite"_s));
    QVERIFY(store);
    QVERIFY(store->applyBatch(plan.changes.mid(0, 5)));
    const QByteArray before = store->stateDigest();
    // Make the database fail on one change in the middle of the next batch.
    const QString failing = plan.changes.at(8).id;
    QVERIFY(QSqlQuery(StoreAccess::database(*store))
                    .exec(u"CREATE TRIGGER fail BEFORE INSERT ON changes WHEN NEW.change_id = '%1' "
                          "BEGIN SELECT RAISE(ABORT, 'disk full'); END"_s.arg(failing)));
    const auto failed = store->applyBatch(plan.changes.mid(5));
    QVERIFY(!failed);
    QCOMPARE(failed.errorCode(), u"storage_error"_s);
    QCOMPARE(store->stateDigest(), before);
    QCOMPARE(store->changeCount(), 5);
    // The store is still usable, and the same batch goes through once the fault is gone.
    QVERIFY(QSqlQuery(StoreAccess::database(*store)).exec(u"DROP TRIGGER fail"_s));
    QVERIFY(store->applyBatch(plan.changes.mid(5)));
    QCOMPARE(store->stateDigest(), plan.state.stateDigest());
}

void TestReplicaStore::invalidChangesAreRejectedValidOnesKept()
{
    SamplePlan plan;
    auto store = openStore(path(u"r.sqlite"_s));
    QVERIFY(store);
    QList<Change> batch = plan.changes;
    Change badDate = plan.a.set(plan.record(u"measure-1"_s), u"end_date"_s, u"2026-02-30"_s);
    Change badField = plan.a.set(plan.record(u"measure-1"_s), u"colour"_s, u"blau"_s);
    batch.insert(3, badDate);
    batch.insert(7, badField);
    const auto outcome = store->applyBatch(batch);
    QVERIFY(outcome);
    QCOMPARE(outcome->rejected, 2);
    QCOMPARE(outcome->applied, plan.changes.size());
    QCOMPARE(outcome->changes.at(3).errorCode(), u"invalid_value"_s);
    QCOMPARE(outcome->changes.at(7).errorCode(), u"unknown_field"_s);
    QCOMPARE(store->stateDigest(), plan.state.stateDigest());
}

void TestReplicaStore::reapplyingIsANoOp()
{
    SamplePlan plan;
    auto store = openStore(path(u"r.sqlite"_s));
    QVERIFY(store);
    QVERIFY(store->applyBatch(plan.changes));
    const QByteArray digest = store->stateDigest();
    QList<Change> reversed(plan.changes.crbegin(), plan.changes.crend());
    const auto again = store->applyBatch(reversed);
    QVERIFY(again);
    QCOMPARE(again->duplicates, plan.changes.size());
    QCOMPARE(again->applied, 0);
    QCOMPARE(store->stateDigest(), digest);
    QCOMPARE(store->changeCount(), plan.changes.size());
}

void TestReplicaStore::anotherWriterIsNoticed()
{
    // Two stores on one file (the CLI beside a running client): records one of
    // them keeps between batches must not hide what the other wrote.
    SamplePlan plan;
    const QString file = path(u"shared.sqlite"_s);
    auto first = openStore(file);
    auto second = openStore(file);
    QVERIFY(first && second);
    // The first store writes measure-1, the second adds a title edit, the first goes on with the
    // concurrent title edit: it must build on the second's, or the conflict between them is lost.
    const qsizetype split = plan.changes.size() - 5;
    QVERIFY(first->applyBatch(plan.changes.mid(0, split)));
    QVERIFY(second->applyBatch(plan.changes.mid(split, 1)));
    QVERIFY(first->applyBatch(plan.changes.mid(split + 1)));
    QCOMPARE(first->conflicts().size(), 1);
    QCOMPARE(first->stateDigest(), plan.state.stateDigest());
    QCOMPARE(second->stateDigest(), plan.state.stateDigest());
}

void TestReplicaStore::historyAndConflictsSurviveReopening()
{
    SamplePlan plan;
    {
        auto store = openStore(path(u"r.sqlite"_s));
        QVERIFY(store);
        QVERIFY(store->applyBatch(plan.changes));
    }
    auto store = openStore(path(u"r.sqlite"_s));
    QVERIFY(store);
    const QList<Change> history = store->history(u"measure-1"_s);
    QCOMPARE(history, plan.state.history(u"measure-1"_s));
    const auto titles = std::count_if(history.cbegin(), history.cend(),
                                      [](const Change &c) { return c.field == u"title"_s; });
    QCOMPARE(titles, 3);
    const QList<Conflict> conflicts = store->conflicts();
    QCOMPARE(conflicts.size(), 1);
    const Conflict &conflict = conflicts.first();
    QCOMPARE(conflict.field, u"title"_s);
    QCOMPARE(conflict.kept.value, u"Azubi-Messe im Rathaus"_s); // laptop-b's stamp is later
    QCOMPARE(conflict.kept.device, u"laptop-b"_s);
    QCOMPARE(conflict.other.value, u"Ausbildungsmesse 2026"_s);
    QCOMPARE(conflict.other.author, u"kommune.adorf.1"_s);
    QCOMPARE(store->record(u"measure-1"_s)->value(u"title"_s), u"Azubi-Messe im Rathaus"_s);
}

void TestReplicaStore::searchFindsTextAcrossPlans()
{
    SamplePlan plan;
    auto store = openStore(path(u"r.sqlite"_s));
    QVERIFY(store);
    QVERIFY(store->applyBatch(plan.changes));
    auto found = store->search(u"Fachkräfte"_s);
    QVERIFY(found);
    QCOMPARE(found.value(), QStringList({ u"foa-1"_s, u"goal-1"_s }));
    QCOMPARE(store->search(u"abschlussklassen"_s).value(), QStringList { u"measure-1"_s });
    QCOMPARE(store->search(u"fachkrafte"_s).value().size(), 2); // without umlauts too
    QVERIFY(store->search(u"Azubis"_s).value().isEmpty()); // measure-2 is deleted
    QVERIFY(store->search(u"\"unbalanced ( AND"_s)); // user input is never FTS syntax
}

void TestReplicaStore::migratesAVersion1Replica()
{
    // tests/data/replica-v1.sqlite holds SamplePlan as written by schema version 1
    // (see tests/data/README.md); version 2 added the search index.
    const QString file = path(u"v1.sqlite"_s);
    QVERIFY(QFile::copy(QStringLiteral(WERKSTATTPLAN_TEST_DATA "/replica-v1.sqlite"), file));
    QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v1"_s);
        db.setDatabaseName(file);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"PRAGMA user_version"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"v1"_s);
    auto store = openStore(file);
    QVERIFY(store);
    QCOMPARE(scalar(*store, u"PRAGMA user_version"_s).toInt(), ReplicaStore::schemaVersion);
    // Version 6 rebuilt the change log under the conflicts that refer to it: keys on and holding.
    QCOMPARE(scalar(*store, u"PRAGMA foreign_keys"_s).toInt(), 1);
    QVERIFY(!scalar(*store, u"PRAGMA foreign_key_check"_s).isValid());
    QCOMPARE(scalar(*store, changeIndexCount).toInt(), changeIndexes);
    SamplePlan plan;
    QCOMPARE(store->changeCount(), plan.changes.size());
    QCOMPARE(store->record(u"measure-1"_s)->value(u"title"_s), u"Azubi-Messe im Rathaus"_s);
    QCOMPARE(store->conflicts().size(), 1);
    QCOMPARE(store->search(u"Ausbildungsmesse"_s).value(), QStringList());
    QCOMPARE(store->search(u"Rathaus"_s).value(), QStringList { u"measure-1"_s });
    // The migrated store goes on working: resolving the conflict clears it.
    const Conflict conflict = store->conflicts().first();
    const auto resolved = store->applyBatch({ plan.b.resolve(*store->record(u"measure-1"_s), conflict,
                                                             u"Ausbildungsmesse im Rathaus"_s) });
    QVERIFY(resolved && resolved->applied == 1);
    QVERIFY(store->conflicts().isEmpty());
    QCOMPARE(store->search(u"Ausbildungsmesse"_s).value(), QStringList { u"measure-1"_s });
}

void TestReplicaStore::bootstrapBuildsTheChangeIndexesOnce()
{
    SamplePlan plan;
    auto source = openStore(path(u"source.sqlite"_s));
    QVERIFY(source);
    QVERIFY(source->applyBatch(plan.changes));
    const auto page = source->snapshotPage(0, 1000, ReadScope::all());
    QVERIFY(page && !page->more);
    const QByteArray digest = source->stateDigest();

    // Into an empty log the indexes are left out; the log reads the same without them.
    QList<SnapshotEntity> calm; // the entities without conflicts: conflicts refer to changes by id
    for (const SnapshotEntity &entity : page->entities) {
        if (MergeEngine::conflicts(entity.record).isEmpty())
            calm << entity;
    }
    QVERIFY(calm.size() < page->entities.size());
    {
        auto fresh = openStore(path(u"interrupted.sqlite"_s));
        QVERIFY(fresh);
        QVERIFY(fresh->importSnapshot(calm));
        QCOMPARE(scalar(*fresh, changeIndexCount).toInt(), 0);
        QCOMPARE(fresh->history(u"goal-1"_s), source->history(u"goal-1"_s));
        // A conflict on a later page builds them on the spot.
        QVERIFY(fresh->importSnapshot(page->entities));
        QCOMPARE(scalar(*fresh, changeIndexCount).toInt(), changeIndexes);
        QCOMPARE(fresh->conflicts().size(), 1);
        QCOMPARE(fresh->stateDigest(), digest);
    }
    {
        auto fresh = openStore(path(u"stopped.sqlite"_s));
        QVERIFY(fresh);
        QVERIFY(fresh->importSnapshot(calm));
        QCOMPARE(scalar(*fresh, changeIndexCount).toInt(), 0);
    } // ends before finishImport(), as a program stopped mid-bootstrap would
    auto reopened = openStore(path(u"stopped.sqlite"_s));
    QVERIFY(reopened);
    QCOMPARE(scalar(*reopened, changeIndexCount).toInt(), changeIndexes);
    QVERIFY(reopened->importSnapshot(page->entities)); // the bootstrap starts again
    QCOMPARE(reopened->stateDigest(), digest);

    // Any other write builds them first: here the whole plan's changes, most of them known.
    auto edited = openStore(path(u"edited.sqlite"_s));
    QVERIFY(edited);
    QVERIFY(edited->importSnapshot(calm));
    QCOMPARE(scalar(*edited, changeIndexCount).toInt(), 0);
    const auto again = edited->applyBatch(plan.changes);
    QVERIFY(again);
    QVERIFY(again->duplicates > 0);
    QCOMPARE(again->applied + again->duplicates, plan.changes.size());
    QCOMPARE(scalar(*edited, changeIndexCount).toInt(), changeIndexes);
    QCOMPARE(edited->stateDigest(), digest);

    // A page imported twice merges the second time (with the indexes): nothing doubles.
    auto twice = openStore(path(u"twice.sqlite"_s));
    QVERIFY(twice);
    QVERIFY(twice->importSnapshot(page->entities));
    QVERIFY(twice->importSnapshot(page->entities));
    QCOMPARE(scalar(*twice, changeIndexCount).toInt(), changeIndexes);
    QCOMPARE(twice->changeCount(), source->changeCount());
    QVERIFY(twice->finishImport());
    QCOMPARE(twice->stateDigest(), digest);
}

QTEST_GUILESS_MAIN(TestReplicaStore)
#include "tst_replicastore.moc"

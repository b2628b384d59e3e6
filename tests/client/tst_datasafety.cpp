// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 13, items 3 and 4: a refused change must leave no trace on the laptop (the entity is rebuilt
// from the changes it still has, for every entity of the push); a damaged, emptied or foreign replica
// file is set aside with every unsynced change that can still be read; committed work missing from the
// file (a deleted -wal) is noticed. Real replicas on disk, no server: the server's verdicts are what
// SyncEngine hands LocalReplica::acknowledge().

#include "localreplica.h"
#include "storage/replicaseal.h"
#include "storage/storeaccess.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

std::unique_ptr<LocalReplica> openIn(const QString &folder, LocalReplica::OpenReport *report = nullptr)
{
    auto replica = LocalReplica::open(folder, report);
    if (!replica)
        qWarning() << replica.errorCode() << replica.errorMessage();
    return replica ? std::move(replica).value() : nullptr;
}

QStringList idsOf(const QList<Change> &changes)
{
    QStringList ids;
    for (const Change &change : changes)
        ids << change.id;
    return ids;
}

/** Copies the files of a replica folder (not its -wal or -shm) into another. */
bool copyFolder(const QString &from, const QString &to, const QStringList &names)
{
    for (const QString &name : names) {
        if (QFile::exists(QDir(from).filePath(name)) && !QFile::copy(QDir(from).filePath(name), QDir(to).filePath(name)))
            return false;
    }
    return true;
}

const QStringList replicaFiles { LocalReplica::replicaFile, LocalReplica::accountFile, LocalReplica::checkFile };

/** Which of the changes (by log sequence number) plain SQLite still reads from a file, one row lookup each. */
QStringList readableChanges(const QString &file, const QList<QPair<qint64, QString>> &changes)
{
    QStringList readable;
    const QString name = u"oracle-"_s + QString::number(QRandomGenerator::global()->generate());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(file);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (db.open()) {
            for (const auto &[seq, id] : changes) {
                QSqlQuery q(db);
                if (q.prepare(u"SELECT change_id FROM changes WHERE seq = ?"_s)) {
                    q.addBindValue(seq);
                    if (q.exec() && q.next() && q.value(0).toString() == id)
                        readable << id;
                }
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return readable;
}

} // namespace

class TestDataSafety : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refusedChangesAreUndoneForEveryEntityOfThePush();
    void damageAtEveryPageIsSalvagedOrReported();
    void replicaTruncatedToNothingIsSetAside();
    void foreignFileIsSetAside();
    void deletedWalIsNoticed();
    void sealVouchesOnlyForTheFileAsClosed();
    void sealOfALargeFileSeesEveryWrite();
};

void TestDataSafety::refusedChangesAreUndoneForEveryEntityOfThePush()
{
    // Many refusals in one push, across entities that keep other changes and entities that had only
    // refused ones; repeated, since the order the entities were rebuilt in used to vary run by run.
    for (int round = 0; round < 6; ++round) {
        QTemporaryDir laptopFolder, otherFolder;
        auto laptop = openIn(laptopFolder.path());
        auto other = openIn(otherFolder.path()); // a replica that only ever gets what the server accepted
        QVERIFY(laptop && other);
        QStringList places;
        for (int i = 0; i < 12; ++i) {
            const auto id = laptop->add(u"municipality"_s, {},
                                        { { u"name"_s, u"Ort %1"_s.arg(i) }, { u"state"_s, u"Bayern"_s } });
            QVERIFY(id);
            places << id.value();
        }
        const QList<Change> first = laptop->outbox(1000);
        QVERIFY(laptop->acknowledge(idsOf(first), {}));

        QStringList accepted;
        QList<RejectedChange> refused;
        QStringList newPlaces;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < places.size(); ++i) {
            QVERIFY(laptop->set(places[i], { { u"name"_s, u"Abgelehnt %1"_s.arg(i) } }));
            if (i % 2 == 0)
                QVERIFY(laptop->set(places[i], { { u"cluster"_s, u"Nord"_s } }));
            const auto created = laptop->add(u"municipality"_s, {}, { { u"name"_s, u"Neu %1"_s.arg(i) } });
            QVERIFY(created);
            newPlaces << created.value();
        }
        const QList<Change> pushed = laptop->outbox(1000);
        for (const Change &change : pushed) {
            if (change.field == u"cluster"_s)
                accepted << change.id;
            else
                refused << RejectedChange { change, u"clock_ahead"_s, u"the stamp is ahead"_s, now };
        }
        QVERIFY(laptop->acknowledge(accepted, refused));
        QCOMPARE(laptop->pendingCount(), 0);

        for (int i = 0; i < places.size(); ++i) {
            const auto record = laptop->store().record(places[i]);
            QVERIFY(record && record->isLive());
            QCOMPARE(record->value(u"name"_s), u"Ort %1"_s.arg(i)); // not the refused value
            QCOMPARE(record->value(u"cluster"_s), i % 2 == 0 ? u"Nord"_s : QString());
            const auto gone = laptop->store().record(newPlaces[i]);
            QVERIFY(!gone || !gone->exists());
        }
        QVERIFY(laptop->store().conflicts().isEmpty());
        QCOMPARE(laptop->rejected().size(), refused.size());

        // Exactly what a replica holds that got the accepted changes only.
        QList<Change> acceptedChanges = first;
        for (const Change &change : pushed) {
            if (accepted.contains(change.id))
                acceptedChanges << change;
        }
        QVERIFY(other->applyPulled(acceptedChanges, acceptedChanges.size()));
        QCOMPARE(laptop->store().stateDigest(), other->store().stateDigest());

        // The laptop's next edit of the field is based on what everybody has: no false conflict.
        QVERIFY(laptop->set(places[0], { { u"name"_s, u"Ort 0 (neu)"_s } }));
        const QList<Change> next = laptop->outbox(10);
        QCOMPARE(next.size(), 1);
        QVERIFY(other->applyPulled(next, acceptedChanges.size() + 1));
        QVERIFY(other->store().conflicts().isEmpty());
        QCOMPARE(other->store().record(places[0])->value(u"name"_s), u"Ort 0 (neu)"_s);
    }
}

void TestDataSafety::damageAtEveryPageIsSalvagedOrReported()
{
    // A small replica: changes pulled from another device, own changes the server confirmed, and
    // unsynced own changes with long values, so that the change log spans several pages.
    QTemporaryDir pristine, otherFolder;
    QList<QPair<qint64, QString>> unsynced; // (log sequence number, change id)
    qint64 pageSize = 0;
    {
        auto laptop = openIn(pristine.path());
        auto other = openIn(otherFolder.path());
        QVERIFY(laptop && other);
        for (int i = 0; i < 8; ++i)
            QVERIFY(other->add(u"municipality"_s, {}, { { u"name"_s, u"Nachbarort %1"_s.arg(i) }, { u"state"_s, u"Sachsen"_s } }));
        const QList<Change> pulled = other->outbox(1000);
        QVERIFY(laptop->applyPulled(pulled, pulled.size()));
        for (int i = 0; i < 36; ++i) {
            const QString text = u"%1 "_s.arg(i).repeated(120).left(480);
            QVERIFY(laptop->add(u"municipality"_s, {},
                                { { u"name"_s, u"Ort %1 "_s.arg(i) + text }, { u"cluster"_s, text }, { u"state"_s, text } }));
            if (i == 5)
                QVERIFY(laptop->acknowledge(idsOf(laptop->outbox(1000)), {})); // the first ones are synced
        }
        QSqlQuery q(StoreAccess::database(laptop->store()));
        QVERIFY(q.exec(u"SELECT c.seq, c.change_id FROM changes c JOIN outbox o ON o.change_id = c.change_id ORDER BY c.seq"_s));
        while (q.next())
            unsynced.append({ q.value(0).toLongLong(), q.value(1).toString() });
        QVERIFY(q.exec(u"PRAGMA page_size"_s) && q.next());
        pageSize = q.value(0).toLongLong();
    } // closed: the WAL is checkpointed into the file
    QVERIFY(unsynced.size() > 100);
    const QString pristineFile = QDir(pristine.path()).filePath(LocalReplica::replicaFile);
    QVERIFY(!QFile::exists(pristineFile + u"-wal"_s) || QFileInfo(pristineFile + u"-wal"_s).size() == 0);
    const qint64 pages = QFileInfo(pristineFile).size() / pageSize;
    QVERIFY(pages > 8);

    int setAside = 0, partly = 0, untouched = 0;
    for (qint64 page = 1; page <= pages; ++page) {
        const QByteArray where = "page " + QByteArray::number(page) + " of " + QByteArray::number(pages);
        QTemporaryDir folder;
        QVERIFY(copyFolder(pristine.path(), folder.path(), replicaFiles));
        {
            QFile file(QDir(folder.path()).filePath(LocalReplica::replicaFile));
            QVERIFY(file.open(QIODevice::ReadWrite));
            QByteArray garbage(pageSize, Qt::Uninitialized);
            QRandomGenerator random { quint32(page) };
            for (char &byte : garbage)
                byte = char(random.bounded(256));
            file.seek((page - 1) * pageSize);
            QCOMPARE(file.write(garbage), pageSize);
        }
        LocalReplica::OpenReport report;
        auto replica = openIn(folder.path(), &report);
        QVERIFY2(replica, where.constData());
        const QStringList queued = idsOf(replica->outbox(100000));
        if (report.setAsidePath.isEmpty()) {
            // Opened as it was: then nothing of it may be lost, and the file must be sound.
            QSqlQuery check(StoreAccess::database(replica->store()));
            QVERIFY2(check.exec(u"PRAGMA integrity_check"_s) && check.next(), where.constData());
            QVERIFY2(check.value(0).toString() == u"ok"_s, QByteArray(where + ": damage went unnoticed").constData());
            for (const auto &[seq, id] : std::as_const(unsynced))
                QVERIFY2(queued.contains(id), where.constData());
            ++untouched;
            continue;
        }
        ++setAside;
        QVERIFY2(QFile::exists(report.setAsidePath), where.constData());
        QVERIFY2(!report.problem.isEmpty(), where.constData());
        QCOMPARE(replica->notice().code, report.problem);
        // Every unsynced change plain SQLite can still read from the set-aside file is queued again.
        const QStringList readable = readableChanges(report.setAsidePath, unsynced);
        for (const QString &id : readable)
            QVERIFY2(queued.contains(id), QByteArray(where + ": a readable unsynced change was not salvaged").constData());
        QVERIFY2(report.salvagedChanges >= readable.size(), where.constData());
        if (!readable.isEmpty() && readable.size() < unsynced.size())
            ++partly;
    }
    qInfo() << pages << "pages:" << setAside << "set aside," << partly << "of them partly readable," << untouched
            << "opened as they were";
    QVERIFY(setAside > 0);
    QVERIFY(partly > 0); // rows after a damaged page are read too
}

void TestDataSafety::replicaTruncatedToNothingIsSetAside()
{
    QTemporaryDir folder;
    QStringList unsynced;
    {
        auto replica = openIn(folder.path());
        QVERIFY(replica);
        QVERIFY(replica->add(u"municipality"_s, {}, { { u"name"_s, u"Selb"_s } }));
        unsynced = idsOf(replica->outbox(100));
    }
    const QString file = QDir(folder.path()).filePath(LocalReplica::replicaFile);
    QVERIFY(QFile::resize(file, 0));

    LocalReplica::OpenReport report;
    auto replica = openIn(folder.path(), &report);
    QVERIFY(replica);
    QCOMPARE(report.problem, u"replica_empty"_s); // was: a new replica, and not a word
    QVERIFY(QFile::exists(report.setAsidePath));
    QCOMPARE(QFileInfo(report.setAsidePath).size(), 0);
    QCOMPARE(report.salvagedChanges, 0);
    QCOMPARE(replica->notice().code, u"replica_empty"_s);
    QVERIFY(!unsynced.isEmpty());

    // Reported once: the next open finds a sound replica.
    replica.reset();
    LocalReplica::OpenReport again;
    replica = openIn(folder.path(), &again);
    QVERIFY(replica);
    QVERIFY(again.problem.isEmpty());
    QCOMPARE(replica->notice().code, u"replica_empty"_s); // until the user dismissed it
    QVERIFY(replica->setNotice({}));
    QVERIFY(replica->notice().code.isEmpty());
}

void TestDataSafety::foreignFileIsSetAside()
{
    QTemporaryDir folder;
    {
        auto replica = openIn(folder.path());
        QVERIFY(replica);
        QVERIFY(replica->add(u"municipality"_s, {}, { { u"name"_s, u"Arzberg"_s } }));
    }
    QFile file(QDir(folder.path()).filePath(LocalReplica::replicaFile));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("Dies ist keine Datenbank, sondern ein Brief.\n");
    file.close();
    LocalReplica::OpenReport report;
    auto replica = openIn(folder.path(), &report);
    QVERIFY(replica);
    QCOMPARE(report.problem, u"replica_foreign"_s);
    QVERIFY(QFile::exists(report.setAsidePath));
    QCOMPARE(replica->notice().code, u"replica_foreign"_s);
}

void TestDataSafety::deletedWalIsNoticed()
{
    QTemporaryDir folder, copy;
    auto replica = openIn(folder.path());
    QVERIFY(replica);
    QVERIFY(replica->add(u"municipality"_s, {}, { { u"name"_s, u"Thiersheim"_s } }));
    QSqlQuery checkpoint(StoreAccess::database(replica->store()));
    QVERIFY(checkpoint.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s));
    checkpoint.finish();
    const int inFile = replica->pendingCount();
    // Committed, but only in the -wal so far.
    QVERIFY(replica->add(u"municipality"_s, {}, { { u"name"_s, u"Höchstädt"_s } }));
    const int committed = replica->pendingCount();
    QVERIFY(committed > inFile);
    // The folder as it is without its -wal (deleted by a cleaning tool, lost in a copy).
    QVERIFY(copyFolder(folder.path(), copy.path(), replicaFiles));

    LocalReplica::OpenReport report;
    auto lost = openIn(copy.path(), &report);
    QVERIFY(lost);
    QCOMPARE(lost->pendingCount(), inFile); // the last edit is gone ...
    QCOMPARE(report.problem, u"replica_work_lost"_s); // ... and it is said
    QVERIFY(!report.lostWork.isEmpty());
    QCOMPARE(lost->notice().code, u"replica_work_lost"_s);

    // The replica itself, closed and opened as usual, has nothing to report.
    replica.reset();
    LocalReplica::OpenReport fine;
    replica = openIn(folder.path(), &fine);
    QVERIFY(replica);
    QVERIFY2(fine.problem.isEmpty(), qPrintable(fine.lostWork));
    QCOMPARE(replica->pendingCount(), committed);
    QVERIFY(replica->notice().code.isEmpty());
}

void TestDataSafety::sealVouchesOnlyForTheFileAsClosed()
{
    // A replica closed cleanly is sealed; the seal lets the next open skip quick_check only for the
    // very bytes it was closed with, without a -wal with content, within a day of the last full check.
    QTemporaryDir folder;
    const QString file = QDir(folder.path()).filePath(LocalReplica::replicaFile);
    const QString seal = ReplicaSeal::sealFile(file);
    qint64 pageSize = 0;
    {
        auto replica = openIn(folder.path());
        QVERIFY(replica);
        for (int i = 0; i < 40; ++i)
            QVERIFY(replica->add(u"municipality"_s, {}, { { u"name"_s, u"Ort %1 "_s.arg(i) + u"x"_s.repeated(400) } }));
        QSqlQuery q(StoreAccess::database(replica->store()));
        QVERIFY(q.exec(u"PRAGMA page_size"_s) && q.next());
        pageSize = q.value(0).toLongLong();
        QVERIFY(!QFile::exists(seal)); // taken at open: the file changes while open
    }
    QVERIFY(QFile::exists(seal));
    QFile sealed(seal);
    QVERIFY(sealed.open(QIODevice::ReadOnly));
    const QByteArray sealText = sealed.readAll();
    sealed.close();
    QFile pristine(file);
    QVERIFY(pristine.open(QIODevice::ReadOnly));
    const QByteArray bytes = pristine.readAll();
    pristine.close();
    const qint64 pages = bytes.size() / pageSize;
    QVERIFY(pages > 4);

    auto putBack = [&](const QByteArray &content, const QByteArray &sealContent) {
        QFile out(file);
        QFile sealOut(seal);
        return out.open(QIODevice::WriteOnly | QIODevice::Truncate) && out.write(content) == content.size()
            && sealOut.open(QIODevice::WriteOnly | QIODevice::Truncate) && sealOut.write(sealContent) == sealContent.size();
    };
    // As closed: vouched for, and taken.
    QVERIFY(ReplicaSeal::take(file).has_value());
    QVERIFY(!QFile::exists(seal));
    QVERIFY(!ReplicaSeal::take(file).has_value()); // a seal is good for one open

    // One byte changed anywhere, in any page: not vouched for (the full check runs).
    for (qint64 page = 0; page < pages; ++page) {
        QByteArray damaged = bytes;
        damaged[page * pageSize + (page * 977) % pageSize] = char(damaged[page * pageSize + (page * 977) % pageSize] ^ 0x20);
        QVERIFY(putBack(damaged, sealText));
        QVERIFY2(!ReplicaSeal::take(file).has_value(), qPrintable(u"page %1"_s.arg(page + 1)));
    }
    // Truncated by a page, or grown by one.
    QVERIFY(putBack(bytes.left(bytes.size() - pageSize), sealText));
    QVERIFY(!ReplicaSeal::take(file).has_value());
    QVERIFY(putBack(bytes + QByteArray(pageSize, '\0'), sealText));
    QVERIFY(!ReplicaSeal::take(file).has_value());
    // A -wal with content: the program stopped without closing.
    QVERIFY(putBack(bytes, sealText));
    {
        QFile wal(file + u"-wal"_s);
        QVERIFY(wal.open(QIODevice::WriteOnly) && wal.write("not empty") > 0);
    }
    QVERIFY(!ReplicaSeal::take(file).has_value());
    QVERIFY(QFile::remove(file + u"-wal"_s));
    // A torn seal, and one whose full check is more than a day old.
    QVERIFY(putBack(bytes, sealText.left(sealText.size() / 2)));
    QVERIFY(!ReplicaSeal::take(file).has_value());
    QJsonObject stale = QJsonDocument::fromJson(sealText).object();
    stale.insert(u"checked_at"_s, QDateTime::currentDateTimeUtc().addDays(-2).toString(Qt::ISODateWithMs));
    QVERIFY(putBack(bytes, QJsonDocument(stale).toJson()));
    QVERIFY(!ReplicaSeal::take(file).has_value());

    // A sealed file damaged after its clean close is set aside all the same, as every damage test promises.
    // (The first page past its 100-byte header: the schema's root, which every open reads.)
    QByteArray garbage(pageSize - 100, Qt::Uninitialized);
    QRandomGenerator random { 13 };
    for (char &byte : garbage)
        byte = char(random.bounded(256));
    QVERIFY(putBack(bytes.left(100) + garbage + bytes.mid(pageSize), sealText));
    LocalReplica::OpenReport report;
    auto reopened = openIn(folder.path(), &report);
    QVERIFY(reopened);
    QCOMPARE(report.problem, u"replica_corrupt"_s);
    QVERIFY(QFile::exists(report.setAsidePath));
}

void TestDataSafety::sealOfALargeFileSeesEveryWrite()
{
    // Past the hashed ends, the filesystem's identity and change time vouch for the bytes between:
    // every write there, however it is made and whatever it leaves behind, must still show.
    QTemporaryDir folder;
    const QString file = QDir(folder.path()).filePath(u"large.sqlite"_s);
    const qint64 size = 3 * ReplicaSeal::sampledBytes + 12345;
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator random { 29 };
    for (char &byte : bytes)
        byte = char(random.bounded(256));
    auto writeFile = [](const QString &path, const QByteArray &content) {
        QFile out(path);
        return out.open(QIODevice::WriteOnly | QIODevice::Truncate) && out.write(content) == content.size();
    };
    QVERIFY(writeFile(file, bytes));
    const QDateTime checked = QDateTime::currentDateTimeUtc();
    // Later writes must fall on a later tick of the filesystem's clock than the seal (docs/storage.md).
    auto seal = [&] {
        ReplicaSeal::write(file, checked);
        QTest::qSleep(30);
    };
    seal();
    QVERIFY(ReplicaSeal::take(file).has_value());

    const QList<qint64> offsets { 0, ReplicaSeal::sampledBytes - 1, ReplicaSeal::sampledBytes,
                                  size / 2, size - ReplicaSeal::sampledBytes - 1, size - 1 };
    for (const qint64 offset : offsets) {
        // One byte flipped in place: same size, same inode, and the modification time set back.
        seal();
        QFile inPlace(file);
        QVERIFY(inPlace.open(QIODevice::ReadWrite));
        const QDateTime modified = inPlace.fileTime(QFileDevice::FileModificationTime);
        QVERIFY(inPlace.seek(offset));
        const char flipped = char(bytes[offset] ^ 0x10);
        QVERIFY(inPlace.write(&flipped, 1) == 1);
        inPlace.close();
        QVERIFY(inPlace.open(QIODevice::ReadWrite) && inPlace.setFileTime(modified, QFileDevice::FileModificationTime));
        inPlace.close();
        QVERIFY2(!ReplicaSeal::take(file).has_value(), qPrintable(u"a byte at %1"_s.arg(offset)));
        // Written back as it was: a write all the same, so the full check runs.
        QVERIFY(inPlace.open(QIODevice::ReadWrite) && inPlace.seek(offset) && inPlace.write(bytes.constData() + offset, 1) == 1);
        inPlace.close();
    }
    // A copy of the very bytes put in its place, with the same modification time: another file.
    seal();
    const QString copy = file + u".copy"_s;
    QVERIFY(QFile::copy(file, copy));
    QFile original(file);
    QVERIFY(original.open(QIODevice::ReadOnly));
    const QDateTime modified = original.fileTime(QFileDevice::FileModificationTime);
    original.close();
    QFile copied(copy);
    QVERIFY(copied.open(QIODevice::ReadWrite) && copied.setFileTime(modified, QFileDevice::FileModificationTime));
    copied.close();
    QVERIFY(QFile::remove(file) && QFile::rename(copy, file));
    QVERIFY(!ReplicaSeal::take(file).has_value());
    // Nothing written since the seal: vouched for, however large.
    seal();
    QVERIFY(ReplicaSeal::take(file).has_value());
}

QTEST_GUILESS_MAIN(TestDataSafety)
#include "tst_datasafety.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "helpers/sampleplan.h"
#include "localreplica.h"
#include "replicaview.h"
#include "storage/storeaccess.h"
#include "model/orderkey.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

/** A key store held in memory: the system's one cannot run headless; LocalReplica's side of the contract can. */
class MemorySecretStore : public SecretStore
{
public:
    bool available = true;
    QHash<QString, QString> secrets;

    bool write(const QString &key, const QString &secret) override
    {
        if (available)
            secrets.insert(key, secret);
        return available;
    }
    std::optional<QString> read(const QString &key) override
    {
        if (!available || !secrets.contains(key))
            return std::nullopt;
        return secrets.value(key);
    }
    void remove(const QString &key) override { secrets.remove(key); }
};

} // namespace

class TestLocalReplica : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void editsAreQueuedDurably();
    void refusedEditsWriteNothing_data();
    void refusedEditsWriteNothing();
    void pulledChangesMoveTheCursorAndConfirmOwnChanges();
    void rejectedChangesAreKept();
    void localWorkBecomesTheAccountsOnSignIn();
    void damagedReplicaIsSetAsideAndOutboxSalvaged();
    void tokenGoesToTheKeyStoreWhereThereIsOne();
    void listChildrenMatchesOrderedRecords();

private:
    std::unique_ptr<LocalReplica> openReplica(LocalReplica::OpenReport *report = nullptr);
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestLocalReplica::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

std::unique_ptr<LocalReplica> TestLocalReplica::openReplica(LocalReplica::OpenReport *report)
{
    auto replica = LocalReplica::open(m_dir->path(), report);
    if (!replica)
        qWarning() << replica.errorMessage();
    return replica ? std::move(replica).value() : nullptr;
}

void TestLocalReplica::editsAreQueuedDurably()
{
    QString measure;
    QString device;
    {
        auto replica = openReplica();
        QVERIFY(replica);
        device = replica->device();
        // Local only (no account yet): everything may be written.
        const auto municipality = replica->add(u"municipality"_s, {}, { { u"name"_s, u"Furth"_s } });
        QVERIFY(municipality);
        const auto plan = replica->add(u"plan"_s, municipality.value(), { { u"title"_s, u"Werkstattplan Furth"_s } });
        QVERIFY(plan);
        const auto field = replica->add(u"field_of_action"_s, plan.value(), { { u"title"_s, u"Ehrenamt"_s } });
        const auto goal = replica->add(u"goal"_s, field.value(), { { u"title"_s, u"Mehr Engagierte"_s } });
        const auto first = replica->add(u"measure"_s, goal.value(), { { u"title"_s, u"Ehrenamtsbörse"_s } });
        const auto second = replica->add(u"measure"_s, goal.value(), { { u"title"_s, u"Dank-Abend"_s } });
        QVERIFY(first && second);
        measure = first.value();
        // New entries go to the end of their list.
        QVERIFY(replica->store().record(first.value())->value(u"position"_s)
                < replica->store().record(second.value())->value(u"position"_s));
        QVERIFY(replica->set(measure, { { u"status"_s, u"planned"_s }, { u"budget"_s, u"1500"_s } }));
        QVERIFY(replica->remove(second.value()));
        QVERIFY(replica->restore(second.value()));
        QCOMPARE(replica->pendingCount(), replica->store().changeCount());
    }
    // Reopened (as after a crash): the edits and their outbox are there, the device is the same.
    auto replica = openReplica();
    QVERIFY(replica);
    QCOMPARE(replica->device(), device);
    QCOMPARE(replica->store().record(measure)->value(u"status"_s), u"planned"_s);
    const QList<Change> queued = replica->outbox(1000);
    QCOMPARE(queued.size(), replica->pendingCount());
    QVERIFY(std::is_sorted(queued.cbegin(), queued.cend(),
                           [](const Change &a, const Change &b) { return a.hlc < b.hlc; }));
}

void TestLocalReplica::refusedEditsWriteNothing_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("expectedCode");
    QTest::addRow("edit of another municipality's plan") << u"set-other"_s << u"forbidden"_s;
    QTest::addRow("review status by an editor") << u"review"_s << u"forbidden"_s;
    QTest::addRow("unknown id") << u"unknown-id"_s << u"not_found"_s;
    QTest::addRow("unknown field") << u"unknown-field"_s << u"unknown_field"_s;
    QTest::addRow("wrong value type") << u"bad-date"_s << u"invalid_value"_s;
    QTest::addRow("edit of a deleted entity") << u"deleted"_s << u"deleted"_s;
}

void TestLocalReplica::refusedEditsWriteNothing()
{
    QFETCH(QString, action);
    QFETCH(QString, expectedCode);
    SamplePlan plan; // Adorf's plan, as pulled from the server
    auto replica = openReplica();
    QVERIFY(replica);
    QVERIFY(replica->applyPulled(plan.changes, 41));
    const bool ownPlan = action != u"set-other"_s;
    QVERIFY(replica->setAccount({ u"http://127.0.0.1:1"_s, u"editor"_s, u"editor"_s,
                                  ownPlan ? u"muni-adorf"_s : u"muni-riesa"_s, {} },
                                u"wpt_x"_s));
    const QByteArray before = replica->store().stateDigest();
    Status result = Ok {};
    if (action == u"set-other"_s)
        result = replica->set(u"measure-1"_s, { { u"status"_s, u"done"_s } });
    else if (action == u"review"_s)
        result = replica->set(u"plan-adorf"_s, { { u"review_status"_s, u"reviewed"_s } });
    else if (action == u"unknown-id"_s)
        result = replica->set(u"measure-99"_s, { { u"status"_s, u"done"_s } });
    else if (action == u"unknown-field"_s)
        result = replica->set(u"measure-1"_s, { { u"status"_s, u"done"_s }, { u"colour"_s, u"blau"_s } });
    else if (action == u"bad-date"_s)
        result = replica->set(u"measure-1"_s, { { u"status"_s, u"done"_s }, { u"end_date"_s, u"31.04.2026"_s } });
    else
        result = replica->set(u"measure-2"_s, { { u"title"_s, u"Neu"_s } });
    QVERIFY(!result);
    QCOMPARE(result.errorCode(), expectedCode);
    QCOMPARE(replica->store().stateDigest(), before);
    QCOMPARE(replica->pendingCount(), 0);
}

void TestLocalReplica::pulledChangesMoveTheCursorAndConfirmOwnChanges()
{
    SamplePlan plan;
    auto replica = openReplica();
    QVERIFY(replica);
    QVERIFY(replica->setAccount({ u"http://127.0.0.1:1"_s, u"adorf"_s, u"editor"_s, u"muni-adorf"_s, u"plan-adorf"_s },
                                u"wpt_x"_s));
    QVERIFY(replica->applyPulled(plan.changes.mid(0, 20), 20));
    QCOMPARE(replica->cursor(), 20);
    QVERIFY(replica->set(u"goal-1"_s, { { u"title"_s, u"Fachkräfte gewinnen"_s } }));
    QCOMPARE(replica->pendingCount(), 1);
    // Our own change comes back in a pull: the server has it, so it leaves the outbox.
    QList<Change> page = plan.changes.mid(20);
    page << replica->outbox(10);
    QVERIFY(replica->applyPulled(page, 42));
    QCOMPARE(replica->cursor(), 42);
    QCOMPARE(replica->pendingCount(), 0);
}

void TestLocalReplica::rejectedChangesAreKept()
{
    auto replica = openReplica();
    QVERIFY(replica);
    const auto municipality = replica->add(u"municipality"_s, {}, { { u"name"_s, u"Riesa"_s } });
    QVERIFY(municipality);
    const QList<Change> queued = replica->outbox(10);
    QCOMPARE(queued.size(), 2);
    const QDateTime at = QDateTime::currentDateTimeUtc();
    QVERIFY(replica->acknowledge({ queued[0].id }, { { queued[1], u"forbidden"_s, u"only the project office writes municipality"_s, at } }));
    QCOMPARE(replica->pendingCount(), 0);
    const QList<RejectedChange> rejected = replica->rejected();
    QCOMPARE(rejected.size(), 1);
    QCOMPARE(rejected[0].change, queued[1]);
    QCOMPARE(rejected[0].code, u"forbidden"_s);
    QCOMPARE(rejected[0].at.toSecsSinceEpoch(), at.toSecsSinceEpoch());
    // The replica shows what the server has: the refused name is gone from it.
    QVERIFY(replica->store().record(municipality.value())->value(u"name"_s).isNull());
    QCOMPARE(replica->store().history(municipality.value()).size(), 1);
}

void TestLocalReplica::localWorkBecomesTheAccountsOnSignIn()
{
    auto replica = openReplica();
    QVERIFY(replica);
    const auto municipality = replica->add(u"municipality"_s, {}, { { u"name"_s, u"Plößberg"_s } });
    QVERIFY(municipality);
    QVERIFY(replica->set(municipality.value(), { { u"state"_s, u"Bayern"_s } }));
    QVERIFY(replica->setAccount({ u"http://127.0.0.1:1"_s, u"ploessberg"_s, u"editor"_s, municipality.value(), {} },
                                u"wpt_x"_s));
    for (const Change &change : replica->outbox(100))
        QCOMPARE(change.author, u"ploessberg"_s);
    const auto record = replica->store().record(municipality.value());
    QCOMPARE(record->fields[record->spec->fieldIndex(u"state"_s)].heads.first().author, u"ploessberg"_s);
    QCOMPARE(record->lifecycle.heads.first().author, u"ploessberg"_s);
}

void TestLocalReplica::damagedReplicaIsSetAsideAndOutboxSalvaged()
{
    QStringList queuedIds;
    const QString file = m_dir->filePath(LocalReplica::replicaFile);
    int measuresPage = 0;
    qint64 pageSize = 0;
    {
        auto replica = openReplica();
        QVERIFY(replica);
        const auto municipality = replica->add(u"municipality"_s, {}, { { u"name"_s, u"Rodewisch"_s } });
        QVERIFY(municipality);
        QVERIFY(replica->set(municipality.value(), { { u"cluster"_s, u"Süd"_s } }));
        for (const Change &change : replica->outbox(100))
            queuedIds << change.id;
        QSqlQuery q(StoreAccess::database(replica->store()));
        QVERIFY(q.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s));
        QVERIFY(q.exec(u"SELECT rootpage FROM sqlite_master WHERE name = 'municipalities'"_s) && q.next());
        measuresPage = q.value(0).toInt();
        QVERIFY(q.exec(u"PRAGMA page_size"_s) && q.next());
        pageSize = q.value(0).toLongLong();
    }
    // Damage one table's page, as a bad sector would; the outbox's pages stay readable.
    QFile damaged(file);
    QVERIFY(damaged.open(QIODevice::ReadWrite));
    damaged.seek((measuresPage - 1) * pageSize);
    damaged.write(QByteArray(pageSize, '\x66'));
    damaged.close();

    LocalReplica::OpenReport report;
    auto replica = openReplica(&report);
    QVERIFY(replica);
    QVERIFY(!report.setAsidePath.isEmpty());
    QVERIFY(QFile::exists(report.setAsidePath)); // moved aside, not deleted
    QCOMPARE(report.salvagedChanges, queuedIds.size());
    QStringList requeued;
    for (const Change &change : replica->outbox(100))
        requeued << change.id;
    QCOMPARE(requeued, queuedIds);
    // The rebuilt replica shows the salvaged edits again.
    QCOMPARE(replica->store().entityIds(u"municipality"_s).size(), 1);
}

void TestLocalReplica::tokenGoesToTheKeyStoreWhereThereIsOne()
{
    auto keyStore = std::make_shared<MemorySecretStore>();
    LocalReplica::setSecretStore(keyStore);
    const auto account = AccountInfo { u"http://127.0.0.1:1"_s, u"adorf"_s, u"editor"_s, u"muni-a"_s, u"plan-a"_s };
    {
        auto replica = openReplica();
        QVERIFY(replica);
        QVERIFY(replica->setAccount(account, u"secret-token"_s));
    }
    QFile file(QDir(m_dir->path()).filePath(LocalReplica::accountFile));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("secret-token"));
    file.close();
    QCOMPARE(keyStore->secrets.size(), 1);
    QCOMPARE(openReplica()->token(), u"secret-token"_s);

    // Signing out removes it from the key store.
    QVERIFY(openReplica()->clearToken());
    QVERIFY(keyStore->secrets.isEmpty());

    // No key store to be had: the file keeps the token, readable by the user only.
    keyStore->available = false;
    QVERIFY(openReplica()->setAccount(account, u"second-token"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("second-token"));
    QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
    QCOMPARE(openReplica()->token(), u"second-token"_s);
    LocalReplica::setSecretStore(nullptr);
}

void TestLocalReplica::listChildrenMatchesOrderedRecords()
{
    auto replica = openReplica();
    QVERIFY(replica);
    const auto municipality = replica->add(u"municipality"_s, {}, { { u"name"_s, u"Furth"_s } });
    const auto plan = replica->add(u"plan"_s, municipality.value(), { { u"title"_s, u"Werkstattplan Furth"_s } });
    QVERIFY(plan);
    QStringList goals;
    for (const QString &title : { u"Mehr Engagierte"_s, u"Kurze Wege"_s }) {
        const auto field = replica->add(u"field_of_action"_s, plan.value(), { { u"title"_s, title } });
        goals << replica->add(u"goal"_s, field.value(), { { u"title"_s, title + u" gewinnen"_s } }).value();
    }
    QStringList measures;
    for (int i = 0; i < 5; ++i) {
        const auto added = replica->add(u"measure"_s, goals[i % 2],
                                        { { u"title"_s, u"Maßnahme %1"_s.arg(i) }, { u"status"_s, u"planned"_s },
                                          { u"start_date"_s, u"2026-0%1-01"_s.arg(i + 1) } });
        QVERIFY(added);
        measures << added.value();
    }
    QVERIFY(replica->remove(measures[2]));
    // The last measure moves to the front of its list.
    const QString first = replica->store().record(measures[0])->value(u"position"_s);
    QVERIFY(replica->set(measures[4], { { u"position"_s, OrderKey::between({}, first) } }));

    ReplicaView view(replica->store());
    const EntitySpec &spec = *Schema::instance().entity(u"measure"_s);
    const QStringList fields { u"title"_s, u"start_date"_s, u"no_such_field"_s };
    const auto lists = view.listChildren(spec, goals, fields);
    for (const QString &goal : std::as_const(goals)) {
        const QList<EntityRecord> records = view.orderedChildren(spec, goal);
        const QList<ReplicaView::ListItem> items = lists.value(goal);
        QCOMPARE(items.size(), records.size());
        for (int i = 0; i < items.size(); ++i) {
            QCOMPARE(items[i].id, records[i].id);
            QCOMPARE(items[i].values, QStringList({ records[i].value(u"title"_s), records[i].value(u"start_date"_s), QString() }));
        }
    }
    QCOMPARE(lists.value(goals[0]).size(), 2); // measures 0 and 4; measure 2 is deleted
    QCOMPARE(lists.value(goals[0]).first().id, measures[4]);
}

QTEST_GUILESS_MAIN(TestLocalReplica)
#include "tst_localreplica.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The compact first sync (docs/protocol.md "Bootstrap", docs/storage.md "Partial histories") against a
// real SyncService in this process: a replica that took only records and heads merges later edits as
// one with every history does, fetches a history when a change needs it, resumes an interrupted first
// sync after its last stored page, and a client that does not ask for the compact form is served as
// before.

#include "helpers/inprocessserver.h"
#include "localreplica.h"
#include "sync/protocol.h"
#include "syncengine.h"
#include "synchttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using Fault = InProcessServer::Fault;

namespace {

SyncTiming timing(int pageSize = SyncTiming::defaultBootstrapPageSize)
{
    SyncTiming timing;
    timing.requestTimeoutMs = 2000;
    timing.debounceMs = 1;
    timing.firstRetryMs = 10;
    timing.maxRetryMs = 80;
    timing.firstSocketRetryMs = 10 * 60 * 1000;
    timing.bootstrapPageSize = pageSize;
    return timing;
}

/** A device of the one account of the server: its replica folder, replica and engine. */
struct Device
{
    QTemporaryDir folder;
    std::unique_ptr<LocalReplica> replica;
    std::unique_ptr<SyncEngine> engine;

    QString sync()
    {
        const auto done = engine->syncOnce();
        return done ? QString() : done.errorCode();
    }
    QString value(const QString &id, const QString &field)
    {
        const auto record = replica->store().record(id);
        return record ? record->value(field) : QString();
    }
};

class Fixture
{
public:
    Fixture()
    {
        if (!server.openError().isEmpty())
            return;
        if (auto plan = server.addMunicipalityAccount(u"Marktredwitz"_s, u"marktredwitz"_s))
            planId = plan.value();
    }
    [[nodiscard]] bool ready() const { return !planId.isEmpty(); }

    /** A new device signed in (not synced); opened again from its folder if folder is given. */
    std::unique_ptr<Device> device(int pageSize = SyncTiming::defaultBootstrapPageSize)
    {
        auto device = std::make_unique<Device>();
        auto opened = LocalReplica::open(device->folder.path());
        if (!opened || !server.signIn(*opened.value(), u"marktredwitz"_s))
            return nullptr;
        device->replica = std::move(opened).value();
        device->engine = std::make_unique<SyncEngine>(*device->replica, server.transport(), timing(pageSize));
        return device;
    }
    /** The same folder opened as a new program run would: a new replica and engine. */
    bool reopen(Device &device, int pageSize)
    {
        device.engine.reset();
        device.replica.reset();
        auto opened = LocalReplica::open(device.folder.path());
        if (!opened)
            return false;
        device.replica = std::move(opened).value();
        device.engine = std::make_unique<SyncEngine>(*device.replica, server.transport(), timing(pageSize));
        return true;
    }

    InProcessServer server;
    QString planId;
};

/** Fields of action with a goal and a measure each, pushed by writer. */
bool addOutline(Fixture &fixture, Device &writer, int fields)
{
    for (int i = 0; i < fields; ++i) {
        const auto field = writer.replica->add(u"field_of_action"_s, fixture.planId, { { u"title"_s, u"Feld %1"_s.arg(i) } });
        if (!field)
            return false;
        const auto goal = writer.replica->add(u"goal"_s, field.value(), { { u"title"_s, u"Ziel %1"_s.arg(i) } });
        if (!goal || !writer.replica->add(u"measure"_s, goal.value(), { { u"title"_s, u"Maßnahme %1"_s.arg(i) } }))
            return false;
    }
    return writer.sync().isEmpty();
}

qint64 afterOf(const InProcessServer::Exchange &exchange)
{
    return QUrlQuery(exchange.query).queryItemValue(u"after"_s).toLongLong();
}

/** A bootstrap page as a client that asks with query gets it. */
QJsonObject rawBootstrap(InProcessServer &server, const QString &token, const QString &query)
{
    QUrl url = InProcessServer::baseUrl();
    url.setPath(u"/v1/bootstrap"_s);
    url.setQuery(query);
    const auto transport = server.transport();
    TransportReply *reply = transport->send(SyncHttp::transportRequest("GET", url, token), TlsTrust(), nullptr);
    std::unique_ptr<TransportReply> owned(reply);
    if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 5000))
        return {};
    return QJsonDocument::fromJson(reply->readAll()).object();
}

} // namespace

class TestCompactSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstSyncCarriesNoHistories();
    void concurrentTextEditsMergeAsWithEveryHistory();
    void concurrentEditsOfAMergedTextFetchItsHistory();
    void editsBasedOnWhatItHoldsNeedNoHistory();
    void interruptedFirstSyncResumesAfterItsLastStoredPage_data();
    void interruptedFirstSyncResumesAfterItsLastStoredPage();
    void clientNotAskingForTheCompactFormIsServedAsBefore();
};

void TestCompactSync::firstSyncCarriesNoHistories()
{
    Fixture fixture;
    QVERIFY(fixture.ready());
    auto writer = fixture.device();
    QVERIFY(writer);
    QCOMPARE(writer->sync(), QString());
    QVERIFY(addOutline(fixture, *writer, 20));
    for (int i = 0; i < 10; ++i)
        QVERIFY(writer->replica->set(fixture.planId, { { u"vision"_s, u"Fassung %1"_s.arg(i) } }));
    QCOMPARE(writer->sync(), QString());

    auto reader = fixture.device();
    QVERIFY(reader);
    QCOMPARE(reader->sync(), QString());
    // The same records; only heads in the log, not every change.
    QCOMPARE(reader->replica->store().stateDigest(DigestOf::Records),
             fixture.server.store().replica().stateDigest(DigestOf::Records));
    QVERIFY(reader->replica->store().changeCount() < writer->replica->store().changeCount());
    const auto partial = reader->replica->store().partialHistories();
    QVERIFY(partial);
    QVERIFY(partial.value() > 60);
    for (const auto &exchange : fixture.server.exchangesOf(u"/v1/bootstrap"_s))
        QCOMPARE(QUrlQuery(exchange.query).queryItemValue(u"history"_s), u"none"_s);
}

namespace {

/** A measure with a text written by first and synced: its id. */
QString measureWithText(Fixture &fixture, Device &first)
{
    const auto field = first.replica->add(u"field_of_action"_s, fixture.planId, { { u"title"_s, u"Mobilität"_s } });
    const auto goal = field ? first.replica->add(u"goal"_s, field.value(), { { u"title"_s, u"Bus im Takt"_s } })
                            : field;
    const auto measure = goal ? first.replica->add(u"measure"_s, goal.value(),
                                                   { { u"description"_s, u"Ein Bus fährt am Markt vorbei"_s } })
                              : goal;
    if (!measure || !first.replica->set(measure.value(), { { u"description"_s, u"Ein Bus fährt am Markt täglich vorbei"_s } })
        || !first.sync().isEmpty())
        return {};
    return measure.value();
}

/** Two synced devices; the first wrote a measure with a text. */
struct Writers
{
    std::unique_ptr<Device> first;
    std::unique_ptr<Device> second;
    QString measure;

    [[nodiscard]] bool ready() const { return first && second && !measure.isEmpty(); }
};

Writers twoWritersOfOneText(Fixture &fixture)
{
    Writers writers;
    writers.first = fixture.device();
    if (!writers.first || !writers.first->sync().isEmpty())
        return {};
    writers.measure = measureWithText(fixture, *writers.first);
    writers.second = fixture.device();
    if (!writers.second || !writers.second->sync().isEmpty())
        return {};
    return writers;
}

/** first and second edit different words of the measure's text at the same time, and sync. */
bool editConcurrently(Device &first, Device &second, const QString &measure, const QString &mine, const QString &theirs)
{
    return first.replica->set(measure, { { u"description"_s, mine } }) && second.replica->set(measure, { { u"description"_s, theirs } })
        && first.sync().isEmpty() && second.sync().isEmpty() && first.sync().isEmpty();
}

} // namespace

void TestCompactSync::concurrentTextEditsMergeAsWithEveryHistory()
{
    // Two devices edit different words of one text at the same time; a third that bootstrapped
    // compactly before either edit must merge them three-way against the text it had (the common
    // base), as every replica with the whole history does, not keep them as a conflict. That base is
    // the one head the first sync brought: no history is needed for it.
    Fixture fixture;
    QVERIFY(fixture.ready());
    Writers writers = twoWritersOfOneText(fixture);
    QVERIFY(writers.ready());
    auto &[first, second, measure] = writers;
    auto compact = fixture.device();
    QVERIFY(compact);
    QCOMPARE(compact->sync(), QString());
    QVERIFY(compact->replica->hasPartialHistory(measure));

    QVERIFY(editConcurrently(*first, *second, measure, u"Ein Kleinbus fährt am Markt täglich vorbei"_s,
                             u"Ein Bus fährt am Markt täglich langsam vorbei"_s));
    QCOMPARE(compact->sync(), QString());
    const QString merged = u"Ein Kleinbus fährt am Markt täglich langsam vorbei"_s;
    QCOMPARE(first->value(measure, u"description"_s), merged);
    QCOMPARE(compact->value(measure, u"description"_s), merged);
    QVERIFY(compact->replica->store().conflicts().isEmpty());
    QCOMPARE(fixture.server.exchangesOf(u"/v1/history"_s).size(), 0);
    QVERIFY(compact->replica->hasPartialHistory(measure));
    QCOMPARE(compact->replica->store().stateDigest(DigestOf::Records),
             first->replica->store().stateDigest(DigestOf::Records));
}

void TestCompactSync::concurrentEditsOfAMergedTextFetchItsHistory()
{
    // The text was merged from two concurrent edits before the compact first sync: it came with two heads,
    // and the common base of the next concurrent edits lies in versions it does not hold. It asks for that
    // one history, holds it whole then, and merges as a replica with every history does.
    Fixture fixture;
    QVERIFY(fixture.ready());
    Writers writers = twoWritersOfOneText(fixture);
    QVERIFY(writers.ready());
    auto &[first, second, measure] = writers;
    QVERIFY(editConcurrently(*first, *second, measure, u"Ein Kleinbus fährt am Markt täglich vorbei"_s,
                             u"Ein Bus fährt am Markt täglich langsam vorbei"_s));
    QCOMPARE(second->sync(), QString());
    auto compact = fixture.device();
    QVERIFY(compact);
    QCOMPARE(compact->sync(), QString());
    QVERIFY(compact->replica->hasPartialHistory(measure));

    QVERIFY(editConcurrently(*first, *second, measure, u"Der Kleinbus fährt am Markt täglich langsam vorbei"_s,
                             u"Ein Kleinbus fährt am Markt täglich langsam vorbei, auch sonntags"_s));
    QCOMPARE(compact->sync(), QString());
    const QString merged = u"Der Kleinbus fährt am Markt täglich langsam vorbei, auch sonntags"_s;
    QCOMPARE(first->value(measure, u"description"_s), merged);
    QCOMPARE(compact->value(measure, u"description"_s), merged);
    QVERIFY(compact->replica->store().conflicts().isEmpty());
    const auto asked = fixture.server.exchangesOf(u"/v1/history"_s);
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked.first().status, 200);
    QVERIFY(QUrlQuery(asked.first().query).queryItemValue(u"entities"_s).split(u',').contains(measure));
    QVERIFY(!compact->replica->hasPartialHistory(measure));
    QCOMPARE(compact->replica->store().history(measure).size(), first->replica->store().history(measure).size());
    QCOMPARE(compact->replica->store().stateDigest(DigestOf::Records),
             first->replica->store().stateDigest(DigestOf::Records));
}

void TestCompactSync::editsBasedOnWhatItHoldsNeedNoHistory()
{
    // The usual case: edits one after the other, each on the version before. No history is fetched,
    // and the compact replica's own edits are based on the heads it holds and go out as usual.
    Fixture fixture;
    QVERIFY(fixture.ready());
    auto writer = fixture.device();
    QVERIFY(writer);
    QCOMPARE(writer->sync(), QString());
    QVERIFY(addOutline(fixture, *writer, 3));
    auto compact = fixture.device();
    QVERIFY(compact);
    QCOMPARE(compact->sync(), QString());
    QVERIFY(writer->replica->set(fixture.planId, { { u"vision"_s, u"Erste Fassung"_s } }));
    QCOMPARE(writer->sync(), QString());
    QVERIFY(compact->replica->set(fixture.planId, { { u"title"_s, u"Plan vom Zweitgerät"_s } }));
    QCOMPARE(compact->sync(), QString());
    QVERIFY(writer->replica->set(fixture.planId, { { u"vision"_s, u"Zweite Fassung"_s } }));
    QCOMPARE(writer->sync(), QString());
    QCOMPARE(compact->sync(), QString());
    QCOMPARE(writer->sync(), QString());
    QCOMPARE(fixture.server.exchangesOf(u"/v1/history"_s).size(), 0);
    // Pulled in the table form (docs/protocol.md, "Pull"), read as the objects were.
    const auto pulls = fixture.server.exchangesOf(u"/v1/pull"_s);
    QVERIFY(pulls.size() >= 4);
    for (const auto &pull : pulls)
        QCOMPARE(QUrlQuery(pull.query).queryItemValue(u"form"_s), u"table"_s);
    QCOMPARE(compact->value(fixture.planId, u"vision"_s), u"Zweite Fassung"_s);
    QCOMPARE(writer->value(fixture.planId, u"title"_s), u"Plan vom Zweitgerät"_s);
    QCOMPARE(compact->replica->store().stateDigest(DigestOf::Records),
             writer->replica->store().stateDigest(DigestOf::Records));
}

void TestCompactSync::interruptedFirstSyncResumesAfterItsLastStoredPage_data()
{
    QTest::addColumn<int>("pagesBeforeTheCut");
    QTest::newRow("after 1 page") << 1;
    QTest::newRow("after 2 pages") << 2;
    QTest::newRow("after 5 pages") << 5;
}

void TestCompactSync::interruptedFirstSyncResumesAfterItsLastStoredPage()
{
    QFETCH(int, pagesBeforeTheCut);
    constexpr int pageSize = 10;
    Fixture fixture;
    QVERIFY(fixture.ready());
    auto writer = fixture.device();
    QVERIFY(writer);
    QCOMPARE(writer->sync(), QString());
    QVERIFY(addOutline(fixture, *writer, 30)); // about 90 entities: 10 pages and more

    // The whole first sync once, for its pages and its end state.
    auto whole = fixture.device(pageSize);
    QVERIFY(whole);
    qsizetype seen = fixture.server.exchangesOf(u"/v1/bootstrap"_s).size();
    QCOMPARE(whole->sync(), QString());
    const qsizetype pages = fixture.server.exchangesOf(u"/v1/bootstrap"_s).size() - seen;
    QVERIFY(pages > pagesBeforeTheCut + 3);

    // The network goes after k pages: answers pass k times, then every request fails.
    auto cut = fixture.device(pageSize);
    QVERIFY(cut);
    seen = fixture.server.exchangesOf(u"/v1/bootstrap"_s).size();
    fixture.server.inject(u"/v1/bootstrap"_s, Fault::rewriteBody([](const QByteArray &body) { return body; }),
                          pagesBeforeTheCut);
    fixture.server.inject(u"/v1/bootstrap"_s, Fault::drop(), 1000);
    QCOMPARE(cut->sync(), u"server_unreachable"_s);
    QVERIFY(cut->replica->needsBootstrap());
    const auto stored = cut->replica->bootstrapProgress();
    QVERIFY(stored);
    // What came before the cut: the pages delivered, in order; the replica stored a prefix of them.
    QList<qint64> delivered;
    for (const auto &exchange : fixture.server.exchangesOf(u"/v1/bootstrap"_s).mid(seen)) {
        if (exchange.status == 200)
            delivered << QJsonDocument::fromJson(exchange.responseBody).object().value(u"next"_s).toInteger();
    }
    QCOMPARE(delivered.size(), pagesBeforeTheCut);
    const qsizetype storedPages = delivered.indexOf(stored->after) + 1;
    QVERIFY2(storedPages >= 1 && storedPages <= pagesBeforeTheCut,
             qPrintable(u"stored up to key %1 of %2"_s.arg(stored->after).arg(delivered.size())));

    // Started again (a new program run, the network back): on from the page after the last stored one.
    QVERIFY(fixture.reopen(*cut, pageSize));
    fixture.server.clearFaults(u"/v1/bootstrap"_s);
    seen = fixture.server.exchangesOf(u"/v1/bootstrap"_s).size();
    QCOMPARE(cut->sync(), QString());
    QList<qint64> afterKeys;
    for (const auto &exchange : fixture.server.exchangesOf(u"/v1/bootstrap"_s).mid(seen))
        afterKeys << afterOf(exchange);
    QVERIFY(!afterKeys.isEmpty());
    QVERIFY2(!afterKeys.contains(0), "the resumed first sync asked for the first page again");
    QCOMPARE(afterKeys.first(), stored->after);
    QVERIFY(!cut->replica->needsBootstrap());
    QVERIFY(!cut->replica->bootstrapProgress());
    // Each told the server its device's name at the end: once both have the other's, they hold the same.
    QCOMPARE(whole->sync(), QString());
    QCOMPARE(cut->replica->store().stateDigest(DigestOf::Records),
             whole->replica->store().stateDigest(DigestOf::Records));
    QCOMPARE(cut->replica->store().changeCount(), whole->replica->store().changeCount());
}

void TestCompactSync::clientNotAskingForTheCompactFormIsServedAsBefore()
{
    // A client of before this form (no history=none) gets every history, and an import of those pages
    // holds the same records as one of the compact pages; the compact form is far smaller.
    Fixture fixture;
    QVERIFY(fixture.ready());
    auto writer = fixture.device();
    QVERIFY(writer);
    QCOMPARE(writer->sync(), QString());
    QVERIFY(addOutline(fixture, *writer, 10));
    for (int i = 0; i < 5; ++i)
        QVERIFY(writer->replica->set(fixture.planId, { { u"vision"_s, u"Fassung %1"_s.arg(i) } }));
    QCOMPARE(writer->sync(), QString());
    const QString token = writer->replica->token();

    const QJsonObject full = rawBootstrap(fixture.server, token, u"after=0&limit=1000"_s);
    const QJsonObject compact = rawBootstrap(fixture.server, token, u"after=0&limit=1000&meta=2&history=none"_s);
    QVERIFY(!full.value(u"entities"_s).toArray().isEmpty());
    QCOMPARE(full.value(u"entities"_s).toArray().size(), compact.value(u"entities"_s).toArray().size());
    for (const QJsonValue &entity : full.value(u"entities"_s).toArray())
        QVERIFY(!entity.toObject().value(u"history"_s).toArray().isEmpty());
    for (const QJsonValue &entity : compact.value(u"entities"_s).toArray())
        QVERIFY(!entity.toObject().contains(u"history"_s));
    const qsizetype fullBytes = QJsonDocument(full).toJson(QJsonDocument::Compact).size();
    const qsizetype compactBytes = QJsonDocument(compact).toJson(QJsonDocument::Compact).size();
    QVERIFY2(compactBytes * 2 < fullBytes, qPrintable(u"%1 against %2 bytes"_s.arg(compactBytes).arg(fullBytes)));

    QTemporaryDir dir;
    auto old = ReplicaStore::open(dir.filePath(u"old.sqlite"_s));
    auto fresh = ReplicaStore::open(dir.filePath(u"compact.sqlite"_s));
    QVERIFY(old && fresh);
    const auto fullEntities = Protocol::readSnapshotEntities(
            QJsonDocument(full.value(u"entities"_s).toArray()).toJson(QJsonDocument::Compact));
    const auto compactEntities = Protocol::readSnapshotEntities(
            QJsonDocument(compact.value(u"entities"_s).toArray()).toJson(QJsonDocument::Compact));
    QVERIFY(fullEntities && compactEntities);
    QVERIFY(old.value()->importSnapshot(fullEntities.value()));
    QVERIFY(fresh.value()->importSnapshot(compactEntities.value()));
    QCOMPARE(old.value()->stateDigest(), fixture.server.store().replica().stateDigest());
    QCOMPARE(fresh.value()->stateDigest(DigestOf::Records), old.value()->stateDigest(DigestOf::Records));
    QCOMPARE(old.value()->partialHistories().value(), 0);
}

QTEST_GUILESS_MAIN(TestCompactSync)
#include "tst_compactsync.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The wire form: a bootstrap page written straight as text is the same
// document QJsonDocument writes from the same page, whatever the text holds,
// and reads back into the same entities.

#include "helpers/sampleplan.h"
#include "storage/replicastore.h"
#include "sync/jsonreader.h"
#include "sync/messages.h"
#include "sync/protocol.h"
#include "sync/pulltable.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestProtocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bootstrapPageIsTheDocumentQtWrites();
    void compactPagesTellEachHistorysLength();
    void readerReadsWhatQtReads_data();
    void readerReadsWhatQtReads();
    void readerRefusesBrokenText_data();
    void readerRefusesBrokenText();
    void brokenPagesAreRefusedWhole();
    void boundsAreReadFromThePagesStart();
    void everyChangeIsWrittenAsQtWritesIt();
    void messagesComeBackAsTheyWereSent();
    void misshapenMessagesAreRefused_data();
    void misshapenMessagesAreRefused();
    void pullRowsAreCheckedPlaceByPlace();
};

namespace {
/** Reads a JSON value with JsonReader into the QJsonValue it stands for. */
QJsonValue readValue(JsonReader &reader)
{
    switch (reader.peek()) {
    case JsonReader::Type::Null:
        reader.skip();
        return QJsonValue::Null;
    case JsonReader::Type::Bool: {
        bool value = false;
        reader.readBool(value);
        return value;
    }
    case JsonReader::Type::Number: {
        qint64 value = 0;
        reader.readInteger(value);
        return value;
    }
    case JsonReader::Type::String: {
        QString value;
        reader.readString(value);
        return value;
    }
    case JsonReader::Type::Array: {
        QJsonArray array;
        reader.beginArray();
        while (reader.hasNext())
            array.append(readValue(reader));
        return array;
    }
    case JsonReader::Type::Object: {
        QJsonObject object;
        reader.beginObject();
        QByteArrayView key;
        while (reader.nextKey(key))
            object.insert(QString::fromUtf8(key), readValue(reader));
        return object;
    }
    case JsonReader::Type::Invalid:
        break;
    }
    reader.skip(); // fails
    return QJsonValue::Undefined;
}

/** The sample plan, stored and read back as one page of at most limit entities (none if that failed). */
SnapshotPage samplePage(int limit)
{
    SamplePlan plan;
    QTemporaryDir dir;
    auto store = ReplicaStore::open(dir.filePath(u"r.sqlite"_s));
    if (!store || !(*store)->applyBatch(plan.changes))
        return {};
    auto page = (*store)->snapshotPage(0, limit, ReadScope::all());
    return page ? std::move(page).value() : SnapshotPage {};
}
} // namespace

void TestProtocol::bootstrapPageIsTheDocumentQtWrites()
{
    SamplePlan plan;
    // Text a page must escape or encode: quotes, backslashes, control characters,
    // umlauts, a character outside the BMP, a lone surrogate, an empty and a null value.
    const QString awkward = u"\"Zitat\" \\ Pfad\tTab\nZeile\u0001 Straße 🚲 "_s + QChar(0xd800) + u" Ende"_s;
    plan.add(plan.a.set(plan.record(u"measure-1"_s), u"description"_s, awkward));
    plan.add(plan.a.set(plan.record(u"goal-1"_s), u"indicator"_s, QString(u""_s)));
    plan.add(plan.a.set(plan.record(u"goal-1"_s), u"target_value"_s, QString()));

    QTemporaryDir dir;
    auto store = ReplicaStore::open(dir.filePath(u"r.sqlite"_s));
    QVERIFY(store);
    QVERIFY((*store)->applyBatch(plan.changes));
    const auto page = (*store)->snapshotPage(0, 1000, ReadScope::all());
    QVERIFY(page && !page->entities.isEmpty());

    QJsonArray entities;
    for (const SnapshotEntity &entity : page->entities)
        entities.append(Protocol::toJson(entity));
    const QJsonObject expected { { u"cursor"_s, 42 }, { u"entities"_s, entities }, { u"more"_s, page->more },
                                 { u"next"_s, page->next } };
    const QByteArray written = Protocol::bootstrapPageJson(42, *page);
    // The same document (a field's values come in the schema's order, not sorted: JSON does not mind).
    QJsonParseError error;
    const QJsonDocument writtenDocument = QJsonDocument::fromJson(written, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(writtenDocument, QJsonDocument::fromJson(QJsonDocument(expected).toJson(QJsonDocument::Compact)));

    // A server writes the page while the store reads it, straight from its rows: the very same text.
    Protocol::BootstrapPageWriter writer(42, 1000);
    const auto direct = (*store)->snapshotPage(0, 1000, ReadScope::all(), std::numeric_limits<int>::max(), &writer);
    QVERIFY(direct);
    QVERIFY(direct->entities.first().history.isEmpty());
    QCOMPARE(writer.finish(), written);

    // And back: every entity as it was stored.
    const QJsonArray read = writtenDocument.object().value(u"entities"_s).toArray();
    QCOMPARE(read.size(), page->entities.size());
    for (qsizetype i = 0; i < read.size(); ++i) {
        const auto entity = Protocol::snapshotEntityFromJson(read[i].toObject());
        QVERIFY2(entity, qPrintable(entity.errorMessage()));
        QCOMPARE(entity->record.id, page->entities[i].record.id);
        QCOMPARE(entity->history, page->entities[i].history);
        for (qsizetype f = 0; f < entity->record.fields.size(); ++f)
            QCOMPARE(entity->record.fields[f].value, page->entities[i].record.fields[f].value);
    }
    // With the compact merge state (meta=2): the same records, read by the client's reader.
    const QByteArray compact = Protocol::bootstrapPageJson(42, *page, Protocol::MetaFormat::Compact);
    QVERIFY(compact != written);
    const auto compactHead = Protocol::readBootstrapHead(compact);
    QVERIFY(compactHead);
    const auto compactEntities = Protocol::readSnapshotEntities(compactHead->entities);
    QVERIFY2(compactEntities, qPrintable(compactEntities.errorMessage()));
    QCOMPARE(compactEntities->size(), page->entities.size());
    for (qsizetype i = 0; i < page->entities.size(); ++i) {
        QCOMPARE(compactEntities->at(i).record, page->entities[i].record);
        QCOMPARE(compactEntities->at(i).history, page->entities[i].history);
    }
    const auto measure = std::find_if(page->entities.cbegin(), page->entities.cend(),
                                      [](const SnapshotEntity &e) { return e.record.id == u"measure-1"_s; });
    QVERIFY(measure != page->entities.cend());
    QVERIFY(measure->record.value(u"description"_s).startsWith(u"\"Zitat\" \\ Pfad\tTab\nZeile\u0001 Straße 🚲"_s));
}

void TestProtocol::compactPagesTellEachHistorysLength()
{
    // A page without histories says how long each was; the store reading it without histories counts the
    // same as one written from a page with them. A length that is not a count is read as not told.
    SamplePlan plan;
    QTemporaryDir dir;
    auto store = ReplicaStore::open(dir.filePath(u"r.sqlite"_s));
    QVERIFY(store);
    QVERIFY((*store)->applyBatch(plan.changes));
    const auto full = (*store)->snapshotPage(0, 1000, ReadScope::all());
    QVERIFY(full && !full->entities.isEmpty());
    const QByteArray fromFull = Protocol::bootstrapPageJson(42, *full, Protocol::MetaFormat::Compact,
                                                            Protocol::HistoryForm::Omitted);
    Protocol::BootstrapPageWriter writer(42, 1000, Protocol::MetaFormat::Compact, Protocol::HistoryForm::Omitted);
    QVERIFY((*store)->snapshotPage(0, 1000, ReadScope::all(), std::numeric_limits<int>::max(), &writer, false));
    QCOMPARE(writer.finish(), fromFull);

    const auto head = Protocol::readBootstrapHead(fromFull);
    QVERIFY(head);
    const auto entities = Protocol::readSnapshotEntities(head->entities);
    QVERIFY2(entities, qPrintable(entities.errorMessage()));
    QCOMPARE(entities->size(), full->entities.size());
    for (qsizetype i = 0; i < entities->size(); ++i) {
        QVERIFY(entities->at(i).historyOmitted);
        QVERIFY(entities->at(i).history.isEmpty());
        QCOMPARE(entities->at(i).historyLength, full->entities[i].history.size());
        QVERIFY(entities->at(i).historyLength > 0);
    }

    const QByteArray told = "\"history_length\":" + QByteArray::number(full->entities.first().history.size()) + ',';
    QVERIFY(fromFull.contains(told));
    for (const QByteArray &instead : { QByteArray(), QByteArray("\"history_length\":-7,"),
                                       QByteArray("\"history_length\":\"12\","),
                                       QByteArray("\"history_length\":null,"),
                                       QByteArray("\"history_length\":[1],") }) {
        QByteArray page = fromFull;
        page.replace(page.indexOf(told), told.size(), instead);
        const auto changedHead = Protocol::readBootstrapHead(page);
        QVERIFY(changedHead);
        const auto read = Protocol::readSnapshotEntities(changedHead->entities);
        QVERIFY2(read, qPrintable(QString::fromUtf8(instead) + u": "_s + read.errorMessage()));
        QCOMPARE(read->first().historyLength, -1);
        QCOMPARE(read->first().record, entities->first().record);
    }
}

void TestProtocol::readerReadsWhatQtReads_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("flat") << QByteArray(R"({"a":"b","n":-42,"t":true,"f":false,"z":null})");
    QTest::newRow("nested") << QByteArray(R"({"a":[[],{},[{"b":[1,2,{"c":""}]}]],"d":{"e":{"f":[]}}})");
    QTest::newRow("white space") << QByteArray(" \n{ \"a\" :\t[ 1 , 2 ] ,\r\n \"b\" : { } } \n");
    QTest::newRow("escapes") << QByteArray(R"({"s":"\"q\" \\ \/ \b\f\n\r\t \u00e4\u00DF \ud83d\udeb2 \\\""})");
    QTest::newRow("a quote after escaped backslashes") << QByteArray(R"(["a\\","b\\\\","\\\"c"])");
    QTest::newRow("umlauts as UTF-8") << QByteArray("{\"s\":\"Stra\xc3\x9f""e \xf0\x9f\x9a\xb2\"}");
    QTest::newRow("empty") << QByteArray(R"({"s":"","a":[],"o":{}})");
}

void TestProtocol::readerReadsWhatQtReads()
{
    QFETCH(QByteArray, json);
    QJsonParseError error;
    const QJsonDocument qt = QJsonDocument::fromJson(json, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    JsonReader reader(json);
    const QJsonValue read = readValue(reader);
    QVERIFY2(!reader.failed(), qPrintable(reader.errorString()));
    QVERIFY(reader.atEnd());
    QCOMPARE(read, qt.isObject() ? QJsonValue(qt.object()) : QJsonValue(qt.array()));

    // Skipping hands out the very text of the value.
    JsonReader skipper(json);
    QByteArrayView raw;
    QVERIFY(skipper.skip(&raw));
    QVERIFY(skipper.atEnd());
    QCOMPARE(QJsonDocument::fromJson(raw.toByteArray()), qt);
}

void TestProtocol::readerRefusesBrokenText_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("empty text") << QByteArray();
    QTest::newRow("unterminated object") << QByteArray(R"({"a":"b")");
    QTest::newRow("unterminated string") << QByteArray(R"({"a":"b})");
    QTest::newRow("missing colon") << QByteArray(R"({"a" "b"})");
    QTest::newRow("missing comma") << QByteArray(R"(["a" "b"])");
    QTest::newRow("trailing comma") << QByteArray(R"(["a",])");
    QTest::newRow("bad escape") << QByteArray(R"(["\x"])");
    QTest::newRow("short unicode escape") << QByteArray(R"(["\u12"])");
    QTest::newRow("raw control character") << QByteArray("[\"a\nb\"]");
    QTest::newRow("bare word") << QByteArray("[nope]");
    QTest::newRow("number too large") << QByteArray("[99999999999999999999999]");
    QTest::newRow("text after the end") << QByteArray(R"({"a":1} x)");
}

void TestProtocol::readerRefusesBrokenText()
{
    QFETCH(QByteArray, json);
    JsonReader reader(json);
    readValue(reader);
    QVERIFY(reader.failed() || !reader.atEnd());
    if (reader.failed())
        QVERIFY(!reader.errorString().isEmpty());
}

void TestProtocol::brokenPagesAreRefusedWhole()
{
    const SnapshotPage page = samplePage(1000);
    QVERIFY(!page.entities.isEmpty());
    const QByteArray good = Protocol::bootstrapPageJson(7, page);

    const auto head = Protocol::readBootstrapHead(good);
    QVERIFY(head);
    QCOMPARE(head->cursor, std::optional<qint64>(7));
    QCOMPARE(head->next, page.next);
    QCOMPARE(head->more, page.more);
    const auto entities = Protocol::readSnapshotEntities(head->entities);
    QVERIFY(entities);
    QCOMPARE(entities->size(), page.entities.size());

    // The page cut short, an entity of an unknown type, a change without a stamp: refused, with a reason.
    QVERIFY(!Protocol::readBootstrapHead(good.left(good.size() / 2)));
    QCOMPARE(Protocol::readBootstrapHead(good.left(good.size() / 2)).errorCode(), u"malformed_snapshot"_s);
    QVERIFY(!Protocol::readBootstrapHead(QByteArray(R"({"entities":[],"more":false})"))); // no next
    QByteArray unknownType = good;
    unknownType.replace("\"type\":\"municipality\",\"values\"", "\"type\":\"spaceship\",\"values\"");
    QVERIFY(unknownType != good);
    const auto withUnknown = Protocol::readBootstrapHead(unknownType);
    QVERIFY(withUnknown);
    QCOMPARE(Protocol::readSnapshotEntities(withUnknown->entities).errorCode(), u"malformed_snapshot"_s);
    QByteArray noStamp = good;
    noStamp.replace("\"hlc\":", "\"stamp\":");
    const auto withoutStamp = Protocol::readBootstrapHead(noStamp);
    QVERIFY(withoutStamp);
    const auto refused = Protocol::readSnapshotEntities(withoutStamp->entities);
    QVERIFY(!refused);
    QCOMPARE(refused.errorCode(), u"malformed_change"_s);
}

void TestProtocol::boundsAreReadFromThePagesStart()
{
    // A page that ends at its limit, so that more is true and next is its last key.
    const SnapshotPage page = samplePage(2);
    QVERIFY(page.more);
    const QByteArray text = Protocol::bootstrapPageJson(7, page);
    const auto head = Protocol::readBootstrapHead(text);
    QVERIFY(head);

    // As the page arrives: nothing until the entities begin, then exactly what the whole page says.
    const qsizetype entitiesAt = text.indexOf("\"entities\"");
    QVERIFY(entitiesAt > 0);
    for (qsizetype size = 0; size < entitiesAt + 11; ++size)
        QVERIFY2(!Protocol::readBootstrapBounds(text.left(size)), qPrintable(QString::number(size)));
    for (qsizetype size : { entitiesAt + 11, entitiesAt + 12, qsizetype(512), text.size() }) {
        const auto bounds = Protocol::readBootstrapBounds(text.left(size));
        QVERIFY2(bounds, qPrintable(QString::number(size)));
        QCOMPARE(*bounds, static_cast<const Protocol::BootstrapPageBounds &>(*head));
        QCOMPARE(bounds->next, page.next);
        QCOMPARE(bounds->cursor, std::optional<qint64>(7));
    }
    // Bounds after the entities (another server's order) are not guessed: the whole page tells them.
    const QByteArray boundsLast = R"({"cursor":7,"entities":[],"more":false,"next":3})";
    QVERIFY(!Protocol::readBootstrapBounds(boundsLast));
    QVERIFY(Protocol::readBootstrapHead(boundsLast));
    // A broken start is no bounds either.
    QVERIFY(!Protocol::readBootstrapBounds(R"({"more":maybe,"next":3,"entities":[)"));
}

namespace {
/** Every change of the sample plan, and edits of every kind: null, empty and awkward values, deletes with seen lists. */
QList<Change> everyKindOfChange()
{
    SamplePlan plan;
    // (A lone surrogate is written as U+FFFD, Qt writes an escape: bootstrapPageIsTheDocumentQtWrites reads it.)
    plan.add(plan.a.set(plan.record(u"measure-1"_s), u"description"_s, u"\"Zitat\" \\ Tab\tZeile\n\u0001 🚲"_s));
    plan.add(plan.a.set(plan.record(u"goal-1"_s), u"indicator"_s, QString(u""_s)));
    plan.add(plan.b.set(plan.record(u"goal-1"_s), u"target_value"_s, QString()));
    plan.add(plan.b.remove(plan.record(u"measure-1"_s)));
    plan.add(plan.a.restore(plan.record(u"measure-1"_s)));
    return plan.changes;
}

QJsonObject reparsed(const QJsonObject &object)
{
    return QJsonDocument::fromJson(QJsonDocument(object).toJson(QJsonDocument::Compact)).object();
}
} // namespace

void TestProtocol::everyChangeIsWrittenAsQtWritesIt()
{
    // The fast writer and reader follow Change's one list of members: what they write is the
    // object toJson() builds (the reader is checked against Qt in bootstrapPageIsTheDocumentQtWrites).
    const QList<Change> changes = everyKindOfChange();
    QSet<Change::Op> ops;
    bool seen = false;
    for (const Change &change : changes) {
        ops.insert(change.op);
        seen = seen || !change.seen.isEmpty();
        Protocol::BootstrapPageWriter writer(1, 1);
        writer.bounds(SnapshotPage {});
        writer.change(change);
        SnapshotEntity entity;
        entity.record.id = change.entityId;
        entity.record.spec = Schema::instance().entity(change.entityType);
        writer.entity(entity);
        const QJsonDocument page = QJsonDocument::fromJson(writer.finish());
        const QJsonValue written = page.object().value(u"entities"_s)[0][u"history"_s][0];
        QCOMPARE(written.toObject(), change.toJson());
        const auto back = Change::fromJson(change.toJson());
        QVERIFY2(back, qPrintable(back.errorMessage()));
        QCOMPARE(*back, change);
    }
    QCOMPARE(ops.size(), 4);
    QVERIFY(seen);
    // Every member has its name once, sorted as Qt sorts keys (the writer relies on it).
    QStringList names;
    for (const char *name : Change::memberNames)
        names << QString::fromLatin1(name);
    QStringList sorted = names;
    sorted.sort();
    QCOMPARE(names, sorted);
    QCOMPARE(QSet<QString>(names.cbegin(), names.cend()).size(), names.size());
    for (const QString &key : changes.first().toJson().keys())
        QVERIFY2(Change::memberNamed(key.toLatin1()), qPrintable(key));
}

void TestProtocol::messagesComeBackAsTheyWereSent()
{
    const QList<Change> changes = everyKindOfChange();
    const Protocol::StoreIdentity identity { u"epoch-2"_s, u"epoch-1"_s, 77 };

    Protocol::PushRequest push;
    for (qsizetype i = 0; i < changes.size(); ++i)
        push.items.append({ changes[i], i % 3 == 0 ? u"seal-%1"_s.arg(i) : QString() });
    const auto pushed = Protocol::PushRequest::fromBody(push.toBody(), int(push.items.size()));
    QVERIFY2(pushed, qPrintable(pushed.errorMessage()));
    QCOMPARE(pushed->items, push.items);
    QVERIFY(pushed->malformed.isEmpty());

    const Protocol::PushAnswer answer { { changes[0].id, changes[1].id },
                                        { { changes[2].id, u"forbidden"_s, u"nicht erlaubt"_s } }, 1234, identity };
    const auto answered = Protocol::PushAnswer::fromJson(reparsed(answer.toJson()));
    QVERIFY2(answered, qPrintable(answered.errorMessage()));
    QCOMPARE(*answered, answer);

    Protocol::PullPage page { {}, 99, true, Protocol::cursorTag(changes.last().id), identity };
    for (qsizetype i = 0; i < changes.size(); ++i)
        page.changes.append({ 10 + i, changes[i], i % 2 ? u"seal"_s : QString() });
    const auto pulled = Protocol::PullPage::fromJson(reparsed(page.toJson()));
    QVERIFY2(pulled, qPrintable(pulled.errorMessage()));
    QCOMPARE(*pulled, page);
    // In table form too, with a stamp of another device than the change's, and in fewer bytes.
    page.changes.last().change.hlc.device = u"laptop-stamped-elsewhere"_s;
    const QJsonObject table = reparsed(page.toJson(Protocol::PullForm::Table));
    QVERIFY(table.contains(u"rows"_s) && !table.contains(u"changes"_s));
    const auto tabled = Protocol::PullPage::fromJson(table);
    QVERIFY2(tabled, qPrintable(tabled.errorMessage()));
    QCOMPARE(*tabled, page);
    QVERIFY(QJsonDocument(table).toJson(QJsonDocument::Compact).size()
            < QJsonDocument(page.toJson()).toJson(QJsonDocument::Compact).size());

    // An identity a server never restored, or one of an older server that keeps none.
    for (const Protocol::StoreIdentity &id : { Protocol::StoreIdentity { u"e"_s, {}, 0 }, Protocol::StoreIdentity {} }) {
        QJsonObject object;
        id.addTo(object);
        QCOMPARE(Protocol::StoreIdentity::of(reparsed(object)), id);
        QCOMPARE(object.isEmpty(), id.epoch.isEmpty());
    }
}

void TestProtocol::misshapenMessagesAreRefused_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QString>("code");
    const QByteArray change = QJsonDocument(everyKindOfChange().first().toJson()).toJson(QJsonDocument::Compact);
    QTest::newRow("push: not JSON") << QByteArray("push {") << u"malformed_json"_s;
    QTest::newRow("push: an array") << QByteArray("[]") << u"malformed_json"_s;
    QTest::newRow("push: no changes") << QByteArray(R"({"change":[]})") << u"bad_request"_s;
    QTest::newRow("push: changes not an array") << QByteArray(R"({"changes":{}})") << u"bad_request"_s;
    QTest::newRow("push: one too many") << "{\"changes\":[" + change + "," + change + "," + change + "]}" << u"payload_too_large"_s;
    QTest::newRow("push answer: no rejected") << QByteArray(R"({"accepted":[]})") << u"malformed"_s;
    QTest::newRow("push answer: an id a number") << QByteArray(R"({"accepted":[1],"rejected":[]})") << u"malformed"_s;
    QTest::newRow("push answer: rejection without error") << QByteArray(R"({"accepted":[],"rejected":[{"id":"a:1"}]})")
                                                          << u"malformed"_s;
    QTest::newRow("pull: no more") << QByteArray(R"({"changes":[],"next":1})") << u"malformed"_s;
    QTest::newRow("pull: next a string") << QByteArray(R"({"changes":[],"next":"1","more":false})") << u"malformed"_s;
    QTest::newRow("pull: a change without id") << QByteArray(R"({"changes":[{"seq":1,"change":{"op":"set"}}],"next":1,"more":false})")
                                               << u"malformed"_s;
}

void TestProtocol::misshapenMessagesAreRefused()
{
    QFETCH(QByteArray, message);
    QFETCH(QString, code);
    const QJsonObject json = QJsonDocument::fromJson(message).object();
    const QString tag = QString::fromLatin1(QTest::currentDataTag());
    QString got;
    if (tag.startsWith(u"push answer"_s))
        got = Protocol::PushAnswer::fromJson(json).errorCode();
    else if (tag.startsWith(u"push"_s))
        got = Protocol::PushRequest::fromBody(message, 2).errorCode();
    else
        got = Protocol::PullPage::fromJson(json).errorCode();
    QCOMPARE(got, code);
    // A change that does not parse refuses that change alone, by its id.
    const QByteArray body = R"({"changes":[{"id":"x:1","op":"mend"}]})";
    const auto parsed = Protocol::PushRequest::fromBody(body, 2);
    QVERIFY(parsed && parsed->items.isEmpty());
    QCOMPARE(parsed->malformed.value(0).id, u"x:1"_s);
    QCOMPARE(parsed->malformed.value(0).error, u"malformed_change"_s);
}

namespace {
/** Row r of a table-form page with its devices and author by name (indices depend on the order of use). */
QJsonArray named(const QJsonObject &page, qsizetype r)
{
    using namespace Protocol::PullTable;
    QJsonArray row = page.value(u"rows"_s)[r].toArray();
    for (Place place : { HlcDevice, Device, Author }) {
        const QJsonArray names = page.value(place == Author ? u"authors"_s : u"devices"_s).toArray();
        row[place] = names.at(row[place].toInt());
    }
    return row;
}
} // namespace

void TestProtocol::pullRowsAreCheckedPlaceByPlace()
{
    // Every place of every kind of row, given every kind of value: refused as malformed, or read as a
    // change that the table form writes back as that very row (nothing dropped or changed unseen).
    const QList<Change> changes = everyKindOfChange();
    Protocol::PullPage page { {}, 99, false, {}, {} };
    for (qsizetype i = 0; i < changes.size(); ++i)
        page.changes.append({ 10 + 3 * i, changes[i], i % 2 ? u"c2VhbA"_s : QString() });
    const QJsonObject table = reparsed(page.toJson(Protocol::PullForm::Table));
    const QJsonArray rows = table.value(u"rows"_s).toArray();
    const QJsonValue values[] = { QJsonObject(), QJsonArray(), QJsonArray { 1 }, u"x"_s, u""_s, 1.5, -1, 1, 0,
                                  1e300, QJsonValue(), true };
    int refused = 0, read = 0;
    for (qsizetype r = 0; r < rows.size(); ++r) {
        for (int place = 0; place < Protocol::PullTable::rowSize; ++place) {
            for (const QJsonValue &value : values) {
                QJsonArray row = rows[r].toArray();
                row[place] = value;
                QJsonArray changed = rows;
                changed[r] = row;
                QJsonObject json = table;
                json.insert(u"rows"_s, changed);
                const auto got = Protocol::PullPage::fromJson(json);
                const QString what = u"row %1, place %2, %3"_s.arg(r).arg(place).arg(
                        QString::fromUtf8(QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact)));
                if (!got) {
                    QVERIFY2(got.errorCode() == u"malformed"_s, qPrintable(what + u": "_s + got.errorCode()));
                    ++refused;
                    continue;
                }
                ++read;
                const QJsonObject again = reparsed(got->toJson(Protocol::PullForm::Table));
                QVERIFY2(named(again, r) == named(json, r), qPrintable(what));
            }
        }
        // Too short, too long, not an array.
        QJsonArray shorter = rows[r].toArray(), longer = rows[r].toArray();
        shorter.removeLast();
        longer.append(1);
        for (const QJsonValue &row : { QJsonValue(shorter), QJsonValue(longer), QJsonValue(u"row"_s) }) {
            QJsonArray changed = rows;
            changed[r] = row;
            QJsonObject json = table;
            json.insert(u"rows"_s, changed);
            QCOMPARE(Protocol::PullPage::fromJson(json).errorCode(), u"malformed"_s);
        }
    }
    QVERIFY(refused > read); // most of these are wrong; some are merely other changes
    QVERIFY(read > 0);
    // Tables that are not lists of names.
    for (const QString &member : { u"devices"_s, u"authors"_s, u"rows"_s }) {
        for (const QJsonValue &value : { QJsonValue(QJsonObject()), QJsonValue(QJsonArray { 1 }), QJsonValue() }) {
            QJsonObject json = table;
            json.insert(member, value);
            if (member == u"rows"_s && value.isArray())
                continue; // a row that is a number: covered above
            QCOMPARE(Protocol::PullPage::fromJson(json).errorCode(), u"malformed"_s);
        }
    }
}

QTEST_GUILESS_MAIN(TestProtocol)
#include "tst_protocol.moc"

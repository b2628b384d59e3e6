// SPDX-License-Identifier: GPL-3.0-or-later
// The wire form: a bootstrap page written straight as text is the same
// document QJsonDocument writes from the same page, whatever the text holds,
// and reads back into the same entities.

#include "helpers/sampleplan.h"
#include "storage/replicastore.h"
#include "sync/jsonreader.h"
#include "sync/protocol.h"

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
    void readerReadsWhatQtReads_data();
    void readerReadsWhatQtReads();
    void readerRefusesBrokenText_data();
    void readerRefusesBrokenText();
    void brokenPagesAreRefusedWhole();
    void boundsAreReadFromThePagesStart();
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

QTEST_GUILESS_MAIN(TestProtocol)
#include "tst_protocol.moc"

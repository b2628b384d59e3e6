// SPDX-License-Identifier: GPL-3.0-or-later
// The wire form: a bootstrap page written straight as text is the same
// document QJsonDocument writes from the same page, whatever the text holds,
// and reads back into the same entities.

#include "helpers/sampleplan.h"
#include "storage/replicastore.h"
#include "sync/protocol.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestProtocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bootstrapPageIsTheDocumentQtWrites();
};

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
    const auto measure = std::find_if(page->entities.cbegin(), page->entities.cend(),
                                      [](const SnapshotEntity &e) { return e.record.id == u"measure-1"_s; });
    QVERIFY(measure != page->entities.cend());
    QVERIFY(measure->record.value(u"description"_s).startsWith(u"\"Zitat\" \\ Pfad\tTab\nZeile\u0001 Straße 🚲"_s));
}

QTEST_GUILESS_MAIN(TestProtocol)
#include "tst_protocol.moc"

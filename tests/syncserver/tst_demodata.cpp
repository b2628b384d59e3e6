// SPDX-License-Identifier: GPL-3.0-or-later
// The demo data set: its compiled-in resource loads, and the changes made from it seed the expected content.
#include "democatalogue.h"
#include "demodata.h"

#include "model/hlc.h"
#include "sync/localeditor.h"
#include "sync/replicastate.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

QByteArray compiledInJson()
{
    QFile file(u":/demodata/demodata.json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

/** The demo changes applied to an in-memory replica, as the server's store applies them. */
struct Seeded
{
    QList<Change> changes;
    ReplicaState state;
    QString failure; ///< the first change that did not apply

    Seeded()
    {
        HlcClock clock(u"demo-test"_s);
        LocalEditor editor(clock, u"admin"_s);
        changes = DemoData::changes(editor);
        for (const Change &change : std::as_const(changes)) {
            if (const Result<ApplyOutcome> applied = state.applyValidated(change); !applied && failure.isEmpty())
                failure = applied.errorMessage();
        }
    }

    [[nodiscard]] QMap<QString, int> liveCounts() const
    {
        QMap<QString, int> counts;
        for (const EntityRecord *record : state.entities()) {
            if (record->isLive())
                ++counts[record->spec->name];
        }
        return counts;
    }
};

} // namespace

class TestDemoData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resourceLoads()
    {
        const QByteArray json = compiledInJson();
        QVERIFY(!json.isEmpty());
        const Result<DemoCatalogue> read = DemoCatalogue::fromJson(json);
        QVERIFY2(read, qPrintable(read.errorMessage()));
        QCOMPARE(read->places.size(), 14);
        QCOMPARE(read->fieldsOfAction.size(), 10);
        QVERIFY(!read->localMeasures.isEmpty());
        QCOMPARE(read->milestoneTitles.size(), 6);
        QCOMPARE(DemoCatalogue::compiledIn().places.size(), read->places.size());
    }

    void brokenResourceIsRefused_data()
    {
        QTest::addColumn<QString>("member");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("named");
        QTest::newRow("no places") << u"places"_s << QJsonValue() << u"demodata.places"_s;
        QTest::newRow("places not a list") << u"places"_s << QJsonValue(3) << u"demodata.places"_s;
        QTest::newRow("no meeting") << u"southMeeting"_s << QJsonValue() << u"demodata.southMeeting"_s;
        QTest::newRow("no milestones") << u"milestoneTitles"_s << QJsonValue(QJsonArray()) << u"milestone"_s;
    }

    void brokenResourceIsRefused()
    {
        QFETCH(QString, member);
        QFETCH(QJsonValue, value);
        QFETCH(QString, named);
        QJsonObject root = QJsonDocument::fromJson(compiledInJson()).object();
        if (value.isUndefined() || value.isNull())
            root.remove(member);
        else
            root.insert(member, value);
        const Result<DemoCatalogue> read = DemoCatalogue::fromJson(QJsonDocument(root).toJson());
        QVERIFY(!read);
        QVERIFY2(read.errorMessage().contains(named), qPrintable(read.errorMessage()));
    }

    void fieldIndexOutOfRangeIsRefused()
    {
        QJsonObject root = QJsonDocument::fromJson(compiledInJson()).object();
        QJsonArray places = root.value(u"places"_s).toArray();
        QJsonObject first = places[0].toObject();
        first.insert(u"fields"_s, QJsonArray { 0, 99 });
        places[0] = first;
        root.insert(u"places"_s, places);
        const Result<DemoCatalogue> read = DemoCatalogue::fromJson(QJsonDocument(root).toJson());
        QVERIFY(!read);
        QVERIFY2(read.errorMessage().contains(u"no field of action 99"_s), qPrintable(read.errorMessage()));
    }

    void notJsonIsRefused()
    {
        QVERIFY(!DemoCatalogue::fromJson("{ not json"));
        QVERIFY(!DemoCatalogue::fromJson("[]"));
    }

    void municipalitiesAreStable()
    {
        const QList<DemoMunicipality> municipalities = DemoData::municipalities();
        QCOMPARE(municipalities.size(), 14);
        QCOMPARE(municipalities.first().id, u"muni-adorf"_s);
        QCOMPARE(municipalities.first().planId, u"plan-adorf"_s);
        QCOMPARE(municipalities.first().name, u"Adorf/Vogtl."_s);
        QCOMPARE(municipalities.first().account, u"adorf"_s);
        QCOMPARE(municipalities.last().id, u"muni-eutin"_s);
        QCOMPARE(municipalities.last().cluster, u"Nord"_s);
    }

    void seedsTheExpectedCounts()
    {
        const Seeded seeded;
        QVERIFY2(seeded.failure.isEmpty(), qPrintable(seeded.failure));
        QCOMPARE(seeded.changes.size(), 7422);
        const QMap<QString, int> expected {
            { u"comment"_s, 2 },          { u"field_of_action"_s, 45 }, { u"goal"_s, 83 },
            { u"measure"_s, 302 },        { u"meeting"_s, 2 },          { u"meeting_link"_s, 4 },
            { u"milestone"_s, 382 },      { u"municipality"_s, 14 },    { u"plan"_s, 14 },
            { u"plan_version"_s, 3 },     { u"synopsis_figure"_s, 42 },
        };
        QCOMPARE(seeded.liveCounts(), expected);
        for (const DemoMunicipality &m : DemoData::municipalities()) {
            QVERIFY2(seeded.state.entity(m.id), qPrintable(m.id));
            QVERIFY2(seeded.state.entity(m.planId), qPrintable(m.planId));
        }
    }

    void placeholdersAreFilledIn()
    {
        const Seeded seeded;
        for (const Change &change : seeded.changes) {
            for (const QString &placeholder : { u"{ort}"_s, u"{in}"_s, u"{rat}"_s, u"{guests}"_s })
                QVERIFY2(!change.value.contains(placeholder), qPrintable(change.entityType + u' ' + change.field));
        }
        const EntityRecord *south = seeded.state.entity(u"meeting-sued-2022-zwickau"_s);
        QVERIFY(south);
        const QString participants = south->value(u"participants"_s);
        QVERIFY2(participants.contains(u"Kommunen: Adorf/Vogtl., Dresden"_s), qPrintable(participants));
        QVERIFY(!participants.contains(u"Zwickau, "_s)); // the host is no guest
    }

    void sameContentOnEveryCall()
    {
        // Ids of entities other than the municipalities and their plans are new each time; the rest is fixed.
        auto shape = [](const Seeded &seeded) {
            QStringList lines;
            for (const Change &change : seeded.changes)
                lines << change.entityType + u'/' + change.field;
            return lines;
        };
        const Seeded first;
        const Seeded second;
        QCOMPARE(shape(first), shape(second));
        QCOMPARE(first.liveCounts(), second.liveCounts());
    }
};

QTEST_GUILESS_MAIN(TestDemoData)
#include "tst_demodata.moc"

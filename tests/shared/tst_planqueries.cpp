// SPDX-License-Identifier: GPL-3.0-or-later
// The query module: what code outside storage reads, from a real replica file, and that a failed
// query says so instead of answering with an empty list.
#include "helpers/sampleplan.h"
#include "model/schema.h"
#include "storage/planqueries.h"
#include "storage/replicastore.h"
#include "storage/storeaccess.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;

class TestPlanQueries : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsThePlanContent();
    void countsForTheDashboard();
    void reportsAFailedQuery();

private:
    /** A new replica file holding the sample plan. */
    std::unique_ptr<ReplicaStore> sampleStore(const QTemporaryDir &dir)
    {
        auto store = ReplicaStore::open(dir.filePath(u"replica.sqlite"_s));
        if (!store)
            qWarning() << store.errorMessage();
        if (!store || !store.value()->applyBatch(SamplePlan().changes))
            return nullptr;
        return std::move(store).value();
    }
};

void TestPlanQueries::readsThePlanContent()
{
    QTemporaryDir dir;
    const auto store = sampleStore(dir);
    QVERIFY(store);
    PlanQueries queries(*store);

    const EntitySpec &measure = *Schema::instance().entity(u"measure"_s);
    const auto children
        = queries.liveChildren(measure, { u"goal-1"_s }, { u"title"_s, u"status"_s, u"nonsense"_s });
    QVERIFY2(children, qPrintable(children.errorMessage()));
    QCOMPARE(children->size(), 1); // measure-2 is deleted
    QCOMPARE(children->first().parentId, u"goal-1"_s);
    QCOMPARE(children->first().position, u"V"_s);
    QCOMPARE(children->first().item.id, u"measure-1"_s);
    QCOMPARE(children->first().item.values,
        QStringList({ store->record(u"measure-1"_s)->value(u"title"_s), u"planned"_s, QString() }));

    const auto deleted = queries.deletedIds(measure);
    QVERIFY(deleted);
    QCOMPARE(deleted.value(), QStringList { u"measure-2"_s });

    const auto measures = queries.liveMeasures();
    QVERIFY(measures);
    QCOMPARE(measures->size(), 1);
    QCOMPARE(measures->first().planId, u"plan-adorf"_s);
    QCOMPARE(measures->first().municipality, u"Adorf/Vogtl."_s);
    QCOMPARE(measures->first().fieldOfAction, u"Fachkräftemangel"_s);

    const auto municipalities = queries.municipalitiesWithPlans();
    QVERIFY(municipalities);
    QCOMPARE(municipalities->size(), 1);
    QCOMPARE(municipalities->first().planId, u"plan-adorf"_s);
    QVERIFY(municipalities->first().shared);
    QCOMPARE(municipalities->first().measures, 1);

    const auto names = queries.liveMunicipalityNames();
    QVERIFY(names);
    QCOMPARE(names.value(), (QList<QPair<QString, QString>> { { u"muni-adorf"_s, u"Adorf/Vogtl."_s } }));
    const auto versions = queries.planVersions(u"plan-adorf"_s);
    QVERIFY(versions);
    QVERIFY(versions->isEmpty());
}

void TestPlanQueries::countsForTheDashboard()
{
    QTemporaryDir dir;
    const auto store = sampleStore(dir);
    QVERIFY(store);
    PlanQueries queries(*store);

    const auto counts = queries.measureStatusCounts();
    QVERIFY(counts);
    QCOMPARE(counts->size(), 1);
    QCOMPARE(counts->first().planId, u"plan-adorf"_s);
    QCOMPARE(counts->first().status, u"planned"_s);
    QCOMPARE(counts->first().measures, 1);
    QCOMPARE(counts->first().complete, 1); // dates and someone responsible

    const auto plans = queries.livePlans();
    QVERIFY(plans);
    QCOMPARE(plans->size(), 1);
    QCOMPARE(plans->first().municipalityId, u"muni-adorf"_s);
    QCOMPARE(plans->first().reviewStatus, u"draft"_s);

    // The deleted measure counts as content: its deletion is the plan's newest change.
    const auto content = queries.newestContentChanges();
    QVERIFY(content);
    QCOMPARE(content->size(), 1);
    QCOMPARE(content->first().first, u"plan-adorf"_s);
    QCOMPARE(content->first().second, SamplePlan().changes.last().hlc.toString());
    const auto own = queries.newestPlanChanges();
    QVERIFY(own);
    QCOMPARE(own->size(), 1);
    QVERIFY(!own->first().second.isEmpty());
}

void TestPlanQueries::reportsAFailedQuery()
{
    QTemporaryDir dir;
    const auto store = sampleStore(dir);
    QVERIFY(store);
    // A table the queries read is gone: they say so rather than answer with nothing.
    QSqlQuery rename(StoreAccess::database(*store));
    QVERIFY(rename.exec(u"ALTER TABLE measures RENAME TO measures_elsewhere"_s));
    PlanQueries queries(*store);

    const auto measures = queries.liveMeasures();
    QVERIFY(!measures);
    QCOMPARE(measures.errorCode(), u"storage_error"_s);
    QVERIFY(!queries.measuresWithTheme({}));
    QVERIFY(!queries.municipalitiesWithPlans());
    QVERIFY(!queries.measureStatusCounts());
    QVERIFY(!queries.deletedIds(*Schema::instance().entity(u"measure"_s)));
    QVERIFY(!queries.liveChildren(*Schema::instance().entity(u"measure"_s), { u"goal-1"_s }, { u"title"_s }));
    // The other tables are still read.
    QVERIFY(queries.livePlans());
}

QTEST_GUILESS_MAIN(TestPlanQueries)
#include "tst_planqueries.moc"

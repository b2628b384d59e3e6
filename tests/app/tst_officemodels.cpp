// SPDX-License-Identifier: GPL-3.0-or-later
// The project office's models (overview, versions and their differences, charts, synopsis, meetings)
// over a real local replica.
#include "chartmodels.h"
#include "dashboardmodel.h"
#include "meetingsmodel.h"
#include "reviewmodels.h"
#include "session.h"
#include "synopsismodel.h"
#include "vocabulary.h"

#include <QDate>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestOfficeModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void diffShowsExactlyTheEditSinceTheLastSubmission();
    void versionsNewestFirst();
    void dashboardFiltersAndSorts();
    void chartsCountMeasuresAndListThem();
    void synopsisShowsTheNewestFigureOfEachKey();
    void meetingsUpcomingFirstWithTheirMeasures();

private:
    /** A municipality with a plan of one measure per title; returns the plan. */
    QString addPlan(const QString &name, const QString &cluster, const QString &state, const QStringList &measures,
                    const QString &themes = {});
    QString add(const QString &type, const QString &parent, const LocalReplica::Fields &fields)
    {
        const auto id = m_session->replica()->add(type, parent, fields);
        [&] { QVERIFY2(id, id ? "" : qPrintable(id.error().message)); }();
        return id ? *id : QString();
    }
    static QStringList column(RowListModel &model, const char *role)
    {
        QStringList values;
        for (int row = 0; row < model.count(); ++row)
            values << model.get(row).value(QString::fromLatin1(role)).toString();
        return values;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Session> m_session;
    QHash<QString, QString> m_measures; ///< title → id
};

void TestOfficeModels::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_session = std::make_unique<Session>(m_dir->path());
    Session::setInstance(m_session.get());
    // Local work has no rules yet: every municipality's plan can be written here as pulls would bring them.
    QVERIFY(m_session->startLocal(u"Adorf/Vogtl."_s));
    m_measures.clear();
}

void TestOfficeModels::cleanup()
{
    Session::setInstance(nullptr);
    m_session.reset();
    m_dir.reset();
}

QString TestOfficeModels::addPlan(const QString &name, const QString &cluster, const QString &state,
                                  const QStringList &measures, const QString &themes)
{
    const QString place = add(u"municipality"_s, {}, { { u"name"_s, name }, { u"cluster"_s, cluster }, { u"state"_s, state } });
    const QString plan = add(u"plan"_s, place, { { u"title"_s, u"Werkstattplan %1"_s.arg(name) }, { u"review_status"_s, u"draft"_s } });
    const QString field = add(u"field_of_action"_s, plan, { { u"title"_s, u"Fachkräfte"_s } });
    const QString goal = add(u"goal"_s, field, { { u"title"_s, u"Ausbildung halten"_s } });
    for (const QString &title : measures)
        m_measures.insert(title, add(u"measure"_s, goal, { { u"title"_s, title }, { u"status"_s, u"planned"_s }, { u"themes"_s, themes } }));
    return plan;
}

void TestOfficeModels::diffShowsExactlyTheEditSinceTheLastSubmission()
{
    const QString plan = addPlan(u"Furth"_s, u"Süd"_s, u"Bayern"_s, { u"Azubi-Tag"_s, u"Bürgerbus"_s });
    PlanDiffModel diff;
    diff.setSession(m_session.get());
    diff.setPlanId(plan);
    diff.refresh();
    QCOMPARE(diff.count(), 0); // nothing submitted yet
    QVERIFY(diff.comparison().isEmpty());

    LocalReplica &replica = *m_session->replica();
    QVERIFY(replica.submit(plan));
    QVERIFY(replica.set(m_measures[u"Azubi-Tag"_s], { { u"title"_s, u"Azubi-Speeddating"_s } }));
    QVERIFY(replica.submit(plan));
    diff.refresh();
    QCOMPARE(diff.count(), 1);
    QCOMPARE(diff.get(0).value(u"kind"_s).toString(), u"changed"_s);
    QCOMPARE(diff.get(0).value(u"entityId"_s).toString(), m_measures[u"Azubi-Tag"_s]);
    QCOMPARE(diff.get(0).value(u"fieldLabel"_s).toString(), Vocabulary::fieldLabel(u"title"_s));
    QCOMPARE(diff.get(0).value(u"oldValue"_s).toString(), u"Azubi-Tag"_s);
    QCOMPARE(diff.get(0).value(u"newValue"_s).toString(), u"Azubi-Speeddating"_s);
    QVERIFY(!diff.comparison().isEmpty());

    // Since the last submission, up to now: a removed measure, nothing else.
    QVERIFY(replica.remove(m_measures[u"Bürgerbus"_s]));
    diff.setToVersion(u"current"_s);
    diff.refresh();
    QCOMPARE(column(diff, "kind"), QStringList { u"removed"_s });
    QCOMPARE(column(diff, "title"), QStringList { u"Bürgerbus"_s });
}

void TestOfficeModels::versionsNewestFirst()
{
    const QString plan = addPlan(u"Furth"_s, u"Süd"_s, u"Bayern"_s, { u"Azubi-Tag"_s });
    const auto first = m_session->replica()->submit(plan, u"Erster Entwurf"_s);
    const auto second = m_session->replica()->submit(plan);
    QVERIFY(first && second);
    PlanVersionsModel versions;
    versions.setSession(m_session.get());
    versions.setPlanId(plan);
    versions.refresh();
    QCOMPARE(column(versions, "versionId"), (QStringList { *second, *first }));
    QCOMPARE(versions.get(1).value(u"label"_s).toString(), u"Erster Entwurf"_s);
    QVERIFY(versions.get(0).value(u"label"_s).toString().startsWith(u"Stand vom "_s));
}

void TestOfficeModels::dashboardFiltersAndSorts()
{
    addPlan(u"Furth"_s, u"Süd"_s, u"Bayern"_s, { u"A"_s, u"B"_s, u"C"_s });
    addPlan(u"Eutin"_s, u"Nord"_s, u"Schleswig-Holstein"_s, { u"D"_s });
    addPlan(u"Riesa"_s, u"Süd"_s, u"Sachsen"_s, {});
    DashboardModel dashboard;
    dashboard.setSession(m_session.get());
    dashboard.setSortBy(u"name"_s);
    dashboard.refresh();
    QCOMPARE(column(dashboard, "name"), (QStringList { u"Adorf/Vogtl."_s, u"Eutin"_s, u"Furth"_s, u"Riesa"_s }));
    QCOMPARE(dashboard.total(), 4);
    // Each plan's newest change follows the rows.
    QTRY_VERIFY(dashboard.isComplete());
    const QString furthChanged = dashboard.get(2).value(u"lastChange"_s).toString();
    QVERIFY2(furthChanged.contains(QDate::currentDate().toString(u"yyyy"_s)), qPrintable(furthChanged));
    QVERIFY(dashboard.clusters().contains(u"Nord"_s) && dashboard.clusters().contains(u"Süd"_s));

    dashboard.setCluster(u"Süd"_s);
    dashboard.refresh();
    QCOMPARE(column(dashboard, "name"), (QStringList { u"Furth"_s, u"Riesa"_s }));
    dashboard.setFederalState(u"Sachsen"_s);
    dashboard.refresh();
    QCOMPARE(column(dashboard, "name"), QStringList { u"Riesa"_s });

    dashboard.setCluster({});
    dashboard.setFederalState({});
    dashboard.setSortBy(u"measures"_s);
    dashboard.setDescending(true);
    dashboard.refresh();
    QCOMPARE(column(dashboard, "name").first(), u"Furth"_s);
    QCOMPARE(dashboard.get(0).value(u"measures"_s).toInt(), 3);
    const QVariantList segments = dashboard.get(0).value(u"segments"_s).toList();
    QCOMPARE(segments.size(), 1);
    QCOMPARE(segments[0].toMap().value(u"status"_s).toString(), u"planned"_s);
    QCOMPARE(segments[0].toMap().value(u"count"_s).toInt(), 3);
}

void TestOfficeModels::chartsCountMeasuresAndListThem()
{
    addPlan(u"Furth"_s, u"Süd"_s, u"Bayern"_s, { u"Azubi-Tag"_s, u"Jobmesse"_s }, u"[\"skilled_workers\",\"youth\"]"_s);
    addPlan(u"Eutin"_s, u"Nord"_s, u"Schleswig-Holstein"_s, { u"Bürgerbus"_s }, u"[\"mobility\"]"_s);
    ChartModel chart;
    chart.setSession(m_session.get());
    chart.setDimension(u"theme"_s);
    chart.refresh();
    QCOMPARE(chart.total(), 3);
    QCOMPARE(column(chart, "key"), (QStringList { u"skilled_workers"_s, u"youth"_s, u"mobility"_s }));
    QCOMPARE(column(chart, "count"), (QStringList { u"2"_s, u"2"_s, u"1"_s }));
    QCOMPARE(chart.get(2).value(u"share"_s).toDouble(), 0.5);

    chart.setDimension(u"cluster"_s);
    chart.refresh();
    QCOMPARE(column(chart, "key"), (QStringList { u"Nord"_s, u"Süd"_s }));
    QCOMPARE(chart.get(1).value(u"segments"_s).toList().size(), 1);

    ChartMeasuresModel measures;
    measures.setSession(m_session.get());
    measures.setDimension(u"theme"_s);
    measures.setKey(u"mobility"_s);
    measures.refresh();
    QCOMPARE(column(measures, "title"), QStringList { u"Bürgerbus"_s });
    QCOMPARE(column(measures, "municipality"), QStringList { u"Eutin"_s });
}

void TestOfficeModels::synopsisShowsTheNewestFigureOfEachKey()
{
    const QString furth = m_session->replica()->store().record(
            m_session->replica()->store().record(addPlan(u"Furth"_s, u"Süd"_s, u"Bayern"_s, {}))->value(u"municipality"_s))->id;
    QVERIFY(m_session->setSynopsisFigure(furth, u"population"_s, u"4700"_s, u"Einwohner"_s, u"2021"_s));
    QVERIFY(m_session->setSynopsisFigure(furth, u"population"_s, u"4650"_s, u"Einwohner"_s, u"2022"_s));
    QVERIFY(m_session->setSynopsisFigure(furth, u"area_km2"_s, u"18.5"_s, u"km²"_s, u"2022"_s));
    QVERIFY(m_session->setSynopsisFigure(furth, u"area_km2"_s, u"18.6"_s, u"km²"_s, u"2022"_s)); // corrected in place

    SynopsisModel synopsis;
    synopsis.setSession(m_session.get());
    synopsis.refresh();
    QCOMPARE(synopsis.keys(), (QStringList { u"population"_s, u"area_km2"_s }));
    QCOMPARE(synopsis.keyLabels().first(), Vocabulary::synopsisKeyLabel(u"population"_s));
    const int row = column(synopsis, "name").indexOf(u"Furth"_s);
    QVERIFY(row >= 0);
    const QVariantList cells = synopsis.get(row).value(u"cells"_s).toList();
    QCOMPARE(cells[0].toMap().value(u"value"_s).toString(), u"4650"_s);
    QCOMPARE(cells[0].toMap().value(u"year"_s).toString(), u"2022"_s);
    QCOMPARE(cells[1].toMap().value(u"value"_s).toString(), u"18.6"_s);
    QCOMPARE(m_session->replica()->store().entityIds(u"synopsis_figure"_s).size(), 3);
    // Adorf has no figures: its cells are empty, not missing.
    const QVariantList adorf = synopsis.get(column(synopsis, "name").indexOf(u"Adorf/Vogtl."_s)).value(u"cells"_s).toList();
    QCOMPARE(adorf.size(), 2);
    QVERIFY(adorf[0].toMap().value(u"figureId"_s).toString().isEmpty());
}

void TestOfficeModels::meetingsUpcomingFirstWithTheirMeasures()
{
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    const QString later = QDate::currentDate().addDays(30).toString(Qt::ISODate);
    const QString past = m_session->addMeeting(u"Treffen im Frühjahr"_s, u"Süd"_s, u"2022-03-01"_s, {}, u"Zwickau"_s);
    const QString next = m_session->addMeeting(u"Nächstes Treffen"_s, u"Süd"_s, later, {}, u"Riesa"_s);
    const QString soon = m_session->addMeeting(u"Heute"_s, u"Süd"_s, today, {}, u"Furth"_s);
    QVERIFY(!past.isEmpty() && !next.isEmpty() && !soon.isEmpty());
    MeetingsModel meetings;
    meetings.setSession(m_session.get());
    meetings.refresh();
    QCOMPARE(column(meetings, "meetingId"), (QStringList { soon, next, past }));
    QCOMPARE(meetings.get(2).value(u"upcoming"_s).toBool(), false);

    // The own plan's measure announced for the next meeting; it is no longer offered.
    const QString field = m_session->addEntity(u"field_of_action"_s, m_session->planId(), u"Fachkräfte"_s);
    const QString goal = m_session->addEntity(u"goal"_s, field, u"Ausbildung"_s);
    const QString measure = m_session->addEntity(u"measure"_s, goal, u"Ausbildungsmesse"_s);
    MeetingLinksModel links;
    links.setSession(m_session.get());
    links.setMeetingId(next);
    links.refresh();
    QCOMPARE(links.linkableMeasures().size(), 1);
    QVERIFY(!m_session->linkToMeeting(measure, next).isEmpty());
    links.refresh();
    QCOMPARE(column(links, "title"), QStringList { u"Ausbildungsmesse"_s });
    QCOMPARE(links.get(0).value(u"municipality"_s).toString(), u"Adorf/Vogtl."_s);
    QCOMPARE(links.linkableMeasures().size(), 0);
    meetings.refresh();
    QCOMPARE(meetings.get(1).value(u"linkedMeasures"_s).toInt(), 1);
}

QTEST_GUILESS_MAIN(TestOfficeModels)
#include "tst_officemodels.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The sync page's and the plan page's list models over a real local replica.
#include "milestonesmodel.h"
#include "rejectedchangesmodel.h"
#include "session.h"
#include "timelinemodel.h"
#include "vocabulary.h"

#include <QDate>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestSyncModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void rejectedChangesNameEntryFieldValueAndReason();
    void rejectedCreateKeepsItsTitle();
    void milestonesInListOrder();
    void milestonesFollowEdits();
    void lanesPackGreedily();
    void timelinePlacesMeasuresOnOneAxis();
    void timelineWithoutDates();

private:
    /** A field of action with one goal; returns the goal. */
    QString addGoal();
    /** Rejects the queued changes of an entity (all of them, or those of one field) as the server would. */
    void reject(const QString &entityId, const QString &field, const QString &code, const QDateTime &at);
    static QVariant value(RowListModel &model, int row, const char *role)
    {
        return model.get(row).value(QString::fromLatin1(role));
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Session> m_session;
};

void TestSyncModels::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_session = std::make_unique<Session>(m_dir->path());
    Session::setInstance(m_session.get());
    QVERIFY(m_session->startLocal(u"Adorf/Vogtl."_s));
    QVERIFY(!m_session->planId().isEmpty());
}

void TestSyncModels::cleanup()
{
    Session::setInstance(nullptr);
    m_session.reset();
    m_dir.reset();
}

QString TestSyncModels::addGoal()
{
    const QString field = m_session->addEntity(u"field_of_action"_s, m_session->planId(), u"Fachkräfte"_s);
    const QString goal = m_session->addEntity(u"goal"_s, field, u"Ausbildung im Ort halten"_s);
    [&] { QVERIFY(!goal.isEmpty()); }();
    return goal;
}

void TestSyncModels::reject(const QString &entityId, const QString &field, const QString &code, const QDateTime &at)
{
    LocalReplica &replica = *m_session->replica();
    QList<RejectedChange> rejected;
    for (const Change &change : replica.outbox(1000)) {
        if (change.entityId == entityId && (field.isEmpty() || change.field == field))
            rejected.append({ change, code, u"refused in a test"_s, at });
    }
    QVERIFY(!rejected.isEmpty());
    QVERIFY(replica.acknowledge({}, rejected));
}

void TestSyncModels::rejectedChangesNameEntryFieldValueAndReason()
{
    const QString measure = m_session->addEntity(u"measure"_s, addGoal(), u"Azubi-Börse"_s);
    QVERIFY(m_session->setField(measure, u"title"_s, u"Azubi-Börse 2027"_s));
    QVERIFY(m_session->setField(measure, u"status"_s, u"in_progress"_s));
    const QDateTime earlier = QDateTime::currentDateTimeUtc().addSecs(-120);
    const QDateTime later = earlier.addSecs(60);
    // Only the later edits are refused: the entity stays with its first title.
    const QList<Change> queued = m_session->replica()->outbox(1000);
    QList<RejectedChange> refused;
    for (const Change &change : queued) {
        if (change.entityId == measure && change.field == u"title"_s && change.value == u"Azubi-Börse 2027"_s)
            refused.append({ change, u"forbidden"_s, u"not your plan"_s, earlier });
        if (change.entityId == measure && change.field == u"status"_s && change.value == u"in_progress"_s)
            refused.append({ change, u"clock_ahead"_s, u"stamp ahead"_s, later });
    }
    QCOMPARE(refused.size(), 2);
    QVERIFY(m_session->replica()->acknowledge({}, refused));

    RejectedChangesModel model;
    model.setSession(m_session.get());
    model.refresh();
    QCOMPARE(model.count(), 2);
    // Newest first.
    QCOMPARE(value(model, 0, "code").toString(), u"clock_ahead"_s);
    QCOMPARE(value(model, 0, "fieldLabel").toString(), Vocabulary::fieldLabel(u"status"_s));
    QCOMPARE(value(model, 0, "value").toString(), u"in Umsetzung"_s);
    QCOMPARE(value(model, 0, "reason").toString(), Vocabulary::errorText(u"clock_ahead"_s));
    QVERIFY(!value(model, 0, "reason").toString().contains(u"clock_ahead"_s)); // a sentence, not the code

    QCOMPARE(value(model, 1, "entityId").toString(), measure);
    QCOMPARE(value(model, 1, "typeLabel").toString(), u"Maßnahme"_s);
    QCOMPARE(value(model, 1, "entityLabel").toString(), u"Azubi-Börse"_s); // the entry as the server has it
    QCOMPARE(value(model, 1, "fieldLabel").toString(), u"Titel"_s);
    QCOMPARE(value(model, 1, "value").toString(), u"Azubi-Börse 2027"_s); // what was refused
    QCOMPARE(value(model, 1, "reason").toString(), Vocabulary::errorText(u"forbidden"_s));
    QCOMPARE(value(model, 1, "at").toString(), Vocabulary::dateTime(earlier));
}

void TestSyncModels::rejectedCreateKeepsItsTitle()
{
    const QString goal = addGoal();
    const QString measure = m_session->addEntity(u"measure"_s, goal, u"Dorfladen"_s);
    reject(measure, {}, u"forbidden"_s, QDateTime::currentDateTimeUtc());
    const auto record = m_session->replica()->store().record(measure);
    QVERIFY(!record || !record->exists());

    RejectedChangesModel model;
    model.setSession(m_session.get());
    model.refresh();
    QVERIFY(model.count() >= 2); // the create and its fields
    QStringList actions;
    for (int row = 0; row < model.count(); ++row) {
        QCOMPARE(value(model, row, "entityLabel").toString(), u"Dorfladen"_s);
        actions << value(model, row, "fieldLabel").toString();
    }
    QVERIFY(actions.contains(u"Anlegen"_s));
}

void TestSyncModels::milestonesInListOrder()
{
    const QString measure = m_session->addEntity(u"measure"_s, addGoal(), u"Azubi-Börse"_s);
    const QString first = m_session->addEntity(u"milestone"_s, measure, u"Betriebe ansprechen"_s);
    const QString second = m_session->addEntity(u"milestone"_s, measure, u"Termin festlegen"_s);
    const QString third = m_session->addEntity(u"milestone"_s, measure, u"Börse durchführen"_s);
    QVERIFY(m_session->setField(second, u"due_date"_s, u"2020-05-01"_s));
    QVERIFY(m_session->setField(third, u"due_date"_s, u"2020-06-01"_s));
    QVERIFY(m_session->setField(third, u"done"_s, u"true"_s));

    MilestonesModel model;
    model.setSession(m_session.get());
    model.setMeasureId(measure);
    model.refresh();
    QCOMPARE(model.count(), 3);
    QCOMPARE(value(model, 0, "entityId").toString(), first);
    QCOMPARE(value(model, 1, "entityId").toString(), second);
    QCOMPARE(value(model, 2, "entityId").toString(), third);
    QCOMPARE(value(model, 0, "title").toString(), u"Betriebe ansprechen"_s);
    QCOMPARE(value(model, 1, "dueDate").toString(), u"2020-05-01"_s);
    QCOMPARE(value(model, 1, "dueDisplay").toString(), u"01.05.2020"_s);
    QCOMPARE(value(model, 1, "overdue").toBool(), true);
    QCOMPARE(value(model, 2, "overdue").toBool(), false); // done is never overdue
    QCOMPARE(value(model, 0, "overdue").toBool(), false); // no date, nothing overdue
    QCOMPARE(value(model, 2, "done").toBool(), true);
    QCOMPARE(model.doneCount(), 1);
    QCOMPARE(value(model, 0, "first").toBool(), true);
    QCOMPARE(value(model, 2, "last").toBool(), true);
    QCOMPARE(value(model, 1, "first").toBool() || value(model, 1, "last").toBool(), false);

    // Only milestones of a measure.
    model.setMeasureId(m_session->planId());
    model.refresh();
    QCOMPARE(model.count(), 0);
}

void TestSyncModels::milestonesFollowEdits()
{
    const QString measure = m_session->addEntity(u"measure"_s, addGoal(), u"Azubi-Börse"_s);
    const QString first = m_session->addEntity(u"milestone"_s, measure, u"A"_s);
    const QString second = m_session->addEntity(u"milestone"_s, measure, u"B"_s);
    const QString third = m_session->addEntity(u"milestone"_s, measure, u"C"_s);
    MilestonesModel model;
    model.setSession(m_session.get());
    model.setMeasureId(measure);
    model.refresh();

    // Every edit raises the session's revision, and the model reads again at once.
    QVERIFY(m_session->moveEntity(third, -1));
    QCOMPARE(value(model, 1, "entityId").toString(), third);
    QCOMPARE(value(model, 2, "entityId").toString(), second);
    QVERIFY(m_session->removeEntity(first));
    QCOMPARE(model.count(), 2);
    QCOMPARE(value(model, 0, "entityId").toString(), third);
    m_session->undo();
    QCOMPARE(model.count(), 3);
    QVERIFY(m_session->setField(second, u"title"_s, u"B2"_s));
    QCOMPARE(value(model, 2, "title").toString(), u"B2"_s);
}

void TestSyncModels::lanesPackGreedily()
{
    int lanes = 0;
    using Span = TimelineModel::Span;
    // Given out of order: packing goes by start.
    const QList<int> got = TimelineModel::packLanes(
            { Span { 0.5, 1.0 }, Span { 0.0, 0.5 }, Span { 0.2, 0.6 }, Span { 0.6, 0.9 }, Span { 0.1, 0.3 } }, &lanes);
    // [0,.5) lane 0; [.1,.3) lane 1; [.2,.6) lane 2; [.5,1) after [0,.5) in lane 0; [.6,.9) after [.1,.3) in lane 1.
    QCOMPARE(got, (QList<int> { 0, 0, 2, 1, 1 }));
    QCOMPARE(lanes, 3);
    QCOMPARE(TimelineModel::packLanes({}, &lanes), QList<int>());
    QCOMPARE(lanes, 0);
}

void TestSyncModels::timelinePlacesMeasuresOnOneAxis()
{
    const QString goal = addGoal();
    const auto measure = [&](const QString &title, const QString &start, const QString &end) {
        const QString id = m_session->addEntity(u"measure"_s, goal, title);
        if (!start.isEmpty())
            m_session->setField(id, u"start_date"_s, start);
        if (!end.isEmpty())
            m_session->setField(id, u"end_date"_s, end);
        return id;
    };
    const QString first = measure(u"Erste Hälfte"_s, u"2026-01-01"_s, u"2026-06-30"_s);
    const QString second = measure(u"Zweite Hälfte"_s, u"2026-07-01"_s, u"2026-12-31"_s);
    const QString middle = measure(u"Mitte"_s, u"2026-03-01"_s, u"2026-09-30"_s);
    measure(u"Ohne Zeitraum"_s, {}, {});
    const QString lastDay = measure(u"Silvester"_s, {}, u"2026-12-31"_s);

    TimelineModel model;
    model.setSession(m_session.get());
    model.setPlanId(m_session->planId());
    model.refresh();
    QCOMPARE(model.count(), 4);
    QCOMPARE(model.undatedCount(), 1);
    // Outline order, and each bar where its dates are on the axis 2026-01-01 .. 2027-01-01 (365 days).
    QCOMPARE(value(model, 0, "entityId").toString(), first);
    QCOMPARE(value(model, 0, "from").toDouble(), 0.0);
    QCOMPARE(value(model, 0, "to").toDouble(), 181 / 365.0);
    QCOMPARE(value(model, 1, "entityId").toString(), second);
    QCOMPARE(value(model, 1, "from").toDouble(), 181 / 365.0);
    QCOMPARE(value(model, 1, "to").toDouble(), 1.0);
    QCOMPARE(value(model, 2, "entityId").toString(), middle);
    QCOMPARE(value(model, 2, "from").toDouble(), 59 / 365.0);
    QCOMPARE(value(model, 2, "to").toDouble(), 273 / 365.0);
    // One date only: a short bar that stays on the axis.
    QCOMPARE(value(model, 3, "entityId").toString(), lastDay);
    QCOMPARE(value(model, 3, "to").toDouble(), 1.0);
    QCOMPARE(value(model, 3, "from").toDouble(), 1.0 - TimelineModel::minimumWidth);
    QCOMPARE(value(model, 3, "period").toString(), u"31.12.2026"_s);
    // The halves share a lane; the middle overlaps both; the last day fits after the middle.
    QCOMPARE(value(model, 0, "lane").toInt(), 0);
    QCOMPARE(value(model, 1, "lane").toInt(), 0);
    QCOMPARE(value(model, 2, "lane").toInt(), 1);
    QCOMPARE(value(model, 3, "lane").toInt(), 1);
    QCOMPARE(model.laneCount(), 2);

    QCOMPARE(model.years().size(), 1);
    QCOMPARE(model.years().first().toMap().value(u"label"_s).toString(), u"2026"_s);
    QCOMPARE(model.quarters().size(), 4);
    QCOMPARE(model.quarters().at(1).toMap().value(u"label"_s).toString(), u"Q2"_s);
    QCOMPARE(model.quarters().at(1).toMap().value(u"from"_s).toDouble(), 90 / 365.0);

    // Dates reach into the next year: the axis grows to whole quarters of both years.
    QVERIFY(m_session->setField(second, u"end_date"_s, u"2027-02-15"_s));
    QCOMPARE(model.years().size(), 2);
    QCOMPARE(model.quarters().size(), 5);
    QCOMPARE(value(model, 1, "to").toDouble(), 411 / 455.0); // through 2027-02-15 of 2026-01-01 .. 2027-04-01
}

void TestSyncModels::timelineWithoutDates()
{
    const QString goal = addGoal();
    m_session->addEntity(u"measure"_s, goal, u"Idee A"_s);
    m_session->addEntity(u"measure"_s, goal, u"Idee B"_s);
    TimelineModel model;
    model.setSession(m_session.get());
    model.setPlanId(m_session->planId());
    model.refresh();
    QCOMPARE(model.count(), 0);
    QCOMPARE(model.undatedCount(), 2);
    QCOMPARE(model.laneCount(), 0);
    QVERIFY(model.quarters().isEmpty());
}

QTEST_MAIN(TestSyncModels)
#include "tst_syncmodels.moc"

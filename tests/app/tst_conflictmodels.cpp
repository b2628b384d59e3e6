// SPDX-License-Identifier: GPL-3.0-or-later
// ConflictsModel and HistoryModel over real replicas: a second laptop's
// offline edits arrive as a pull would bring them, so the conflicts are the
// ones the merge rules make.

#include "conflictsmodel.h"
#include "historymodel.h"
#include "localreplica.h"
#include "session.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestConflictModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void concurrentEditShowsBothSides();
    void editAgainstDeleteKeepsTheEdit();
    void historyListsEveryChangeNewestFirst();
    void historyShowsACreationAsOneEntry();
    void historyAndConflictsNameDevicesAndAuthors();

private:
    /** Gives the second laptop everything this one has (a sync in one direction). */
    void pullIntoSecond();
    /** Gives this laptop the second laptop's unsent edits. */
    void pullFromSecond();

    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<QTemporaryDir> m_secondFolder;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<LocalReplica> m_second;
    QString m_measure;
};

void TestConflictModels::init()
{
    m_folder = std::make_unique<QTemporaryDir>();
    m_secondFolder = std::make_unique<QTemporaryDir>();
    m_session = std::make_unique<Session>(m_folder->path());
    Session::setInstance(m_session.get());
    QVERIFY(m_session->startLocal(u"Adorf"_s));
    const QString field = m_session->addEntity(u"field_of_action"_s, m_session->planId(), u"Wohnen"_s);
    const QString goal = m_session->addEntity(u"goal"_s, field, u"Leerstand nutzen"_s);
    m_measure = m_session->addEntity(u"measure"_s, goal, u"Leerstandskataster"_s);
    QVERIFY(!m_measure.isEmpty());
    auto second = LocalReplica::open(m_secondFolder->path());
    QVERIFY(second);
    m_second = std::move(second).value();
    pullIntoSecond();
    QCOMPARE(m_second->store().record(m_measure)->value(u"title"_s), u"Leerstandskataster"_s);
}

void TestConflictModels::cleanup()
{
    m_second.reset();
    m_session.reset();
}

void TestConflictModels::pullIntoSecond()
{
    QList<Change> changes;
    for (const auto &[seq, change] : m_session->replica()->store().changesAfter(0, 10000))
        changes.append(change);
    QVERIFY(m_second->applyPulled(changes, 0));
}

void TestConflictModels::pullFromSecond()
{
    QVERIFY(m_session->replica()->applyPulled(m_second->outbox(1000), 0));
}

void TestConflictModels::concurrentEditShowsBothSides()
{
    QVERIFY(m_second->set(m_measure, { { u"title"_s, u"Kataster leerer Gebäude"_s } }));
    QTest::qWait(5); // this laptop's edit is the later one: it stands
    QVERIFY(m_session->setField(m_measure, u"title"_s, u"Leerstandskataster 2026"_s));
    pullFromSecond();

    ConflictsModel model;
    model.setSession(m_session.get());
    model.refresh();
    QCOMPARE(model.count(), 1);
    const QVariantMap row = model.get(0);
    QCOMPARE(row[u"kind"_s].toString(), u"concurrent_edit"_s);
    QCOMPARE(row[u"entityId"_s].toString(), m_measure);
    QCOMPARE(row[u"entityType"_s].toString(), u"Maßnahme"_s);
    QCOMPARE(row[u"entityTitle"_s].toString(), u"Leerstandskataster 2026"_s);
    QCOMPARE(row[u"municipality"_s].toString(), u"Adorf"_s);
    QCOMPARE(row[u"field"_s].toString(), u"title"_s);
    QCOMPARE(row[u"fieldLabel"_s].toString(), u"Titel"_s);
    QCOMPARE(row[u"fieldKind"_s].toString(), u"text"_s);
    QCOMPARE(row[u"keptValue"_s].toString(), u"Leerstandskataster 2026"_s);
    QCOMPARE(row[u"keptDisplay"_s].toString(), u"Leerstandskataster 2026"_s);
    QCOMPARE(row[u"otherValue"_s].toString(), u"Kataster leerer Gebäude"_s);
    QCOMPARE(row[u"keptDevice"_s].toString(), m_session->device());
    QCOMPARE(row[u"otherDevice"_s].toString(), m_second->device());
    QVERIFY(row[u"keptIsThisDevice"_s].toBool());
    QVERIFY(row[u"editable"_s].toBool());
    QVERIFY(row[u"keptTime"_s].toString().contains(QDate::currentDate().toString(u"dd.MM.yyyy"_s)));
    QVERIFY(!row[u"otherTime"_s].toString().isEmpty());

    // Restricted to one entity or one conflict.
    const QString conflictId = row[u"conflictId"_s].toString();
    model.setEntityId(m_session->planId());
    model.refresh();
    QCOMPARE(model.count(), 0);
    model.setEntityId(m_measure);
    model.setConflictId(u"no-such-conflict"_s);
    QCOMPARE(model.count(), 0);
    model.setConflictId(conflictId);
    QCOMPARE(model.count(), 1);

    // Keeping the other side settles it and makes that value the title; the model follows at once.
    QVERIFY(m_session->resolveConflict(conflictId, u"other"_s));
    QCOMPARE(model.count(), 0);
    QCOMPARE(m_session->fieldValue(m_measure, u"title"_s), u"Kataster leerer Gebäude"_s);
}

void TestConflictModels::editAgainstDeleteKeepsTheEdit()
{
    QVERIFY(m_second->set(m_measure, { { u"responsible"_s, u"Bauamt"_s } }));
    QVERIFY(m_session->removeEntity(m_measure));
    pullFromSecond();

    ConflictsModel model;
    model.setSession(m_session.get());
    model.setEntityId(m_measure);
    model.refresh();
    QCOMPARE(model.count(), 1);
    const QVariantMap row = model.get(0);
    QCOMPARE(row[u"kind"_s].toString(), u"edit_vs_delete"_s);
    QCOMPARE(row[u"field"_s].toString(), u"responsible"_s);
    QCOMPARE(row[u"keptDisplay"_s].toString(), u"gelöscht"_s);
    QCOMPARE(row[u"otherDisplay"_s].toString(), u"Bauamt"_s);
    QVERIFY(row[u"keptIsThisDevice"_s].toBool());

    // "Wiederherstellen mit Änderung": the entry is back, with the edit made meanwhile.
    QVERIFY(m_session->resolveConflict(row[u"conflictId"_s].toString(), u"other"_s));
    QCOMPARE(model.count(), 0);
    QVERIFY(m_session->replica()->store().record(m_measure)->isLive());
    QCOMPARE(m_session->fieldValue(m_measure, u"responsible"_s), u"Bauamt"_s);
}

void TestConflictModels::historyListsEveryChangeNewestFirst()
{
    QVERIFY(m_session->setField(m_measure, u"status"_s, u"planned"_s));
    QTest::qWait(5);
    QVERIFY(m_second->set(m_measure, { { u"title"_s, u"Kataster leerer Gebäude"_s } }));
    pullFromSecond();

    HistoryModel model;
    model.setSession(m_session.get());
    model.setEntityId(m_measure);
    model.refresh();
    // The creation is one entry; opened, the fields written with it follow.
    model.setExpanded(model.get(model.count() - 1)[u"changeId"_s].toString(), true);
    QVERIFY(model.count() >= 4); // create with its title and status, status set later, the second laptop's title
    const QVariantMap newest = model.get(0);
    QCOMPARE(newest[u"op"_s].toString(), u"set"_s);
    QCOMPARE(newest[u"fieldLabel"_s].toString(), u"Titel"_s);
    QCOMPARE(newest[u"display"_s].toString(), u"Kataster leerer Gebäude"_s);
    QCOMPARE(newest[u"device"_s].toString(), m_second->device());
    QVERIFY(!newest[u"thisDevice"_s].toBool());
    QVERIFY(!newest[u"restorable"_s].toBool()); // it is the current value

    int oldTitle = -1;
    int statusPlanned = -1;
    int created = -1;
    for (int i = 0; i < model.count(); ++i) {
        const QVariantMap row = model.get(i);
        if (row[u"field"_s] == u"title"_s && row[u"value"_s] == u"Leerstandskataster"_s)
            oldTitle = i;
        if (row[u"field"_s] == u"status"_s && row[u"value"_s] == u"planned"_s)
            statusPlanned = i;
        if (row[u"op"_s] == u"create"_s)
            created = i;
    }
    QVERIFY(oldTitle > 0);
    QVERIFY(statusPlanned > 0);
    QVERIFY(created > statusPlanned); // older than the later edits, followed by its fields
    QCOMPARE(model.get(oldTitle)[u"group"_s].toString(), model.get(created)[u"changeId"_s].toString());
    QCOMPARE(model.get(created)[u"sentence"_s].toString(), u"Eintrag angelegt"_s);
    QCOMPARE(model.get(statusPlanned)[u"display"_s].toString(), u"geplant"_s);
    QVERIFY(model.get(statusPlanned)[u"thisDevice"_s].toBool());
    QVERIFY(!model.get(statusPlanned)[u"restorable"_s].toBool());
    QVERIFY(model.get(oldTitle)[u"restorable"_s].toBool());

    // Restoring a past value is an edit like any other: it becomes the newest entry.
    const QVariantMap old = model.get(oldTitle);
    QVERIFY(m_session->setField(m_measure, old[u"field"_s].toString(), old[u"value"_s].toString()));
    QCOMPARE(m_session->fieldValue(m_measure, u"title"_s), u"Leerstandskataster"_s);
    QCOMPARE(model.get(0)[u"value"_s].toString(), u"Leerstandskataster"_s);
    QVERIFY(model.get(0)[u"thisDevice"_s].toBool());
    QVERIFY(!model.get(oldTitle + 1)[u"restorable"_s].toBool());

    // A deleted entry restores nothing field by field; its history says it was deleted.
    QVERIFY(m_session->removeEntity(m_measure));
    QCOMPARE(model.get(0)[u"sentence"_s].toString(), u"Eintrag gelöscht"_s);
    for (int i = 0; i < model.count(); ++i)
        QVERIFY(!model.get(i)[u"restorable"_s].toBool());
}

void TestConflictModels::historyShowsACreationAsOneEntry()
{
    // Issue 12: creating a measure showed one history entry per field.
    QTest::qWait(int(HistoryModel::creationWindowMs) + 50); // a person's first value for a field comes later
    QVERIFY(m_session->setField(m_measure, u"responsible"_s, u"Bauamt"_s));
    HistoryModel model;
    model.setSession(m_session.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntityId(m_measure);
    model.refresh();
    QCOMPARE(model.count(), 2); // the edit, then the creation
    const QVariantMap edit = model.get(0);
    QCOMPARE(edit[u"field"_s].toString(), u"responsible"_s);
    QCOMPARE(edit[u"fieldCount"_s].toInt(), 0);
    const QVariantMap created = model.get(1);
    QCOMPARE(created[u"op"_s].toString(), u"create"_s);
    QCOMPARE(created[u"sentence"_s].toString(), u"Eintrag angelegt"_s);
    QCOMPARE(created[u"fieldCount"_s].toInt(), 2); // title and status; its goal link and position are not shown
    QVERIFY(!created[u"expanded"_s].toBool());
    QCOMPARE(created[u"summary"_s].toString(), u"Titel: Leerstandskataster, Status: Idee"_s);

    model.setExpanded(created[u"changeId"_s].toString(), true);
    QCOMPARE(model.count(), 4);
    QVERIFY(model.get(1)[u"expanded"_s].toBool());
    QStringList fields;
    for (int row = 2; row < 4; ++row) {
        QCOMPARE(model.get(row)[u"group"_s].toString(), created[u"changeId"_s].toString());
        fields << model.get(row)[u"field"_s].toString();
    }
    QCOMPARE(fields, (QStringList { u"title"_s, u"status"_s }));
    model.setExpanded(created[u"changeId"_s].toString(), false);
    QCOMPARE(model.count(), 2);

    // A measure made in one step (with its fields) is one entry too, from the other laptop as from this one.
    const QString goal = m_session->fieldValue(m_measure, u"goal"_s);
    const auto made = m_second->add(u"measure"_s, goal, { { u"title"_s, u"Dorfladen"_s }, { u"status"_s, u"planned"_s },
                                                          { u"responsible"_s, u"Ortschaftsrat"_s } });
    QVERIFY(made);
    pullFromSecond();
    model.setEntityId(made.value());
    model.refresh();
    QCOMPARE(model.count(), 1);
    QCOMPARE(model.get(0)[u"fieldCount"_s].toInt(), 3);
    QCOMPARE(model.get(0)[u"summary"_s].toString(), u"Titel: Dorfladen, Status: geplant, Verantwortlich: Ortschaftsrat"_s);
}

void TestConflictModels::historyAndConflictsNameDevicesAndAuthors()
{
    // Issue 12: history said "von admin · auf Gerät server-859ec58f", conflicts "auf Gerät dev-ee1ef1f8afe5".
    // The second laptop is signed in as the plan's municipality (no server needed for what is tested here).
    const QString plan = m_session->planId();
    QVERIFY(m_second->setAccount({ u"http://127.0.0.1:1"_s, u"adorf"_s, u"editor"_s,
                                   m_session->fieldValue(plan, u"municipality"_s), plan },
                                 u"token"_s));
    QVERIFY(m_second->describeDevice(u"Laptop Rathaus"_s));
    QCOMPARE(m_second->deviceName(), u"Laptop Rathaus"_s);
    QVERIFY(m_second->set(m_measure, { { u"title"_s, u"Kataster leerer Gebäude"_s } }));
    QTest::qWait(5);
    QVERIFY(m_session->setField(m_measure, u"title"_s, u"Leerstandskataster 2026"_s));
    pullFromSecond();

    HistoryModel history;
    history.setSession(m_session.get());
    history.setEntityId(m_measure);
    history.refresh();
    int fromSecond = -1;
    for (int row = 0; row < history.count(); ++row) {
        if (history.get(row)[u"device"_s] == m_second->device())
            fromSecond = row;
    }
    QVERIFY(fromSecond >= 0);
    QCOMPARE(history.get(fromSecond)[u"origin"_s].toString(), u"auf „Laptop Rathaus“ (Adorf)"_s);
    QCOMPARE(history.get(0)[u"origin"_s].toString(), u"auf diesem Gerät"_s);

    ConflictsModel conflicts;
    conflicts.setSession(m_session.get());
    conflicts.setEntityId(m_measure);
    conflicts.refresh();
    QCOMPARE(conflicts.count(), 1);
    QCOMPARE(conflicts.get(0)[u"keptOrigin"_s].toString(), u"auf diesem Gerät"_s);
    QCOMPARE(conflicts.get(0)[u"otherOrigin"_s].toString(), u"auf „Laptop Rathaus“ (Adorf)"_s);

    // A device not (yet) known by name, and what the server's administrator set up.
    QCOMPARE(m_session->origin(u"riesa"_s, u"dev-unbekannt"_s), u"auf einem anderen Gerät (riesa)"_s);
    QCOMPARE(m_session->origin(u"admin"_s, u"server-859ec58f"_s), u"Einrichtung des Servers"_s);
    QCOMPARE(m_session->authorLabel(u"admin"_s, u"server-859ec58f"_s), u"Einrichtung des Servers"_s);
}

QTEST_GUILESS_MAIN(TestConflictModels)
#include "tst_conflictmodels.moc"

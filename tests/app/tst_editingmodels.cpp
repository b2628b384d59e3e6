// SPDX-License-Identifier: GPL-3.0-or-later
// The form's model decides per field what the signed-in account may edit, by the rules the server
// applies (not a guess of the app's own); it offers only the choices the account may set, and gives
// each field its plan hint. And undo is followed by redo. Around the form, C++ decides too what the
// interface offers: the review steps per role and status, the tabs per entry, the main window's pages.
#include "editortabsmodel.h"
#include "entityfieldsmodel.h"
#include "helpers/sampleplan.h"
#include "localreplica.h"
#include "pagesmodel.h"
#include "reviewactionsmodel.h"
#include "samplesession.h"
#include "session.h"
#include "session/appsetup.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestEditingModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();

    void editorEditsItsPlanButNotItsReviewStatus();
    void officeEditsNoPlan();
    void anotherMunicipalityReadsOnly();
    void fieldsCarryTheirPlanHints();
    void undoThenRedo();
    void undoTextFollowsTheLanguage();
    // What the interface offers around the form: review steps, tabs, pages.
    void reviewStepsPerRoleAndStatus_data();
    void reviewStepsPerRoleAndStatus();
    void tabsPerEntry_data();
    void tabsPerEntry();
    void pagesInNavigationOrder();

private:
    /** A Session signed in (offline) as role of municipality on a replica holding Adorf's sample plan. */
    void openAs(const QString &role, const QString &municipality);
    QVariantMap row(EntityFieldsModel &model, const QString &field)
    {
        const int index = model.indexOf(field);
        [&] { QVERIFY2(index >= 0, qPrintable(field)); }();
        return model.get(index);
    }
    static QStringList column(const QAbstractItemModel &model, const char *role)
    {
        const int id = model.roleNames().key(role, -1);
        QStringList values;
        for (int row = 0; row < model.rowCount(); ++row)
            values << model.index(row, 0).data(id).toString();
        return values;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Session> m_session;
};

void TestEditingModels::openAs(const QString &role, const QString &municipality)
{
    openSampleSession(m_dir, m_session, role, municipality);
}

void TestEditingModels::cleanup()
{
    Session::setInstance(nullptr);
    m_session.reset();
    m_dir.reset();
}

void TestEditingModels::editorEditsItsPlanButNotItsReviewStatus()
{
    openAs(u"editor"_s, u"muni-adorf"_s);
    if (QTest::currentTestFailed())
        return;
    EntityFieldsModel plan;
    plan.setSession(m_session.get());
    plan.setEntityId(u"plan-adorf"_s);
    QVERIFY(plan.isEditable());
    QCOMPARE(row(plan, u"title"_s).value(u"editable"_s).toBool(), true);
    QCOMPARE(row(plan, u"vision"_s).value(u"editable"_s).toBool(), true);
    // Submitting is "Zur Prüfung einreichen", which freezes a version: never the field itself.
    QCOMPARE(row(plan, u"review_status"_s).value(u"editable"_s).toBool(), false);
    QVERIFY(!m_session->setField(u"plan-adorf"_s, u"review_status"_s, u"submitted"_s));
    QCOMPARE(m_session->fieldValue(u"plan-adorf"_s, u"review_status"_s), u"draft"_s);

    EntityFieldsModel measure;
    measure.setSession(m_session.get());
    measure.setEntityId(u"measure-1"_s);
    const QVariantMap status = row(measure, u"status"_s);
    QCOMPARE(status.value(u"editable"_s).toBool(), true);
    QCOMPARE(status.value(u"choices"_s).toList().size(),
             Schema::instance().entity(u"measure"_s)->field(u"status"_s)->choices.size());
    QVERIFY(m_session->mayEdit(u"measure-1"_s));

    // The municipality record is the office's.
    EntityFieldsModel place;
    place.setSession(m_session.get());
    place.setEntityId(u"muni-adorf"_s);
    QVERIFY(!place.isEditable());
    for (int i = 0; i < place.count(); ++i)
        QCOMPARE(place.get(i).value(u"editable"_s).toBool(), false);
    QVERIFY(!m_session->mayEdit(u"muni-adorf"_s));
}

void TestEditingModels::officeEditsNoPlan()
{
    openAs(u"office"_s, QString());
    if (QTest::currentTestFailed())
        return;
    EntityFieldsModel plan;
    plan.setSession(m_session.get());
    plan.setEntityId(u"plan-adorf"_s);
    QVERIFY(!plan.isEditable());
    // Reviewing goes through the review's buttons (with a note), not through the plan's form.
    for (const QString &field : { u"title"_s, u"vision"_s, u"review_status"_s, u"shared"_s })
        QCOMPARE(row(plan, field).value(u"editable"_s).toBool(), false);
    QVERIFY(!m_session->mayEdit(u"plan-adorf"_s));

    EntityFieldsModel place;
    place.setSession(m_session.get());
    place.setEntityId(u"muni-adorf"_s);
    QVERIFY(place.isEditable());
    QCOMPARE(row(place, u"name"_s).value(u"editable"_s).toBool(), true);
    QCOMPARE(row(place, u"kind"_s).value(u"choices"_s).toList().size(), 3);
}

void TestEditingModels::anotherMunicipalityReadsOnly()
{
    openAs(u"editor"_s, u"muni-riesa"_s);
    if (QTest::currentTestFailed())
        return;
    EntityFieldsModel measure;
    measure.setSession(m_session.get());
    measure.setEntityId(u"measure-1"_s);
    QVERIFY(!measure.isEditable());
    for (int i = 0; i < measure.count(); ++i)
        QCOMPARE(measure.get(i).value(u"editable"_s).toBool(), false);
}

void TestEditingModels::fieldsCarryTheirPlanHints()
{
    openAs(u"editor"_s, u"muni-adorf"_s);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(m_session->setField(u"measure-1"_s, u"status"_s, u"done"_s));
    QVERIFY(m_session->setField(u"measure-1"_s, u"end_date"_s, u"2099-12-31"_s));
    EntityFieldsModel measure;
    measure.setSession(m_session.get());
    measure.setEntityId(u"measure-1"_s);
    const QString hint = row(measure, u"end_date"_s).value(u"hint"_s).toString();
    QVERIFY2(hint.contains(u"31.12.2099"_s), qPrintable(hint));
    QCOMPARE(row(measure, u"title"_s).value(u"hint"_s).toString(), QString());
    QVERIFY(m_session->setField(u"measure-1"_s, u"status"_s, u"in_progress"_s));
    measure.refresh();
    QCOMPARE(row(measure, u"end_date"_s).value(u"hint"_s).toString(), QString());
}

void TestEditingModels::undoThenRedo()
{
    openAs(u"editor"_s, u"muni-adorf"_s);
    if (QTest::currentTestFailed())
        return;
    const QString before = m_session->fieldValue(u"measure-1"_s, u"title"_s);
    QVERIFY(m_session->setField(u"measure-1"_s, u"title"_s, u"Messe"_s));
    QVERIFY(m_session->canUndo());
    QVERIFY(!m_session->canRedo());

    m_session->undo();
    QCOMPARE(m_session->fieldValue(u"measure-1"_s, u"title"_s), before);
    QVERIFY(m_session->canRedo());
    QVERIFY(m_session->redoNext()); // the notice offers "Wiederholen"
    m_session->redo();
    QCOMPARE(m_session->fieldValue(u"measure-1"_s, u"title"_s), u"Messe"_s);
    QVERIFY(!m_session->redoNext());
    QVERIFY(m_session->canUndo());

    // Undo of an added entry, then redo brings it back; a new edit ends what can be redone.
    const QString added = m_session->addEntity(u"milestone"_s, u"measure-1"_s, u"Termin"_s);
    QVERIFY(!added.isEmpty());
    m_session->undo();
    QVERIFY(m_session->replica()->store().record(added)->isDeleted());
    m_session->redo();
    QVERIFY(m_session->replica()->store().record(added)->isLive());
    m_session->undo();
    QVERIFY(m_session->canRedo());
    QVERIFY(m_session->setField(u"measure-1"_s, u"responsible"_s, u"Bauamt"_s));
    QVERIFY(!m_session->canRedo());
}

void TestEditingModels::undoTextFollowsTheLanguage()
{
    openAs(u"editor"_s, u"muni-adorf"_s);
    if (QTest::currentTestFailed())
        return;
    AppSetup::applyLanguage(u"de"_s);
    m_session->setLanguage(u"de"_s);
    QVERIFY(m_session->setField(u"measure-1"_s, u"title"_s, u"Messe"_s));
    QVERIFY2(m_session->undoText().contains(u"ändern"_s), qPrintable(m_session->undoText()));

    // Said again in the language chosen after the edit: the step is described when asked.
    QSignalSpy undoChanged(m_session.get(), &Session::undoChanged);
    AppSetup::applyLanguage(u"en"_s);
    m_session->setLanguage(u"en"_s);
    QVERIFY(!undoChanged.isEmpty());
    QVERIFY2(!m_session->undoText().contains(u"ändern"_s), qPrintable(m_session->undoText()));
    QVERIFY2(m_session->undoText().contains(u"Messe"_s) || m_session->undoText().contains(u"Title"_s, Qt::CaseInsensitive),
             qPrintable(m_session->undoText()));
    AppSetup::applyLanguage(u"de"_s);
}

void TestEditingModels::reviewStepsPerRoleAndStatus_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("municipality");
    QTest::addColumn<QString>("status"); ///< set before; empty: as the sample has it (draft)
    QTest::addColumn<bool>("maySubmit");
    QTest::addColumn<QStringList>("applicable"); ///< the office's steps offered and enabled

    const QStringList all { u"in_review"_s, u"changes_requested"_s, u"reviewed"_s };
    QTest::addRow("its municipality submits its plan") << u"editor"_s << u"muni-adorf"_s << QString() << true
                                                       << QStringList();
    QTest::addRow("another municipality neither submits nor reviews")
            << u"editor"_s << u"muni-bdorf"_s << QString() << false << QStringList();
    QTest::addRow("the office reviews a draft") << u"office"_s << QString() << QString() << false << all;
    QTest::addRow("the office does not repeat the step the plan is at")
            << u"office"_s << QString() << u"in_review"_s << false
            << QStringList { u"changes_requested"_s, u"reviewed"_s };
    QTest::addRow("a reviewed plan can be taken back into review")
            << u"office"_s << QString() << u"reviewed"_s << false
            << QStringList { u"in_review"_s, u"changes_requested"_s };
}

void TestEditingModels::reviewStepsPerRoleAndStatus()
{
    QFETCH(QString, role);
    QFETCH(QString, municipality);
    QFETCH(QString, status);
    QFETCH(bool, maySubmit);
    QFETCH(QStringList, applicable);
    openAs(role, municipality);
    if (QTest::currentTestFailed())
        return;
    if (!status.isEmpty())
        QVERIFY(m_session->reviewPlan(u"plan-adorf"_s, status, u"Bitte die Ziele beziffern."_s));

    ReviewActionsModel model;
    model.setSession(m_session.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPlanId(u"plan-adorf"_s);
    model.refresh();
    QCOMPARE(model.status(), status.isEmpty() ? u"draft"_s : status);
    QCOMPARE(model.maySubmit(), maySubmit);
    if (role != u"office"_s) {
        QCOMPARE(model.count(), 0);
        return;
    }
    QCOMPARE(column(model, "key"), (QStringList { u"in_review"_s, u"changes_requested"_s, u"reviewed"_s }));
    QCOMPARE(column(model, "confirmation"), (QStringList { u"none"_s, u"note"_s, u"confirm"_s }));
    QStringList enabled;
    for (int row = 0; row < model.count(); ++row) {
        QVERIFY(!model.get(row).value(u"label"_s).toString().isEmpty());
        if (model.get(row).value(u"applicable"_s).toBool())
            enabled << model.get(row).value(u"key"_s).toString();
    }
    QCOMPARE(enabled, applicable);
}

void TestEditingModels::tabsPerEntry_data()
{
    QTest::addColumn<QString>("entityId");
    QTest::addColumn<QStringList>("tabs");
    QTest::addRow("a measure has milestones") << u"measure-1"_s
                                              << QStringList { u"fields"_s, u"milestones"_s, u"comments"_s, u"history"_s };
    QTest::addRow("a goal has none") << u"goal-1"_s << QStringList { u"fields"_s, u"comments"_s, u"history"_s };
    QTest::addRow("the plan itself takes comments") << u"plan-adorf"_s
                                                    << QStringList { u"fields"_s, u"comments"_s, u"history"_s };
    QTest::addRow("a municipality, outside any plan, takes none") << u"muni-adorf"_s
                                                                  << QStringList { u"fields"_s, u"history"_s };
}

void TestEditingModels::tabsPerEntry()
{
    QFETCH(QString, entityId);
    QFETCH(QStringList, tabs);
    openAs(u"editor"_s, u"muni-adorf"_s);
    if (QTest::currentTestFailed())
        return;
    EditorTabsModel model;
    model.setSession(m_session.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntityId(entityId);
    model.refresh();
    QCOMPARE(column(model, "key"), tabs);
    QCOMPARE(model.keys(), tabs);
    QVERIFY(!column(model, "label").contains(QString()));
    // A tab the entry lacks falls back to its fields.
    QCOMPARE(model.offered(u"history"_s), u"history"_s);
    QCOMPARE(model.offered(u"milestones"_s), tabs.contains(u"milestones"_s) ? u"milestones"_s : u"fields"_s);
}

void TestEditingModels::pagesInNavigationOrder()
{
    PagesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QStringList keys { u"plan"_s,      u"dashboard"_s, u"review"_s, u"peers"_s,    u"search"_s, u"meetings"_s,
                             u"synopsis"_s,  u"charts"_s,    u"conflicts"_s, u"sync"_s, u"settings"_s, u"help"_s };
    QCOMPARE(column(model, "key"), keys);
    QCOMPARE(PagesModel::keys(), keys);
    QCOMPARE(PagesModel::home(true), u"dashboard"_s);
    QCOMPARE(PagesModel::home(false), u"plan"_s);
}

QTEST_MAIN(TestEditingModels)
#include "tst_editingmodels.moc"

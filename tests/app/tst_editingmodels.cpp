// SPDX-License-Identifier: GPL-3.0-or-later
// The form's model decides per field what the signed-in account may edit, by the rules the server
// applies (not a guess of the app's own); it offers only the choices the account may set, and gives
// each field its plan hint. And undo is followed by redo.
#include "entityfieldsmodel.h"
#include "helpers/sampleplan.h"
#include "localreplica.h"
#include "session.h"
#include "session/appsetup.h"

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

private:
    /** A Session signed in (offline) as role of municipality on a replica holding Adorf's sample plan. */
    void openAs(const QString &role, const QString &municipality);
    QVariantMap row(EntityFieldsModel &model, const QString &field)
    {
        const int index = model.indexOf(field);
        [&] { QVERIFY2(index >= 0, qPrintable(field)); }();
        return model.get(index);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Session> m_session;
};

void TestEditingModels::openAs(const QString &role, const QString &municipality)
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    {
        auto replica = LocalReplica::open(QDir(m_dir->path()).filePath(u"account"_s));
        QVERIFY(replica);
        SamplePlan plan;
        QVERIFY((*replica)->applyPulled(plan.changes, 41));
        QVERIFY((*replica)->setAccount({ u"http://127.0.0.1:1"_s, role, role, municipality,
                                         municipality == u"muni-adorf"_s ? u"plan-adorf"_s : QString() },
                                       u"wpt_x"_s));
    }
    QSettings settings(QDir(m_dir->path()).filePath(u"settings.ini"_s), QSettings::IniFormat);
    settings.setValue(u"replica"_s, u"account"_s);
    settings.setValue(u"work_offline"_s, true);
    settings.sync();
    m_session = std::make_unique<Session>(m_dir->path());
    Session::setInstance(m_session.get());
    QVERIFY(m_session->openLast());
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
    plan.setEntityId(u"plan-adorf"_s);
    QVERIFY(plan.isEditable());
    QCOMPARE(row(plan, u"title"_s).value(u"editable"_s).toBool(), true);
    QCOMPARE(row(plan, u"vision"_s).value(u"editable"_s).toBool(), true);
    // Submitting is "Zur Prüfung einreichen", which freezes a version: never the field itself.
    QCOMPARE(row(plan, u"review_status"_s).value(u"editable"_s).toBool(), false);
    QVERIFY(!m_session->setField(u"plan-adorf"_s, u"review_status"_s, u"submitted"_s));
    QCOMPARE(m_session->fieldValue(u"plan-adorf"_s, u"review_status"_s), u"draft"_s);

    EntityFieldsModel measure;
    measure.setEntityId(u"measure-1"_s);
    const QVariantMap status = row(measure, u"status"_s);
    QCOMPARE(status.value(u"editable"_s).toBool(), true);
    QCOMPARE(status.value(u"choices"_s).toList().size(),
             Schema::instance().entity(u"measure"_s)->field(u"status"_s)->choices.size());
    QVERIFY(m_session->mayEdit(u"measure-1"_s));

    // The municipality record is the office's.
    EntityFieldsModel place;
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
    plan.setEntityId(u"plan-adorf"_s);
    QVERIFY(!plan.isEditable());
    // Reviewing goes through the review's buttons (with a note), not through the plan's form.
    for (const QString &field : { u"title"_s, u"vision"_s, u"review_status"_s, u"shared"_s })
        QCOMPARE(row(plan, field).value(u"editable"_s).toBool(), false);
    QVERIFY(!m_session->mayEdit(u"plan-adorf"_s));

    EntityFieldsModel place;
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

QTEST_MAIN(TestEditingModels)
#include "tst_editingmodels.moc"

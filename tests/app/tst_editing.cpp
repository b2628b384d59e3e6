// SPDX-License-Identifier: GPL-3.0-or-later
// Editing in the real desktop client, headless, against the real server with the demo data: a new
// entry opens with its title focused (typing names it, a space does not add a second one), undo is
// followed by redo, and the office asks for changes only with a note that the municipality then sees
// on its plan page.
#include "appdriver.h"
#include "office/reviewnotes.h"
#include "planoutlinemodel.h"

#include <QQmlEngineExtensionPlugin>
#include <QTemporaryDir>
#include <QTest>

Q_IMPORT_QML_PLUGIN(WerkstattplanPlugin)

using namespace Qt::Literals::StringLiterals;

class TestEditing : public QObject
{
    Q_OBJECT

private:
    DemoServer m_demo;
    QTemporaryDir m_data;
    AppDriver m_app { QStringLiteral(WERKSTATTPLAN_SCREENSHOTS) };

    QString municipalityFolder() const { return m_data.filePath(u"adorf"_s); }
    QString value(const QString &id, const QString &field) const { return m_app.session()->fieldValue(id, field); }
    PlanOutlineModel *outline() const
    {
        auto *view = m_app.item(u"planOutline"_s);
        return view ? qobject_cast<PlanOutlineModel *>(view->property("model").value<QObject *>()) : nullptr;
    }
    int measures() const { return int(m_app.session()->replica()->store().entityIds(u"measure"_s).size()); }
    QString editorEntity() const { return m_app.item(u"entityEditor"_s)->property("entityId").toString(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_demo.start());
        m_app.start(municipalityFolder(), u"de"_s, false, QSize(1366, 768));
        if (QTest::currentTestFailed())
            return;
        m_app.signInThroughSetupPage(m_demo.url(), u"adorf"_s, m_demo.password(u"adorf"_s));
    }

    void newMeasureOpensWithItsTitleFocused()
    {
        m_app.showPage(u"plan"_s);
        QTRY_VERIFY(outline() && outline()->count() > 3);
        // A measure selected, its editor scrolled down, as after working on it.
        QString measure;
        for (int row = 0; row < outline()->count() && measure.isEmpty(); ++row) {
            const QString id = outline()->get(row).value(u"entityId"_s).toString();
            if (m_app.session()->entityType(id) == u"measure"_s)
                measure = id;
        }
        QVERIFY(!measure.isEmpty());
        m_app.item(u"planOutline"_s)->setProperty("currentIndex", outline()->indexOf(measure));
        QTRY_COMPARE(editorEntity(), measure);
        auto *scroll = m_app.item(u"fieldScroll"_s);
        QVERIFY(scroll);
        auto *flickable = scroll->property("contentItem").value<QQuickItem *>();
        QVERIFY(flickable);
        flickable->setProperty("contentY", 150);

        const int before = measures();
        m_app.clickNamed(u"addMeasure"_s);
        QTRY_VERIFY(editorEntity() != measure);
        const QString added = editorEntity();
        QCOMPARE(m_app.session()->entityType(added), u"measure"_s);
        QTRY_VERIFY(m_app.visibleItem(u"field_title"_s) && m_app.visibleItem(u"field_title"_s)->hasActiveFocus());
        QCOMPARE(flickable->property("contentY").toReal(), 0.0);
        QCOMPARE(m_app.visibleItem(u"field_title"_s)->property("selectedText").toString(), u"Neue Maßnahme"_s);

        // Typed as a person would, spaces included: they go into the title, not to the button.
        m_app.typeKeys(u"Repair Café im Rathaus"_s);
        QTest::keyClick(m_app.window(), Qt::Key_Return);
        QTRY_COMPARE(value(added, u"title"_s), u"Repair Café im Rathaus"_s);
        QCOMPARE(measures(), before + 1);
        m_app.screenshot(u"30-new-measure-title"_s);

        // Undo, then the notice offers "Wiederholen" (not a second "Rückgängig"), and redo does it again.
        m_app.item(u"planOutline"_s)->forceActiveFocus();
        QTest::keyClick(m_app.window(), Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(value(added, u"title"_s), u"Neue Maßnahme"_s);
        QQuickItem *button = nullptr;
        QTRY_VERIFY((button = m_app.visibleItem(u"noticeUndoButton"_s)) != nullptr);
        QCOMPARE(button->property("text").toString(), u"Wiederholen"_s);
        m_app.screenshot(u"31-undo-offers-redo"_s);
        m_app.click(button);
        QTRY_COMPARE(value(added, u"title"_s), u"Repair Café im Rathaus"_s);
        QTRY_COMPARE(m_app.visibleItem(u"noticeUndoButton"_s)->property("text").toString(), u"Rückgängig"_s);

        // The keyboard's way: Ctrl+Z, then Ctrl+Y and Ctrl+Shift+Z.
        m_app.item(u"planOutline"_s)->forceActiveFocus();
        QTest::keyClick(m_app.window(), Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(value(added, u"title"_s), u"Neue Maßnahme"_s);
        QTest::keyClick(m_app.window(), Qt::Key_Y, Qt::ControlModifier);
        QTRY_COMPARE(value(added, u"title"_s), u"Repair Café im Rathaus"_s);
        QTest::keyClick(m_app.window(), Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(value(added, u"title"_s), u"Neue Maßnahme"_s);
        QTest::keyClick(m_app.window(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE(value(added, u"title"_s), u"Repair Café im Rathaus"_s);
        QCOMPARE(measures(), before + 1);

        // A day that does not exist is said so next to the field; a done measure ending later gets a hint.
        m_app.typeInto(m_app.visibleItem(u"field_end_dateInput"_s), u"31.2.2027"_s);
        QQuickItem *problem = nullptr;
        QTRY_VERIFY((problem = m_app.visibleItem(u"fieldProblem_end_date"_s)) != nullptr);
        QCOMPARE(problem->property("text").toString(), u"Diesen Tag gibt es nicht."_s);
        QCOMPARE(value(added, u"end_date"_s), QString());
        QVERIFY(m_app.session()->setField(added, u"status"_s, u"done"_s));
        m_app.typeInto(m_app.visibleItem(u"field_end_dateInput"_s), u"31.12.2030"_s);
        QTRY_COMPARE(value(added, u"end_date"_s), u"2030-12-31"_s);
        QTRY_VERIFY(!m_app.visibleItem(u"fieldProblem_end_date"_s));
        QTRY_VERIFY(m_app.visibleItem(u"fieldHint_end_date"_s));
        m_app.screenshot(u"34-field-hint"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_app.status()->pendingChanges(), 0, 15'000);
        QCOMPARE(m_app.status()->rejectedChanges(), 0);
    }

    void municipalityCannotSetItsReviewStatus()
    {
        m_app.showPage(u"plan"_s);
        const QString plan = m_app.session()->planId();
        // Only "Zur Prüfung einreichen" submits (it freezes a version); the status itself is refused.
        QVERIFY(!m_app.session()->setField(plan, u"review_status"_s, u"submitted"_s));
        QCOMPARE(value(plan, u"review_status"_s), u"draft"_s);
        QVERIFY(m_app.visibleItem(u"submitPlan"_s));
    }

    void officeAsksForChangesWithANote()
    {
        const QString note = u"Bitte ergänzen Sie bei jeder Maßnahme, wer sie verantwortet."_s;
        m_app.stop();
        m_app.start(m_data.filePath(u"office"_s), u"de"_s, false, QSize(1366, 768));
        if (QTest::currentTestFailed())
            return;
        m_app.signInThroughSetupPage(m_demo.url(), u"geschaeftsstelle"_s, m_demo.password(u"geschaeftsstelle"_s));
        m_app.showPage(u"dashboard"_s);
        m_app.clickNamed(u"dashboardRow_Adorf/Vogtl."_s);
        QTRY_COMPARE(m_app.window()->property("page").toString(), u"review"_s);

        // "Änderungen erbitten" asks first, and only with a note.
        const QString before = value(u"plan-adorf"_s, u"review_status"_s);
        m_app.clickNamed(u"reviewSet_changes_requested"_s);
        QQuickItem *ok = nullptr;
        QTRY_VERIFY((ok = m_app.visibleItem(u"reviewNoteOk"_s)) != nullptr);
        QCOMPARE(value(u"plan-adorf"_s, u"review_status"_s), before);
        QVERIFY(!ok->isEnabled());
        m_app.typeInto(m_app.visibleItem(u"reviewNoteText"_s), note, false);
        QTRY_VERIFY(ok->isEnabled());
        m_app.screenshot(u"32-request-changes"_s);
        m_app.click(ok);
        QTRY_COMPARE(value(u"plan-adorf"_s, u"review_status"_s), u"changes_requested"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_app.status()->pendingChanges(), 0, 15'000);
        QCOMPARE(m_app.status()->rejectedChanges(), 0);

        // "Als geprüft markieren" asks too; cancelled, nothing changes.
        m_app.clickNamed(u"reviewSet_reviewed"_s);
        m_app.clickNamed(u"reviewNoteCancel"_s);
        QTRY_VERIFY(!m_app.visibleItem(u"reviewNoteCancel"_s));
        QCOMPARE(value(u"plan-adorf"_s, u"review_status"_s), u"changes_requested"_s);

        // The municipality: its replica has the note, and "Mein Plan" shows it with the status.
        m_app.stop();
        m_app.start(municipalityFolder(), u"de"_s, true, QSize(1366, 768));
        if (QTest::currentTestFailed())
            return;
        m_app.session()->syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(value(u"plan-adorf"_s, u"review_status"_s), u"changes_requested"_s, 15'000);
        // The status may come first, with the plan's history (which its page asks for); the note with the pull.
        std::optional<ReviewNote> received;
        QTRY_VERIFY_WITH_TIMEOUT(
                (received = ReviewNotes::latestOnPlan(m_app.session()->replica()->store(), u"plan-adorf"_s)), 15'000);
        QCOMPARE(received->body, note);
        QCOMPARE(received->author, u"geschaeftsstelle"_s);
        m_app.showPage(u"plan"_s);
        QQuickItem *shown = nullptr;
        QTRY_VERIFY((shown = m_app.visibleItem(u"reviewStatusNote"_s)) != nullptr);
        QVERIFY2(shown->property("text").toString().contains(note), qPrintable(shown->property("text").toString()));
        QVERIFY(m_app.visibleItem(u"reviewStatusLabel"_s)->property("text").toString().contains(u"Änderungen erbeten"_s));
        m_app.screenshot(u"33-my-plan-changes-requested"_s);
    }
};

QTEST_MAIN(TestEditing)
#include "tst_editing.moc"

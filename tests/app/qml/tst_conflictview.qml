// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Werkstattplan

// ConflictView: keep either side in one click, merge both into a new value, edit against delete.
Item {
    id: root
    width: 900
    height: 700

    TestCase {
        id: testCase
        name: "ConflictView"
        when: windowShown

        Component {
            id: viewComponent
            ConflictView { width: 860 }
        }
        SignalSpy { id: resolvedSpy; signalName: "resolved" }

        function makeView(conflictId) {
            verify(conflictId !== "", "the fixture made a conflict")
            const view = createTemporaryObject(viewComponent, root, { conflictId: conflictId })
            verify(view)
            resolvedSpy.clear()
            resolvedSpy.target = view
            tryVerify(() => findChild(view, "conflictKeepKept") !== null)
            return view
        }

        function test_keepOther() {
            const view = makeView(fixture.makeConcurrentEdit("Kataster A", "Kataster B"))
            const keepKept = findChild(view, "conflictKeepKept")
            const keepOther = findChild(view, "conflictKeepOther")
            verify(keepKept.visible)
            compare(keepKept.text, "Diesen Wert behalten")
            mouseClick(keepOther)
            compare(resolvedSpy.count, 1)
            compare(Session.fieldValue(fixture.measure, "title"), "Kataster B")
            tryVerify(() => findChild(view, "conflictKeepOther") === null)
        }

        function test_keepKept() {
            const view = makeView(fixture.makeConcurrentEdit("Kataster A", "Kataster B"))
            mouseClick(findChild(view, "conflictKeepKept"))
            compare(resolvedSpy.count, 1)
            compare(Session.fieldValue(fixture.measure, "title"), "Kataster A")
        }

        function test_merge() {
            const view = makeView(fixture.makeConcurrentEdit("Kataster A", "Kataster B"))
            const merge = findChild(view, "conflictMerge")
            verify(merge.visible)
            mouseClick(merge)
            const text = findChild(view, "conflictMergeText")
            verify(text.visible)
            verify(text.text.indexOf("Kataster A") >= 0)
            verify(text.text.indexOf("Kataster B") >= 0)
            text.text = "Kataster A und B"
            mouseClick(findChild(view, "conflictMergeSave"))
            compare(resolvedSpy.count, 1)
            compare(Session.fieldValue(fixture.measure, "title"), "Kataster A und B")
        }

        function test_editAgainstDelete() {
            const view = makeView(fixture.makeEditVsDelete("Bauamt"))
            const keepKept = findChild(view, "conflictKeepKept")
            const keepOther = findChild(view, "conflictKeepOther")
            compare(keepKept.text, "Gelöscht lassen")
            compare(keepOther.text, "Wiederherstellen mit Änderung")
            verify(!findChild(view, "conflictMerge").visible)
            mouseClick(keepOther)
            compare(resolvedSpy.count, 1)
            compare(Session.fieldValue(fixture.measure, "responsible"), "Bauamt")
            compare(Session.entityType(fixture.measure), "measure")
        }
    }
}

// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Werkstattplan

// A field says what is wrong with what was typed, next to it, and shows its plan hint.
Item {
    id: root
    width: 800
    height: 600

    Component {
        id: fieldEditor
        FieldEditor {
            width: 600
            entityId: ""
            entityType: "measure"
            label: "Feld"
            value: ""
            display: ""
            choices: []
            conflictId: ""
            editable: true
            hint: ""
        }
    }

    TestCase {
        name: "Validation"
        when: windowShown

        function typeText(text) {
            for (let i = 0; i < text.length; ++i)
                keyClick(text[i])
        }
        function enter(field, kind, inputName, text) {
            const editor = createTemporaryObject(fieldEditor, root, { name: field, kind: kind })
            verify(editor)
            const input = findChild(editor, inputName)
            verify(input, inputName)
            input.forceActiveFocus()
            input.selectAll()
            typeText(text)
            keyClick(Qt.Key_Return)
            return editor
        }
        function problemOf(editor, field) {
            const label = findChild(editor, "fieldProblem_" + field)
            verify(label)
            return label.visible ? label.text : ""
        }

        function test_problems_data() {
            return [
                { tag: "no such day", field: "end_date", kind: "date", input: "field_end_dateInput", text: "31.2.2027", problem: "Diesen Tag gibt es nicht." },
                { tag: "no such month", field: "end_date", kind: "date", input: "field_end_dateInput", text: "1.13.2027", problem: "Diesen Monat gibt es nicht (1 bis 12)." },
                { tag: "not a date", field: "start_date", kind: "date", input: "field_start_dateInput", text: "morgen", problem: "Bitte als TT.MM.JJJJ eingeben, zum Beispiel 31.03.2026." },
                { tag: "not a number", field: "budget", kind: "number", input: "field_budget", text: "viel", problem: "Bitte eine Zahl eingeben, zum Beispiel 1.500,50." },
                { tag: "a date", field: "end_date", kind: "date", input: "field_end_dateInput", text: "28.2.2027", problem: "" },
                { tag: "a number", field: "budget", kind: "number", input: "field_budget", text: "1.500,50", problem: "" },
            ]
        }
        function test_problems(data) {
            const editor = enter(data.field, data.kind, data.input, data.text)
            compare(problemOf(editor, data.field), data.problem)
        }

        function test_problemGoesWhenFixed() {
            const editor = enter("end_date", "date", "field_end_dateInput", "31.2.2027")
            compare(problemOf(editor, "end_date"), "Diesen Tag gibt es nicht.")
            const input = findChild(editor, "field_end_dateInput")
            input.selectAll()
            typeText("28.2.2027")
            compare(problemOf(editor, "end_date"), "")
        }

        function test_tooLongTitle() {
            const editor = createTemporaryObject(fieldEditor, root, { name: "title", kind: "text" })
            const input = findChild(editor, "field_title")
            input.text = "x".repeat(501)
            verify(problemOf(editor, "title").indexOf("500") >= 0, problemOf(editor, "title"))
        }

        function test_hintIsShown() {
            const editor = createTemporaryObject(fieldEditor, root, { name: "end_date", kind: "date",
                                                                      hint: "Liegt nach dem Ende der Maßnahme (30.06.2026)." })
            const hint = findChild(editor, "fieldHint_end_date")
            verify(hint.visible)
            verify(hint.text.indexOf("30.06.2026") >= 0)
        }

        function test_readOnlyFieldHasNoEditor() {
            const editor = createTemporaryObject(fieldEditor, root, { name: "review_status", kind: "enum", editable: false,
                                                                      display: "Entwurf" })
            compare(findChild(editor, "field_review_status"), null)
        }
    }
}

// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Werkstattplan

// The field editors turn what people type into the model's form, and say nothing until it is valid.
Item {
    id: root
    width: 800
    height: 600

    Component { id: dateEditor; DateEditor { label: "Beginn"; entityType: "measure"; fieldName: "start_date" } }
    Component { id: numberEditor; NumberEditor { label: "Budget"; entityType: "measure"; fieldName: "budget" } }
    Component { id: choiceEditor; ChoiceEditor { label: "Status" } }
    Component { id: themesEditor; ThemesEditor { label: "Themen" } }
    Component { id: textEditor; TextEditor { label: "Titel" } }
    Component { id: longTextEditor; LongTextEditor { objectName: "longText"; label: "Beschreibung" } }

    SignalSpy { id: commits; signalName: "commit" }

    TestCase {
        name: "Editors"
        when: windowShown

        function init() { commits.clear() }

        function make(component, properties) {
            const editor = createTemporaryObject(component, root, properties)
            verify(editor)
            commits.target = editor
            return editor
        }
        function typeText(text) {
            for (let i = 0; i < text.length; ++i)
                keyClick(text[i])
        }

        function test_dateShowsGermanAndCommitsIso() {
            const editor = make(dateEditor, { value: "2026-03-31" })
            const input = findChild(editor, editor.objectName + "Input") || editor.children[0]
            compare(input.text, "31.03.2026")
            input.forceActiveFocus()
            input.selectAll()
            typeText("1.4.27")
            keyClick(Qt.Key_Return)
            compare(commits.count, 1)
            compare(commits.signalArguments[0][0], "2027-04-01")
        }

        function test_dateRejectsNonsense() {
            const editor = make(dateEditor, { value: "2026-03-31" })
            const input = editor.children[0]
            input.forceActiveFocus()
            input.selectAll()
            typeText("31.02.2026")
            keyClick(Qt.Key_Return)
            compare(commits.count, 0)
        }

        function test_numberReadsGermanFormat() {
            const editor = make(numberEditor, { value: "1500" })
            compare(editor.text, "1.500")
            editor.forceActiveFocus()
            editor.selectAll()
            typeText("2.500,50")
            keyClick(Qt.Key_Return)
            compare(commits.count, 1)
            compare(commits.signalArguments[0][0], "2500.5")
        }

        function test_choiceShowsCurrentValue() {
            const editor = make(choiceEditor, { choices: Vocabulary.choices("measure", "status"), value: "planned" })
            tryCompare(editor, "currentText", "geplant")
            editor.value = "done"
            tryCompare(editor, "currentText", "abgeschlossen")
        }

        function test_themesToggleIntoSortedJson() {
            const editor = make(themesEditor, { choices: Vocabulary.choices("measure", "themes"), value: "[\"mobility\"]" })
            const chips = Array.from(editor.children).filter(c => c.text !== undefined && c.checkable)
            const volunteering = chips.find(c => c.text === "Ehrenamt")
            verify(volunteering)
            mouseClick(volunteering)
            compare(commits.count, 1)
            compare(commits.signalArguments[0][0], "[\"mobility\",\"volunteering\"]")
        }

        function test_textCommitsOnlyChanges() {
            const editor = make(textEditor, { value: "Ausbildungsmesse" })
            editor.forceActiveFocus()
            keyClick(Qt.Key_Return)
            compare(commits.count, 0)
            keyClick(Qt.Key_End)
            typeText(" 2027")
            keyClick(Qt.Key_Return)
            compare(commits.count, 1)
            compare(commits.signalArguments[0][0], "Ausbildungsmesse 2027")
        }

        function test_longTextIsSavedWhenTypingStops() {
            const editor = make(longTextEditor, { value: "Erster Satz." })
            const area = editor
            verify(area)
            area.forceActiveFocus()
            area.cursorPosition = area.length
            typeText(" Zweiter Satz.")
            tryCompare(commits, "count", 1, 5000)
            compare(commits.signalArguments[0][0], "Erster Satz. Zweiter Satz.")
        }
    }
}

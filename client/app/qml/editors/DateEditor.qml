// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// A date: typed as 31.03.2026 or picked from a calendar.
RowLayout {
    id: root
    property string value // ISO 8601
    property string label
    property string entityType
    property string fieldName
    /** What is wrong with what was typed ("Diesen Tag gibt es nicht."), once the field was left; cleared when fixed. */
    property string problem: ""
    /** The text field, for focusing it. */
    readonly property alias inputItem: input
    signal commit(string value)

    function check() { problem = Vocabulary.inputProblem(root.entityType, root.fieldName, input.text) }
    onValueChanged: problem = ""

    spacing: Theme.spacing / 2

    TextField {
        id: input
        objectName: root.objectName + "Input"
        Layout.preferredWidth: Theme.fontSize * 9
        text: Vocabulary.displayValue(root.entityType, root.fieldName, root.value)
        placeholderText: qsTr("TT.MM.JJJJ")
        Accessible.name: root.label
        Accessible.description: root.problem
        onTextEdited: if (root.problem !== "") root.check()
        color: text === "" || Vocabulary.parseDate(text) !== "" ? Theme.text : Theme.error
        onEditingFinished: {
            root.check()
            const iso = Vocabulary.parseDate(text)
            if (text === "" && root.value !== "")
                root.commit("")
            else if (iso !== "" && iso !== root.value)
                root.commit(iso)
        }
    }
    Button {
        text: qsTr("Kalender")
        Accessible.name: qsTr("Kalender für %1 öffnen").arg(root.label)
        onClicked: calendar.open()
    }
    // Takes the rest of the row, so the button stays beside its field.
    Item { Layout.fillWidth: true }
    Popup {
        id: calendar
        y: input.height
        padding: Theme.spacing
        focus: true
        property date shown: root.value !== "" ? new Date(root.value) : new Date()
        ColumnLayout {
            RowLayout {
                Button { text: "‹"; Accessible.name: qsTr("Voriger Monat"); onClicked: calendar.shown = new Date(calendar.shown.getFullYear(), calendar.shown.getMonth() - 1, 1) }
                Label {
                    text: grid.title
                    horizontalAlignment: Text.AlignHCenter
                    Layout.fillWidth: true
                    font.bold: true
                }
                Button { text: "›"; Accessible.name: qsTr("Nächster Monat"); onClicked: calendar.shown = new Date(calendar.shown.getFullYear(), calendar.shown.getMonth() + 1, 1) }
            }
            DayOfWeekRow { locale: grid.locale; Layout.fillWidth: true }
            MonthGrid {
                id: grid
                month: calendar.shown.getMonth()
                year: calendar.shown.getFullYear()
                locale: Qt.locale()
                Layout.fillWidth: true
                onClicked: date => {
                    root.commit(Qt.formatDate(date, "yyyy-MM-dd"))
                    calendar.close()
                }
            }
        }
    }
}

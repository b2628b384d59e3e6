// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// One field of an entity: its label, the editor its kind needs (or its value, read-only), its conflict if open,
// what is wrong with what was typed, and a hint about the plan (a milestone outside its measure's period, …).
ColumnLayout {
    id: root
    property string entityId
    property string entityType
    required property string name
    required property string label
    required property string kind
    required property string value
    required property string display
    required property var choices
    required property string conflictId
    /** The account may edit this field now (EntityFieldsModel: the rules the server applies). */
    required property bool editable
    required property string hint
    signal conflictRequested(string conflictId)

    spacing: 2

    function commit(newValue) {
        Session.setField(root.entityId, root.name, newValue)
    }
    /** Puts the cursor into the editor with its text selected (a new entry's title: typing replaces it). */
    function focusEditor() {
        const editor = loader.item
        if (!editor)
            return false
        const input = editor.inputItem !== undefined ? editor.inputItem : editor
        input.forceActiveFocus(Qt.OtherFocusReason)
        if (input.selectAll)
            input.selectAll()
        return input.activeFocus
    }

    RowLayout {
        Layout.fillWidth: true
        Label {
            text: root.label
            font.bold: true
            color: root.conflictId !== "" ? Theme.conflict : Theme.mutedText
            visible: root.kind !== "bool" || !root.editable
        }
        Item { Layout.fillWidth: true }
        Button {
            objectName: "conflictButton_" + root.name
            visible: root.conflictId !== ""
            text: qsTr("Konflikt: beide Werte ansehen")
            palette.button: Theme.conflictBackground
            palette.buttonText: Theme.conflict
            onClicked: root.conflictRequested(root.conflictId)
        }
    }

    Loader {
        id: loader
        Layout.fillWidth: true
        // A field in conflict stands in a coloured frame.
        Layout.margins: root.conflictId !== "" ? 4 : 0
        sourceComponent: !root.editable ? readOnlyView
                       : root.kind === "longtext" ? longText
                       : root.kind === "enum" ? choice
                       : root.kind === "date" ? date
                       : root.kind === "number" ? number
                       : root.kind === "bool" ? bool
                       : root.kind === "themes" ? themes
                       : text
        Rectangle {
            z: -1
            anchors.fill: parent
            anchors.margins: -4
            visible: root.conflictId !== ""
            color: Theme.conflictBackground
            border.color: Theme.conflict
            border.width: 2
            radius: Theme.radius
        }
    }

    Label {
        objectName: "fieldProblem_" + root.name
        readonly property string problem: loader.item && loader.item.problem !== undefined ? loader.item.problem : ""
        visible: problem !== ""
        text: problem
        color: Theme.error
        wrapMode: Text.Wrap
        Layout.fillWidth: true
        Accessible.role: Accessible.AlertMessage
        Accessible.name: problem
    }
    Label {
        objectName: "fieldHint_" + root.name
        visible: root.hint !== ""
        text: "ⓘ " + root.hint
        color: Theme.mutedText
        wrapMode: Text.Wrap
        Layout.fillWidth: true
        Accessible.name: root.hint
    }

    Component {
        id: readOnlyView
        Label {
            text: root.display !== "" ? root.display : qsTr("–")
            wrapMode: Text.Wrap
            color: root.display !== "" ? Theme.text : Theme.mutedText
        }
    }
    Component { id: text; TextEditor { objectName: "field_" + root.name; value: root.value; label: root.label; entityType: root.entityType; fieldName: root.name; onCommit: v => root.commit(v) } }
    Component { id: longText; LongTextEditor { objectName: "field_" + root.name; value: root.value; label: root.label; entityType: root.entityType; fieldName: root.name; onCommit: v => root.commit(v) } }
    Component { id: choice; ChoiceEditor { objectName: "field_" + root.name; value: root.value; label: root.label; choices: root.choices; onCommit: v => root.commit(v) } }
    Component { id: date; DateEditor { objectName: "field_" + root.name; value: root.value; label: root.label; entityType: root.entityType; fieldName: root.name; onCommit: v => root.commit(v) } }
    Component { id: number; NumberEditor { objectName: "field_" + root.name; value: root.value; label: root.label; entityType: root.entityType; fieldName: root.name; onCommit: v => root.commit(v) } }
    Component { id: bool; BoolEditor { objectName: "field_" + root.name; value: root.value; label: root.label; onCommit: v => root.commit(v) } }
    Component { id: themes; ThemesEditor { objectName: "field_" + root.name; value: root.value; label: root.label; choices: root.choices; onCommit: v => root.commit(v) } }
}

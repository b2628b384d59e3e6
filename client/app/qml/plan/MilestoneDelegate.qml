// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// One milestone: done, title, due date, and (when editable) move and delete.
Rectangle {
    id: root
    required property string entityId
    required property string title
    required property string dueDate
    required property string dueDisplay
    required property bool done
    required property bool overdue
    required property bool first
    required property bool last
    required property string hint
    property bool editable: false

    function focusTitle() { if (titleLoader.item) titleLoader.item.forceActiveFocus() }

    implicitHeight: row.implicitHeight + messages.implicitHeight + Theme.spacing
    color: Theme.surface
    border.color: Theme.border
    radius: Theme.radius

    RowLayout {
        id: row
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.topMargin: Theme.spacing / 2
        anchors.leftMargin: Theme.spacing / 2
        anchors.rightMargin: Theme.spacing / 2
        spacing: Theme.spacing / 2

        CheckBox {
            objectName: "milestoneDone"
            checked: root.done
            enabled: root.editable
            Accessible.name: qsTr("%1 erledigt").arg(Vocabulary.quoted(root.title))
            onToggled: Session.setField(root.entityId, "done", checked ? "true" : "false")
        }
        Loader {
            id: titleLoader
            Layout.fillWidth: true
            sourceComponent: root.editable ? titleEditor : titleView
        }
        Loader {
            id: dueLoader
            Layout.preferredWidth: root.editable ? implicitWidth : Theme.fontSize * 7
            sourceComponent: root.editable ? dueEditor : dueView
        }
        Label {
            visible: root.editable && root.overdue
            text: qsTr("überfällig")
            color: Theme.error
            font.pixelSize: Theme.smallFont
        }
        ToolButton {
            visible: root.editable
            text: "↑"
            enabled: !root.first
            Accessible.name: qsTr("%1 nach oben verschieben").arg(Vocabulary.quoted(root.title))
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Nach oben verschieben")
            onClicked: Session.moveEntity(root.entityId, -1)
        }
        ToolButton {
            visible: root.editable
            text: "↓"
            enabled: !root.last
            Accessible.name: qsTr("%1 nach unten verschieben").arg(Vocabulary.quoted(root.title))
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Nach unten verschieben")
            onClicked: Session.moveEntity(root.entityId, 1)
        }
        ToolButton {
            objectName: "deleteMilestone"
            visible: root.editable
            text: "✕"
            Accessible.name: qsTr("%1 löschen").arg(Vocabulary.quoted(root.title))
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Meilenstein löschen")
            onClicked: Session.removeEntity(root.entityId)
        }
    }

    // What is wrong with the typed date, and whether it lies outside the measure's period.
    Column {
        id: messages
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: row.bottom
        anchors.leftMargin: Theme.spacing
        anchors.rightMargin: Theme.spacing
        Label {
            objectName: "milestoneProblem"
            readonly property string problem: dueLoader.item && dueLoader.item.problem !== undefined ? dueLoader.item.problem : ""
            visible: problem !== ""
            text: problem
            width: parent.width
            color: Theme.error
            wrapMode: Text.Wrap
            font.pixelSize: Theme.smallFont
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
        Label {
            objectName: "milestoneHint"
            visible: root.hint !== ""
            text: "ⓘ " + root.hint
            width: parent.width
            color: Theme.mutedText
            wrapMode: Text.Wrap
            font.pixelSize: Theme.smallFont
            Accessible.name: root.hint
        }
    }

    Component {
        id: titleEditor
        TextEditor {
            objectName: "milestoneTitle"
            value: root.title
            label: qsTr("Titel des Meilensteins")
            font.strikeout: root.done
            onCommit: v => Session.setField(root.entityId, "title", v)
        }
    }
    Component {
        id: titleView
        Label {
            text: root.title !== "" ? root.title : qsTr("(ohne Titel)")
            font.strikeout: root.done
            color: root.done ? Theme.mutedText : Theme.text
            elide: Text.ElideRight
        }
    }
    Component {
        id: dueEditor
        DateEditor {
            objectName: "milestoneDue"
            value: root.dueDate
            label: qsTr("Fällig am")
            entityType: "milestone"
            fieldName: "due_date"
            onCommit: v => Session.setField(root.entityId, "due_date", v)
        }
    }
    Component {
        id: dueView
        Label {
            text: root.dueDisplay !== "" ? root.dueDisplay : qsTr("ohne Termin")
            color: root.overdue ? Theme.error : Theme.mutedText
        }
    }
}

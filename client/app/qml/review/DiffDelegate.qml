// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// One difference between two states of a plan: an entry added or removed, or a field with its old and new value.
ItemDelegate {
    id: root
    required property int index
    required property string kind
    required property string kindLabel
    required property string entityId
    required property string entityType
    required property string title
    required property string fieldLabel
    required property string oldValue
    required property string newValue
    property bool selected: false
    property bool focused: false
    signal openRequested()

    objectName: "diffItem_" + index
    Accessible.name: kind === "changed" ? qsTr("%1 %2: %3 geändert").arg(entityType).arg(Vocabulary.quoted(title)).arg(fieldLabel)
                                        : qsTr("%1 %2: %3").arg(entityType).arg(Vocabulary.quoted(title)).arg(kindLabel)
    background: Rectangle {
        color: root.selected ? Theme.selection : Theme.surface
        border.color: root.focused ? Theme.focus : Theme.border
        border.width: root.focused ? 2 : 1
        radius: Theme.radius
    }

    contentItem: RowLayout {
        spacing: Theme.spacing
        Rectangle {
            Layout.alignment: Qt.AlignTop
            implicitWidth: kindText.implicitWidth + Theme.spacing
            implicitHeight: kindText.implicitHeight + 4
            radius: 3
            color: root.kind === "added" ? Theme.online : root.kind === "removed" ? Theme.error : Theme.accent
            Label { id: kindText; anchors.centerIn: parent; text: root.kindLabel; color: "white"; font.pixelSize: Theme.smallFont }
        }
        ColumnLayout {
            spacing: 2
            Layout.fillWidth: true
            Label {
                text: qsTr("%1 %2").arg(root.entityType).arg(Vocabulary.quoted(root.title)) + (root.fieldLabel !== "" ? " · " + root.fieldLabel : "")
                textFormat: Text.PlainText
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                visible: root.kind === "changed"
                text: root.oldValue !== "" ? root.oldValue : qsTr("(leer)")
                textFormat: Text.PlainText
                color: Theme.error
                font.strikeout: true
                wrapMode: Text.Wrap
                maximumLineCount: 4
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label {
                visible: root.kind === "changed"
                text: root.newValue !== "" ? root.newValue : qsTr("(leer)")
                textFormat: Text.PlainText
                color: Theme.online
                wrapMode: Text.Wrap
                maximumLineCount: 4
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
        }
        ToolButton {
            visible: root.kind !== "removed"
            text: qsTr("Im Plan zeigen")
            onClicked: root.openRequested()
        }
    }
}

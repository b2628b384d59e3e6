// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// One change the server refused: which entry and field, the refused value, why, and when.
ItemDelegate {
    id: root
    required property string entityId
    required property string typeLabel
    required property string entityLabel
    required property string fieldLabel
    required property string value
    required property string reason
    required property string at

    width: ListView.view ? ListView.view.width : implicitWidth
    padding: Theme.spacing
    Accessible.name: qsTr("Abgelehnt: %1 %2, %3. %4").arg(typeLabel).arg(Vocabulary.quoted(entityLabel)).arg(change.text).arg(reason)

    contentItem: ColumnLayout {
        spacing: 2
        RowLayout {
            Layout.fillWidth: true
            Label {
                text: qsTr("%1 %2").arg(root.typeLabel).arg(Vocabulary.quoted(root.entityLabel))
                font.bold: true
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label { text: root.at; color: Theme.mutedText; font.pixelSize: Theme.smallFont }
        }
        Label {
            id: change
            text: root.value !== "" ? qsTr("%1: %2 wurde nicht übernommen").arg(root.fieldLabel).arg(Vocabulary.quoted(root.value))
                                    : qsTr("%1 wurde nicht übernommen").arg(root.fieldLabel)
            wrapMode: Text.Wrap
            maximumLineCount: 3
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Label {
            text: root.reason
            color: Theme.error
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
    }
    background: Rectangle {
        color: root.hovered ? Theme.selection : Theme.surface
        border.color: root.visualFocus ? Theme.focus : Theme.border
        border.width: root.visualFocus ? 2 : 1
        radius: Theme.radius
    }
}

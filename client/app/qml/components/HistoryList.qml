// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// Every change of one entry, newest first; a past value of a field can be set again in one click.
ListView {
    id: root
    property string entityId

    objectName: "historyList"
    clip: true
    spacing: Theme.spacing / 2
    activeFocusOnTab: true
    keyNavigationEnabled: true
    boundsBehavior: Flickable.StopAtBounds
    ScrollBar.vertical: ScrollBar {}
    Accessible.name: qsTr("Verlauf")
    model: HistoryModel { entityId: root.entityId }

    delegate: Pane {
        id: entry
        required property int index
        required property string field
        required property string fieldLabel
        required property string value
        required property string display
        required property string sentence
        required property string author
        required property string device
        required property string time
        required property bool thisDevice
        required property bool restorable

        width: ListView.view.width
        padding: Theme.spacing
        background: Rectangle {
            color: Theme.surface
            border.color: entry.ListView.isCurrentItem && root.activeFocus ? Theme.focus : Theme.border
            border.width: entry.ListView.isCurrentItem && root.activeFocus ? 2 : 1
            radius: Theme.radius
        }

        RowLayout {
            anchors.left: parent.left
            anchors.right: parent.right
            spacing: Theme.spacing
            ColumnLayout {
                spacing: 2
                Layout.fillWidth: true
                Label {
                    text: entry.sentence !== "" ? entry.sentence
                        : entry.fieldLabel + ": " + (entry.display !== "" ? entry.display : qsTr("(leer)"))
                    textFormat: Text.PlainText
                    font.bold: entry.sentence !== ""
                    wrapMode: Text.Wrap
                    maximumLineCount: 4
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                Label {
                    text: qsTr("%1 · von %2 · %3").arg(entry.time)
                              .arg(entry.author !== "" ? entry.author : qsTr("unbekannt"))
                              .arg(entry.thisDevice ? qsTr("auf diesem Gerät") : qsTr("auf Gerät %1").arg(entry.device))
                    color: Theme.mutedText
                    font.pixelSize: Theme.smallFont
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
            Button {
                objectName: "historyRestore_" + entry.index
                visible: entry.restorable
                text: qsTr("Diesen Wert wiederherstellen")
                Accessible.name: qsTr("%1 auf diesen Wert zurücksetzen: %2").arg(entry.fieldLabel).arg(entry.display)
                onClicked: Session.setField(root.entityId, entry.field, entry.value)
            }
        }
    }

    Label {
        anchors.centerIn: parent
        visible: root.count === 0
        text: qsTr("Noch keine Änderungen.")
        color: Theme.mutedText
    }
}

// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// Every change of one entry, newest first; a past value of a field can be set again in one click. A creation
// is one entry; opened, the fields written with it follow, indented.
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
    model: HistoryModel { id: history; entityId: root.entityId }

    // After a first sync only the current versions are on this computer; the older ones come from the server.
    footer: Label {
        objectName: "olderVersions"
        width: ListView.view ? ListView.view.width : 0
        visible: history.olderVersions !== HistoryModel.Here
        height: visible ? implicitHeight + Theme.spacing : 0
        topPadding: Theme.spacing
        wrapMode: Text.WordWrap
        color: Theme.mutedText
        text: history.olderVersions === HistoryModel.Fetching
              ? qsTr("Ältere Versionen werden vom Server geladen …")
              : qsTr("Ältere Versionen liegen auf dem Server und werden geladen, sobald eine Verbindung besteht.")
    }

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
        required property string changeId
        required property string group
        required property int fieldCount
        required property bool expanded
        required property string summary
        required property string origin

        width: ListView.view.width - groupIndent
        x: groupIndent
        // A field written with a creation sits under it.
        readonly property real groupIndent: entry.group !== "" ? Theme.padding * 2 : 0
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
                    objectName: "historySummary_" + entry.index
                    visible: entry.fieldCount > 0 && !entry.expanded
                    text: entry.summary
                    textFormat: Text.PlainText
                    maximumLineCount: 2
                    wrapMode: Text.Wrap
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "historyOrigin_" + entry.index
                    visible: entry.group === ""
                    //: a history entry: when, then who and where (e.g. "auf „Laptop Rathaus“ (Adorf)")
                    text: qsTr("%1 · %2").arg(entry.time).arg(entry.origin)
                    color: Theme.mutedText
                    font.pixelSize: Theme.smallFont
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
            Button {
                objectName: "historyExpand_" + entry.index
                visible: entry.fieldCount > 0
                flat: true
                text: entry.expanded ? qsTr("Felder ausblenden") : qsTr("%n Feld(er) zeigen", "", entry.fieldCount)
                Accessible.name: text
                onClicked: history.setExpanded(entry.changeId, !entry.expanded)
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

// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// One side of a conflict: whose value it is, the value, who wrote it where and when, and the button to keep it.
Pane {
    id: root
    property string heading
    property string display
    property bool deletion: false   // this side is the delete of an edit-vs-delete conflict
    property bool current: false    // this side's value stands now
    property string author
    property string device
    /** Who wrote it where, for people (ConflictsModel's origin roles). */
    property string origin
    property string time
    property bool editable: false
    property string keepText: qsTr("Diesen Wert behalten")
    property string keepName        // objectName of the keep button
    signal keepRequested()

    padding: Theme.spacing
    background: Rectangle {
        color: Theme.surface
        border.color: root.current ? Theme.conflict : Theme.border
        border.width: root.current ? 2 : 1
        radius: Theme.radius
    }

    ColumnLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        spacing: Theme.spacing / 2

        RowLayout {
            Layout.fillWidth: true
            Label {
                text: root.heading
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                visible: root.current
                text: qsTr("gilt zurzeit")
                color: Theme.conflict
                font.pixelSize: Theme.smallFont
            }
        }
        Label {
            text: root.deletion ? qsTr("Eintrag gelöscht")
                                : root.display !== "" ? root.display : qsTr("(leer)")
            font.italic: root.deletion || root.display === ""
            color: root.deletion || root.display === "" ? Theme.mutedText : Theme.text
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            Layout.fillWidth: true
        }
        Label {
            objectName: "conflictSideOrigin"
            //: a conflict side: where it was written (device and municipality), then when
            text: qsTr("%1, %2").arg(root.origin).arg(root.time)
            color: Theme.mutedText
            font.pixelSize: Theme.smallFont
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Button {
            objectName: root.keepName
            visible: root.editable
            text: root.keepText
            Accessible.name: root.keepText + ": " + root.heading
            onClicked: root.keepRequested()
        }
    }
}

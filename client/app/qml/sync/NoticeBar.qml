// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// Shows Session's notices for a while, with Undo when the last edit can be undone (Redo right after an undo).
Rectangle {
    id: root
    objectName: "noticeBar"
    property string message: ""

    visible: message !== ""
    color: Theme.text
    radius: Theme.radius
    implicitHeight: layout.implicitHeight + Theme.spacing * 2
    implicitWidth: Math.min(layout.implicitWidth + Theme.padding * 2, 900)

    Connections {
        target: Session
        function onNotice(message) {
            root.message = message
            hideTimer.restart()
        }
        // A notice is a sentence of the language it was said in: after a switch it goes rather than stay foreign.
        function onLanguageChanged() { root.message = "" }
    }
    Timer {
        id: hideTimer
        interval: 8000
        onTriggered: root.message = ""
    }
    RowLayout {
        id: layout
        anchors.fill: parent
        anchors.margins: Theme.spacing
        anchors.leftMargin: Theme.padding
        spacing: Theme.spacing
        Label {
            objectName: "noticeText"
            text: root.message
            color: "white"
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            Layout.maximumWidth: 700
        }
        Button {
            objectName: "noticeUndoButton"
            // After an undo the notice offers to do it again, not to undo one step further.
            visible: Session.redoNext || Session.canUndo
            text: Session.redoNext ? qsTr("Wiederholen") : qsTr("Rückgängig")
            Accessible.name: Session.redoNext ? qsTr("Wiederholen: %1").arg(Session.redoText)
                                              : qsTr("Rückgängig: %1").arg(Session.undoText)
            onClicked: Session.redoNext ? Session.redo() : Session.undo()
        }
        ToolButton {
            text: "✕"
            Accessible.name: qsTr("Hinweis schließen")
            onClicked: root.message = ""
            contentItem: Label { text: parent.text; color: "white"; horizontalAlignment: Text.AlignHCenter }
        }
    }
}

// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// One comment: who wrote it and when, its text, and whether it is resolved; answers stand indented.
Pane {
    id: root
    required property int index
    required property string commentId
    required property string body
    required property string author
    required property string time
    required property string kind
    required property string kindLabel
    required property bool resolved
    required property bool mayResolve
    required property bool mine
    required property bool isAnswer
    property bool current: false
    signal answerRequested(string commentId, string author)

    padding: Theme.spacing
    opacity: resolved ? 0.7 : 1
    background: Rectangle {
        color: root.kind === "review" ? Theme.selection : Theme.surface
        border.color: root.current ? Theme.focus : Theme.border
        border.width: root.current ? 2 : 1
        radius: Theme.radius
    }

    ColumnLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        spacing: 2
        Label {
            text: qsTr("%1 · %2 · %3").arg(root.kindLabel).arg(root.author !== "" ? root.author : qsTr("unbekannt")).arg(root.time)
            color: Theme.mutedText
            font.pixelSize: Theme.smallFont
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            text: root.body
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        RowLayout {
            Layout.fillWidth: true
            Label {
                visible: root.resolved
                text: qsTr("Erledigt")
                color: Theme.online
                font.bold: true
                Layout.fillWidth: true
            }
            Item { visible: !root.resolved; Layout.fillWidth: true }
            Button {
                objectName: "commentAnswer_" + root.index
                visible: !root.mine && !root.isAnswer
                flat: true
                text: qsTr("Antworten")
                onClicked: root.answerRequested(root.commentId, root.author)
            }
            Button {
                objectName: "commentResolve_" + root.index
                visible: root.mayResolve
                flat: true
                text: root.resolved ? qsTr("Wieder öffnen") : qsTr("Als erledigt markieren")
                onClicked: Session.setField(root.commentId, "resolved", root.resolved ? "false" : "true")
            }
        }
    }
}

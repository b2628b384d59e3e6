// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// The comments on one entry: peer feedback and review notes, each resolvable; a new one written below.
ColumnLayout {
    id: root
    property string entityId
    /** The comment the draft answers; empty for a new comment. */
    property string answering: ""
    property string answeringAuthor: ""

    spacing: Theme.spacing
    onEntityIdChanged: answering = ""

    ListView {
        id: list
        objectName: "commentsList"
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        spacing: Theme.spacing / 2
        activeFocusOnTab: true
        keyNavigationEnabled: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}
        Accessible.name: qsTr("Kommentare")
        model: CommentsModel { id: comments; entityId: root.entityId }
        delegate: CommentDelegate {
            x: isAnswer ? Theme.padding * 2 : 0
            width: ListView.view.width - x
            current: ListView.isCurrentItem && list.activeFocus
            onAnswerRequested: (commentId, author) => {
                root.answering = commentId
                root.answeringAuthor = author
                draft.forceActiveFocus()
            }
        }
        Label {
            anchors.centerIn: parent
            width: parent.width - Theme.padding * 2
            visible: list.count === 0
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
            color: Theme.mutedText
            text: qsTr("Noch keine Kommentare. Rückmeldungen anderer Kommunen und Prüfhinweise der Geschäftsstelle stehen hier.")
        }
    }

    RowLayout {
        visible: root.answering !== ""
        Layout.fillWidth: true
        Label {
            text: qsTr("Antwort an %1").arg(root.answeringAuthor)
            color: Theme.mutedText
            Layout.fillWidth: true
        }
        ToolButton {
            text: qsTr("Keine Antwort")
            Accessible.name: qsTr("Stattdessen einen neuen Kommentar schreiben")
            onClicked: root.answering = ""
        }
    }
    TextArea {
        id: draft
        objectName: "commentDraft"
        Layout.fillWidth: true
        Layout.preferredHeight: Math.max(implicitHeight, Theme.fontSize * 4)
        wrapMode: TextEdit.Wrap
        placeholderText: Session.office ? qsTr("Prüfhinweis schreiben …") : qsTr("Kommentar schreiben …")
        Accessible.name: placeholderText
    }
    Button {
        objectName: "commentSend"
        Layout.alignment: Qt.AlignRight
        text: Session.office ? qsTr("Prüfhinweis speichern") : qsTr("Kommentar speichern")
        enabled: draft.text.trim() !== "" && root.entityId !== ""
        onClicked: {
            if (Session.addComment(root.entityId, draft.text, root.answering) !== "") {
                draft.clear()
                root.answering = ""
            }
        }
    }
}

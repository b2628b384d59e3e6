// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// Asks the office before a review step the municipality must learn about: what it means, and a note to the
// municipality (required when asking for changes: it must learn which). The note goes with the status.
Dialog {
    id: root
    objectName: "reviewNoteDialog"
    property string planId
    /** The review status to set ("changes_requested", "reviewed"). */
    property string status
    property string explanation
    property string confirmText
    property bool noteRequired: false
    readonly property bool ready: !noteRequired || note.text.trim() !== ""

    modal: true
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - Theme.padding * 2 : 600, Theme.fontSize * 40)
    onOpened: { note.clear(); note.forceActiveFocus() }
    onAccepted: Session.reviewPlan(root.planId, root.status, note.text)

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing
        Label {
            text: root.explanation
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            text: root.noteRequired ? qsTr("Ihr Hinweis an die Kommune (erforderlich):") : qsTr("Ihr Hinweis an die Kommune (freiwillig):")
            font.bold: true
            Layout.fillWidth: true
        }
        ScrollView {
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.fontSize * 8
            TextArea {
                id: note
                objectName: "reviewNoteText"
                wrapMode: TextEdit.Wrap
                placeholderText: qsTr("Zum Beispiel: Bitte ergänzen Sie bei den Maßnahmen Termine und Verantwortliche.")
                Accessible.name: qsTr("Hinweis an die Kommune")
                KeyNavigation.priority: KeyNavigation.BeforeItem
                KeyNavigation.tab: okButton
            }
        }
    }

    footer: DialogButtonBox {
        Button {
            id: okButton
            objectName: "reviewNoteOk"
            text: root.confirmText
            enabled: root.ready
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            Accessible.name: text
        }
        Button {
            objectName: "reviewNoteCancel"
            text: qsTr("Abbrechen")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            Accessible.name: text
        }
    }
}

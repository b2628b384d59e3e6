// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// A plan's review status with the office's latest note when it asks for changes; for its municipality the
// button that submits it, for the office the buttons that move the review on (asking first where it matters).
Pane {
    id: root
    property string planId

    padding: Theme.spacing
    background: Rectangle { color: Theme.surface; border.color: Theme.border; radius: Theme.radius }
    readonly property string status: actions.status
    readonly property var note: Session.revision >= 0 && status === "changes_requested" ? Session.latestReviewNote(root.planId) : ({})

    /** Takes a review step (ReviewActionsModel), asking first what the step asks for. */
    function review(key, confirmation) {
        if (confirmation === "note")
            requestChanges.open()
        else if (confirmation === "confirm")
            confirmReviewed.open()
        else
            Session.reviewPlan(root.planId, key)
    }

    ReviewActionsModel { id: actions; planId: root.planId }

    RowLayout {
        anchors.fill: parent
        spacing: Theme.spacing
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            Label {
                objectName: "reviewStatusLabel"
                text: qsTr("Prüfstatus: %1").arg(Vocabulary.displayValue("plan", "review_status", root.status))
                font.bold: true
                Layout.fillWidth: true
            }
            Label {
                objectName: "reviewStatusNote"
                visible: root.note.body !== undefined
                text: visible ? qsTr("Hinweis der Geschäftsstelle vom %1: %2").arg(Vocabulary.dateTime(root.note.createdAt))
                                                                          .arg(Vocabulary.quoted(root.note.body)) : ""
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }
        Button {
            objectName: "submitPlan"
            visible: actions.maySubmit
            text: qsTr("Zur Prüfung einreichen …")
            onClicked: confirmSubmit.open()
        }
        Repeater {
            model: actions
            delegate: Button {
                required property string key
                required property string label
                required property bool applicable
                required property string confirmation
                objectName: "reviewSet_" + key
                enabled: applicable
                text: label
                onClicked: root.review(key, confirmation)
            }
        }
    }

    ReviewNoteDialog {
        id: requestChanges
        objectName: "requestChangesDialog"
        planId: root.planId
        status: "changes_requested"
        noteRequired: true
        title: qsTr("Änderungen erbitten")
        confirmText: qsTr("Änderungen erbitten")
        explanation: qsTr("Die Kommune sieht den Prüfstatus „Änderungen erbeten“ zusammen mit Ihrem Hinweis. Schreiben Sie, was sie ändern soll.")
    }
    ReviewNoteDialog {
        id: confirmReviewed
        objectName: "confirmReviewedDialog"
        planId: root.planId
        status: "reviewed"
        title: qsTr("Als geprüft markieren")
        confirmText: qsTr("Als geprüft markieren")
        explanation: qsTr("Der eingereichte Stand gilt dann als geprüft; die Kommune sieht das nach dem nächsten Abgleich.")
    }

    Dialog {
        id: confirmSubmit
        objectName: "confirmSubmit"
        title: qsTr("Plan einreichen")
        modal: true
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(parent ? parent.width - Theme.padding * 2 : 600, Theme.fontSize * 36)
        standardButtons: Dialog.Ok | Dialog.Cancel
        onAccepted: Session.submitPlan()
        Label {
            width: parent.width
            wrapMode: Text.Wrap
            text: qsTr("Der jetzige Stand Ihres Plans wird als Version festgehalten („Stand vom …“). Die Geschäftsstelle sieht ihn nach dem nächsten Abgleich und kann ihn mit dem vorigen Stand vergleichen. Sie können danach weiterarbeiten.")
        }
    }
}

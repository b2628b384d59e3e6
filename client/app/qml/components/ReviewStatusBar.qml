// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// A plan's review status; for its municipality the button that submits it, for the office the buttons
// that move the review on.
Pane {
    id: root
    property string planId

    padding: Theme.spacing
    background: Rectangle { color: Theme.surface; border.color: Theme.border; radius: Theme.radius }
    readonly property string status: Session.revision >= 0 ? Session.fieldValue(root.planId, "review_status") : ""

    RowLayout {
        anchors.fill: parent
        spacing: Theme.spacing
        Label {
            objectName: "reviewStatusLabel"
            text: qsTr("Prüfstatus: %1").arg(Vocabulary.displayValue("plan", "review_status", root.status))
            font.bold: true
            Layout.fillWidth: true
        }
        Button {
            objectName: "submitPlan"
            visible: !Session.office && Session.mayEdit(root.planId)
            text: qsTr("Zur Prüfung einreichen …")
            onClicked: confirmSubmit.open()
        }
        Repeater {
            model: [{ key: "in_review", label: qsTr("In Prüfung nehmen") },
                    { key: "changes_requested", label: qsTr("Änderungen erbitten") },
                    { key: "reviewed", label: qsTr("Als geprüft markieren") }]
            delegate: Button {
                required property var modelData
                objectName: "reviewSet_" + modelData.key
                visible: Session.office
                enabled: root.status !== modelData.key
                text: modelData.label
                onClicked: Session.setField(root.planId, "review_status", modelData.key)
            }
        }
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

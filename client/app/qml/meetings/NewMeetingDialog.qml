// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// The office plans a workshop meeting: title, cluster, date, host municipality and place.
Dialog {
    id: root
    signal created(string meetingId)

    objectName: "newMeetingDialog"
    title: qsTr("Neues Werkstatttreffen")
    modal: true
    anchors.centerIn: Overlay.overlay
    standardButtons: Dialog.Save | Dialog.Cancel
    onOpened: { titleField.clear(); date.clear(); place.clear(); titleField.forceActiveFocus() }
    onAccepted: {
        const id = Session.addMeeting(titleField.text.trim(), hosts.currentIndex >= 0 ? municipalities.get(hosts.currentIndex).cluster : "",
                                      Vocabulary.parseDate(date.text), hosts.currentValue ?? "", place.text.trim())
        if (id !== "")
            root.created(id)
    }

    PeersModel { id: municipalities }

    GridLayout {
        columns: 2
        columnSpacing: Theme.spacing
        Label { text: qsTr("Titel") }
        TextField { id: titleField; objectName: "meetingTitle"; Accessible.name: qsTr("Titel"); Layout.preferredWidth: Theme.fontSize * 24 }
        Label { text: qsTr("Datum") }
        TextField { id: date; objectName: "meetingDate"; placeholderText: qsTr("TT.MM.JJJJ"); Accessible.name: qsTr("Datum"); Layout.fillWidth: true }
        Label { text: qsTr("Gastgeber") }
        ComboBox {
            id: hosts
            objectName: "meetingHost"
            Layout.fillWidth: true
            model: municipalities
            textRole: "name"
            valueRole: "municipalityId"
            Accessible.name: qsTr("Gastgebende Kommune")
        }
        Label { text: qsTr("Ort") }
        TextField { id: place; objectName: "meetingPlace"; Accessible.name: qsTr("Ort"); Layout.fillWidth: true }
    }
}

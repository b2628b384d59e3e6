// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// The measures to be presented at a meeting; a municipality adds one of its own or takes it back.
Pane {
    id: root
    property string meetingId
    signal openRequested(string entityId)

    padding: Theme.spacing
    background: Rectangle { color: Theme.surface; border.color: Theme.border; radius: Theme.radius }

    MeetingLinksModel { id: links; meetingId: root.meetingId }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing
        Label {
            text: qsTr("Maßnahmen zur Vorstellung")
            font.bold: true
        }
        RowLayout {
            visible: Session.planId !== "" && !Session.office
            Layout.fillWidth: true
            ComboBox {
                id: chooser
                objectName: "meetingMeasureChooser"
                Layout.fillWidth: true
                textRole: "title"
                valueRole: "id"
                Accessible.name: qsTr("Eigene Maßnahme zur Vorstellung wählen")
                model: links.linkableMeasures
            }
            Button {
                objectName: "meetingLinkMeasure"
                text: qsTr("Vorstellen")
                enabled: chooser.currentIndex >= 0
                onClicked: Session.linkToMeeting(chooser.currentValue, root.meetingId)
            }
        }
        ListView {
            id: list
            objectName: "meetingMeasures"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: links
            activeFocusOnTab: true
            keyNavigationEnabled: true
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}
            Accessible.name: qsTr("Maßnahmen zur Vorstellung")
            delegate: RowLayout {
                id: linkRow
                required property string linkId
                required property string measureId
                required property string title
                required property string municipality
                required property bool mayRemove
                width: ListView.view.width
                ItemDelegate {
                    Layout.fillWidth: true
                    text: qsTr("%1 – %2").arg(linkRow.municipality).arg(linkRow.title)
                    onClicked: root.openRequested(linkRow.measureId)
                }
                Button {
                    visible: linkRow.mayRemove
                    flat: true
                    text: qsTr("Zurücknehmen")
                    Accessible.name: qsTr("%1 nicht mehr vorstellen").arg(Vocabulary.quoted(linkRow.title))
                    onClicked: Session.removeEntity(linkRow.linkId)
                }
            }
            Label {
                anchors.centerIn: parent
                visible: list.count === 0
                text: qsTr("Noch keine Maßnahmen angemeldet.")
                color: Theme.mutedText
            }
        }
    }
}

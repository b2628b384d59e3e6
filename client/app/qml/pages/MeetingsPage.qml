// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// Workshop meetings of the clusters: the office plans them and writes the notes; municipalities
// see them and say which of their measures they will present.
Page {
    id: root
    signal openRequested(string entityId)
    property string meetingId: ""

    title: qsTr("Werkstatttreffen")
    background: Rectangle { color: Theme.window }

    MeetingsModel { id: meetings }

    SplitView {
        anchors.fill: parent
        anchors.margins: Theme.padding

        ColumnLayout {
            SplitView.preferredWidth: Theme.fontSize * 24
            SplitView.minimumWidth: Theme.fontSize * 16
            spacing: Theme.spacing
            Label {
                text: qsTr("Werkstatttreffen")
                font.pixelSize: Theme.titleFont
                font.bold: true
            }
            Button {
                objectName: "addMeeting"
                visible: Session.office
                text: qsTr("+ Werkstatttreffen")
                onClicked: newMeeting.open()
            }
            ListView {
                id: list
                objectName: "meetingsList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: Theme.spacing / 2
                model: meetings
                activeFocusOnTab: true
                keyNavigationEnabled: true
                boundsBehavior: Flickable.StopAtBounds
                ScrollBar.vertical: ScrollBar {}
                Accessible.name: qsTr("Werkstatttreffen")
                delegate: MeetingDelegate {
                    width: ListView.view.width
                    selected: meetingId === root.meetingId
                    focused: ListView.isCurrentItem && list.activeFocus
                    onClicked: { list.currentIndex = index; root.meetingId = meetingId }
                }
                Keys.onReturnPressed: if (currentIndex >= 0) root.meetingId = meetings.get(currentIndex).meetingId
                Label {
                    anchors.centerIn: parent
                    width: parent.width - Theme.padding * 2
                    visible: list.count === 0
                    wrapMode: Text.Wrap
                    horizontalAlignment: Text.AlignHCenter
                    color: Theme.mutedText
                    text: qsTr("Noch keine Werkstatttreffen geplant.")
                }
            }
        }

        ColumnLayout {
            SplitView.fillWidth: true
            spacing: Theme.spacing
            visible: root.meetingId !== ""

            EntityEditor {
                objectName: "meetingEditor"
                entityId: root.meetingId
                Layout.fillWidth: true
                Layout.fillHeight: true
            }
            MeetingMeasures {
                meetingId: root.meetingId
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.fontSize * 16
                onOpenRequested: entityId => root.openRequested(entityId)
            }
        }
        Label {
            visible: root.meetingId === ""
            SplitView.fillWidth: true
            text: qsTr("Wählen Sie links ein Werkstatttreffen.")
            color: Theme.mutedText
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
        }
    }

    NewMeetingDialog {
        id: newMeeting
        onCreated: meetingId => root.meetingId = meetingId
    }
}

// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// Always visible at the bottom: whether the work is safe on the server. Never green while anything is pending.
Rectangle {
    id: root
    objectName: "syncStatusBar"
    property var status: Session.sync
    signal detailsRequested()

    readonly property int state: status ? status.state : SyncStatus.LocalOnly
    readonly property int pending: status ? status.pendingChanges : 0
    readonly property bool firstSync: status && status.progressTotal > 0

    implicitHeight: row.implicitHeight + Theme.spacing * 2
    color: Theme.surface
    border.color: Theme.border

    function stateText() {
        return Vocabulary.syncStateLabel(root.state)
    }
    function stateColor() {
        switch (root.state) {
        case SyncStatus.Online: return Theme.online
        case SyncStatus.Syncing: return Theme.pending
        case SyncStatus.Error: return Theme.error
        }
        return Theme.offline
    }

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: Theme.padding
        anchors.rightMargin: Theme.padding
        spacing: Theme.padding

        Rectangle {
            objectName: "syncStateDot"
            implicitWidth: Theme.fontSize * 0.8
            implicitHeight: implicitWidth
            radius: width / 2
            color: root.stateColor()
        }
        Label {
            objectName: "syncStateLabel"
            text: root.stateText()
            font.bold: true
            color: root.stateColor()
        }
        Label {
            objectName: "syncPendingLabel"
            visible: root.pending > 0
            text: qsTr("%n Änderung(en) noch nicht vom Server bestätigt", "", root.pending)
            color: Theme.pending
        }
        ProgressBar {
            objectName: "firstSyncProgress"
            visible: root.firstSync
            // A fraction: done and total change one after the other, and a bar clamps its value to "to".
            value: root.status && root.status.progressTotal > 0 ? root.status.progressDone / root.status.progressTotal : 0
            Layout.preferredWidth: Theme.fontSize * 14
            Accessible.name: qsTr("Erster Abgleich: %1 %").arg(Math.round(value * 100))
        }
        Label {
            visible: root.firstSync
            text: qsTr("Erster Abgleich: %1 von %2 Einträgen").arg(root.status ? root.status.progressDone : 0)
                  .arg(root.status ? root.status.progressTotal : 0)
        }
        Label {
            objectName: "syncErrorLabel"
            visible: root.status !== null && root.status.errorCode !== "" && root.status.errorCode !== "no_server"
            text: root.status ? Vocabulary.errorText(root.status.errorCode) : ""
            color: root.state === SyncStatus.Error ? Theme.error : Theme.mutedText
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Item { Layout.fillWidth: true; visible: !(root.status && root.status.errorCode !== "") }
        Label {
            visible: root.status !== null && root.status.rejectedChanges > 0
            text: qsTr("%n Änderung(en) abgelehnt", "", root.status ? root.status.rejectedChanges : 0)
            color: Theme.error
        }
        Label {
            objectName: "lastSyncLabel"
            visible: !Session.localOnly
            text: root.status ? qsTr("Zuletzt vollständig abgeglichen: %1").arg(Vocabulary.since(root.status.lastCompleteSync)) : ""
            color: Theme.mutedText
        }
        Button {
            objectName: "syncNowButton"
            visible: !Session.localOnly
            text: Session.workOffline ? qsTr("Wieder verbinden") : qsTr("Jetzt abgleichen")
            enabled: root.state !== SyncStatus.Syncing || Session.workOffline
            onClicked: Session.syncNow()
        }
        Button {
            text: qsTr("Details")
            onClicked: root.detailsRequested()
        }
    }
}

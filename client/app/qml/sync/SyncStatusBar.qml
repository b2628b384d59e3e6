// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// Always visible at the bottom: whether the work is safe on the server. Shows what the SyncStatus says
// (the client core decides the state): green only when the server has everything and nothing is open.
Rectangle {
    id: root
    objectName: "syncStatusBar"
    property SyncStatus status: Session.sync
    signal detailsRequested()
    signal conflictsRequested()

    readonly property int state: status ? status.state : SyncStatus.LocalOnly
    readonly property int pending: status ? status.pendingChanges : 0
    readonly property int conflicts: status ? status.openConflicts : 0
    readonly property bool firstSync: status !== null && status.progressTotal > 0
    readonly property bool connected: state !== SyncStatus.LocalOnly
    /** The colour class of the state (SyncTone): online is the only green one. */
    readonly property string tone: syncTone.tone
    readonly property color toneColor: Theme.toneColor(root.tone)

    SyncTone { id: syncTone; status: root.status }

    implicitHeight: row.implicitHeight + Theme.spacing * 2
    color: Theme.surface
    border.color: Theme.border

    // A label that says in a tooltip what it had to cut off.
    component StatusLabel: Label {
        id: statusLabel
        elide: Text.ElideRight
        // Its whole width while there is room; cut (with the tooltip) only on a narrow window.
        Layout.preferredWidth: implicitWidth
        Layout.minimumWidth: Math.min(implicitWidth, Theme.fontSize * 4)
        Layout.maximumWidth: implicitWidth
        /** What the tooltip says: the whole text, when it had to be cut. */
        readonly property string tip: truncated ? text : ""
        HoverHandler { id: hover }
        ToolTip.visible: statusLabel.tip !== "" && hover.hovered
        ToolTip.text: statusLabel.tip
        ToolTip.delay: 500
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
            color: root.toneColor
        }
        StatusLabel {
            objectName: "syncStateLabel"
            text: Vocabulary.syncStateLabel(root.state)
            font.bold: true
            color: root.toneColor
        }
        StatusLabel {
            objectName: "syncPendingLabel"
            visible: root.pending > 0
            text: root.state === SyncStatus.OfflineByChoice
                  ? qsTr("· %n Änderung(en) warten", "", root.pending)
                  : qsTr("· %n Änderung(en) noch nicht vom Server bestätigt", "", root.pending)
            color: Theme.pending
        }
        ProgressBar {
            objectName: "firstSyncProgress"
            visible: root.firstSync
            // A fraction: done and total change one after the other, and a bar clamps its value to "to".
            value: root.firstSync ? root.status.progressDone / root.status.progressTotal : 0
            Layout.preferredWidth: Theme.fontSize * 10
            Accessible.name: qsTr("Erster Abgleich: %1 %").arg(Math.round(value * 100))
        }
        StatusLabel {
            objectName: "firstSyncLabel"
            visible: root.firstSync
            text: qsTr("Erster Abgleich: %1 von %2 Einträgen").arg(root.status ? root.status.progressDone : 0)
                  .arg(root.status ? root.status.progressTotal : 0)
        }
        StatusLabel {
            id: errorLabel
            objectName: "syncErrorLabel"
            // Working offline by choice, why the last attempt failed does not matter.
            visible: root.status !== null && root.status.errorCode !== "" && root.status.errorCode !== "no_server"
                     && root.state !== SyncStatus.OfflineByChoice
            text: root.status ? Vocabulary.errorText(root.status.errorCode) : ""
            color: root.state === SyncStatus.Error ? Theme.error : Theme.mutedText
            Layout.fillWidth: true
            Layout.maximumWidth: Number.POSITIVE_INFINITY // it takes the room the spacer would
        }
        Item { Layout.fillWidth: true; visible: !errorLabel.visible }
        Button {
            objectName: "syncConflictsButton"
            visible: root.conflicts > 0
            flat: true
            text: qsTr("%n offene(r) Konflikt(e)", "", root.conflicts)
            palette.buttonText: Theme.conflict
            font.bold: true
            Accessible.name: text
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Konflikte ansehen und auflösen")
            onClicked: root.conflictsRequested()
        }
        StatusLabel {
            objectName: "syncRejectedLabel"
            visible: root.status !== null && root.status.rejectedChanges > 0
            text: qsTr("%n Änderung(en) abgelehnt", "", root.status ? root.status.rejectedChanges : 0)
            color: Theme.error
        }
        StatusLabel {
            objectName: "lastSyncLabel"
            visible: root.connected
            text: root.status ? qsTr("Zuletzt vollständig abgeglichen: %1").arg(Vocabulary.since(root.status.lastCompleteSync, Vocabulary.now)) : ""
            color: Theme.mutedText
        }
        Button {
            objectName: "syncNowButton"
            visible: root.connected
            text: root.state === SyncStatus.OfflineByChoice ? qsTr("Wieder verbinden") : qsTr("Jetzt abgleichen")
            enabled: root.state !== SyncStatus.Syncing
            Accessible.name: text
            onClicked: Session.syncNow()
        }
        Button {
            objectName: "syncDetailsButton"
            text: qsTr("Details")
            Accessible.name: qsTr("Details zum Abgleich")
            onClicked: root.detailsRequested()
        }
    }
}

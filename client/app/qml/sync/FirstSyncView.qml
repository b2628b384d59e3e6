// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// Shown instead of a plan or the overview while a new device's first sync brings them (Session.firstSync):
// an empty page would look like an empty plan. Says what arrives and that creating and submitting wait.
Pane {
    id: root
    objectName: "firstSyncView"
    property SyncStatus status: Session.sync
    /** What arrives, and what waits for it. */
    property string explanation: qsTr("Ihr Plan wird zum ersten Mal auf dieses Gerät geladen, zusammen mit den Plänen der anderen Kommunen. Bis alles angekommen ist, können Sie noch nichts anlegen oder einreichen.")

    readonly property int done: status ? status.progressDone : 0
    readonly property int total: status ? status.progressTotal : 0
    readonly property bool interrupted: status !== null
                                        && (status.state === SyncStatus.Offline || status.state === SyncStatus.Error
                                            || status.state === SyncStatus.OfflineByChoice)

    background: Rectangle { color: Theme.window }

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - Theme.padding * 2, Theme.fontSize * 40)
        spacing: Theme.spacing

        Label {
            objectName: "firstSyncTitle"
            text: root.interrupted ? qsTr("Der erste Abgleich ist unterbrochen") : qsTr("Erster Abgleich mit dem Server …")
            font.pixelSize: Theme.titleFont
            font.bold: true
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            text: root.explanation
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        ProgressBar {
            objectName: "firstSyncViewProgress"
            // Before the first page arrives the size is unknown: the bar moves without a value.
            indeterminate: root.total === 0 && !root.interrupted
            value: root.total > 0 ? root.done / root.total : 0
            Layout.fillWidth: true
            Accessible.name: qsTr("Erster Abgleich: %1 %").arg(Math.round(value * 100))
        }
        Label {
            objectName: "firstSyncViewCount"
            text: root.total > 0 ? qsTr("%1 Einträge angekommen, etwa %2 erwartet").arg(root.done).arg(root.total)
                                 : qsTr("Verbindung zum Server …")
            color: Theme.mutedText
            Layout.fillWidth: true
        }
        Label {
            visible: root.interrupted
            text: root.status && root.status.state === SyncStatus.OfflineByChoice
                  ? qsTr("„Offline arbeiten“ ist eingeschaltet. Verbinden Sie wieder, damit der erste Abgleich weitergeht.")
                  : qsTr("Er geht von selbst weiter, sobald der Server wieder erreichbar ist. Was schon angekommen ist, bleibt.")
            wrapMode: Text.Wrap
            color: Theme.pending
            Layout.fillWidth: true
        }
    }
}

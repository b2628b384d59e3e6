// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Werkstattplan

// The status bar is honest: never "all sent" while anything is pending, errors in plain German.
Item {
    id: root
    width: 1200
    height: 100

    // The values a SyncStatus holds, set directly (only the sync engine can set the real one's).
    QtObject {
        id: status
        property int state: SyncStatus.Online
        property int pendingChanges: 0
        property var lastCompleteSync: new Date()
        property int progressDone: 0
        property int progressTotal: 0
        property string errorCode: ""
        property int rejectedChanges: 0
        property int openConflicts: 0
    }

    SyncStatusBar { id: bar; width: parent.width; status: status }

    TestCase {
        name: "SyncStatusBar"
        when: windowShown

        function label(name) { return findChild(bar, name) }

        function init() {
            status.state = SyncStatus.Online
            status.pendingChanges = 0
            status.errorCode = ""
            status.progressDone = 0
            status.progressTotal = 0
        }

        function test_allSentOnlyWhenNothingPending() {
            compare(label("syncStateLabel").text, "Alles übertragen")
            verify(!label("syncPendingLabel").visible)
        }

        function test_pendingChangesAreCounted() {
            status.state = SyncStatus.Syncing
            status.pendingChanges = 3
            verify(label("syncStateLabel").text !== "Alles übertragen")
            verify(label("syncPendingLabel").visible)
            compare(label("syncPendingLabel").text, "3 Änderungen noch nicht vom Server bestätigt")
        }

        function test_offlineSaysSoAndExplains() {
            status.state = SyncStatus.Offline
            status.errorCode = "server_unreachable"
            compare(label("syncStateLabel").text, "Offline")
            verify(label("syncErrorLabel").visible)
            verify(label("syncErrorLabel").text.indexOf("nicht erreichbar") >= 0)
        }

        function test_errorThatNeedsThePerson() {
            status.state = SyncStatus.Error
            status.errorCode = "unsupported_protocol"
            verify(label("syncErrorLabel").text.indexOf("neue Version") >= 0)
        }

        function test_firstSyncShowsProgress() {
            status.state = SyncStatus.Syncing
            status.progressDone = 250
            status.progressTotal = 1000
            const progress = label("firstSyncProgress")
            verify(progress.visible)
            compare(progress.value, 0.25)
        }
    }
}

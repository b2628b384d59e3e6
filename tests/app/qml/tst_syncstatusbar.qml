// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Werkstattplan

// The status bar is honest: green only when the server has everything and nothing is open; working
// offline by choice, an unreachable server, a sync, pending work, conflicts and errors each say so.
// It is given a real SyncStatus, set up by the C++ fixture (statusFixture) through the engine's setters.
Item {
    id: root
    width: 1600
    height: 100

    SyncStatusBar { id: bar; width: parent.width; status: statusFixture.status }
    SignalSpy { id: conflictsSpy; target: bar; signalName: "conflictsRequested" }

    TestCase {
        name: "SyncStatusBar"
        when: windowShown

        function part(name) { return findChild(bar, name) }
        function isGreen(c) { return Qt.colorEqual(c, Theme.online) }

        function init() {
            statusFixture.set("online", 0, false)
            conflictsSpy.clear()
        }

        function test_states_data() {
            // state: what the engine asks for; shown: what the bar must say.
            return [
                { tag: "online", state: "online", pending: 0, choice: false, error: "", conflicts: 0,
                  label: "Alles übertragen", tone: "online", pendingText: "" },
                { tag: "offline by choice", state: "online", pending: 0, choice: true, error: "", conflicts: 0,
                  label: "Offline (gewählt)", tone: "offline", pendingText: "" },
                { tag: "offline by choice, edits waiting", state: "syncing", pending: 2, choice: true, error: "",
                  conflicts: 0, label: "Offline (gewählt)", tone: "pending", pendingText: "· 2 Änderungen warten" },
                { tag: "server unreachable", state: "offline", pending: 0, choice: false, error: "server_unreachable",
                  conflicts: 0, label: "Offline", tone: "offline", pendingText: "" },
                { tag: "syncing", state: "syncing", pending: 0, choice: false, error: "", conflicts: 0,
                  label: "Wird abgeglichen …", tone: "syncing", pendingText: "" },
                { tag: "pending", state: "online", pending: 3, choice: false, error: "", conflicts: 0,
                  label: "Wird abgeglichen …", tone: "pending",
                  pendingText: "· 3 Änderungen noch nicht vom Server bestätigt" },
                { tag: "conflicts", state: "online", pending: 0, choice: false, error: "", conflicts: 2,
                  label: "Alles übertragen", tone: "conflict", pendingText: "" },
                { tag: "error", state: "error", pending: 1, choice: false, error: "unauthorized", conflicts: 0,
                  label: "Abgleich braucht Ihre Hilfe", tone: "error",
                  pendingText: "· 1 Änderung noch nicht vom Server bestätigt" },
                { tag: "error while offline by choice", state: "error", pending: 0, choice: true,
                  error: "unsupported_protocol", conflicts: 0, label: "Abgleich braucht Ihre Hilfe", tone: "error",
                  pendingText: "" },
            ]
        }

        function test_states(data) {
            statusFixture.set(data.state, data.pending, data.choice, data.error, data.conflicts)
            compare(part("syncStateLabel").text, data.label)
            compare(bar.tone, data.tone)
            compare(part("syncPendingLabel").visible, data.pendingText !== "")
            if (data.pendingText !== "")
                compare(part("syncPendingLabel").text, data.pendingText)
            // Never green but when everything is on the server and nothing is open.
            const green = data.tone === "online"
            compare(isGreen(part("syncStateDot").color), green)
            compare(isGreen(part("syncStateLabel").color), green)
            if (data.choice && data.tone !== "error") {
                verify(part("syncStateLabel").text.indexOf("abgeglichen") < 0, "syncing while offline by choice")
                compare(part("syncNowButton").text, "Wieder verbinden")
            }
            compare(part("syncConflictsButton").visible, data.conflicts > 0)
        }

        function test_unreachableExplains() {
            statusFixture.set("offline", 0, false, "server_unreachable")
            verify(part("syncErrorLabel").visible)
            verify(part("syncErrorLabel").text.indexOf("nicht erreichbar") >= 0)
        }

        function test_offlineByChoiceHidesTheLastFailure() {
            statusFixture.set("offline", 1, true, "server_unreachable")
            compare(part("syncStateLabel").text, "Offline (gewählt)")
            verify(!part("syncErrorLabel").visible)
        }

        function test_errorThatNeedsThePerson() {
            statusFixture.set("error", 0, false, "unsupported_protocol")
            verify(part("syncErrorLabel").text.indexOf("neue Version") >= 0)
            compare(part("syncErrorLabel").color, Theme.error)
        }

        function test_conflictsShowAndOpenTheirPage() {
            statusFixture.set("online", 0, false, "", 3)
            const button = part("syncConflictsButton")
            verify(button.visible)
            compare(button.text, "3 offene Konflikte")
            waitForRendering(bar) // laid out before it is clicked
            mouseClick(button)
            compare(conflictsSpy.count, 1)
        }

        function test_firstSyncShowsProgress() {
            statusFixture.set("syncing", 0, false, "", 0, 250, 1000)
            const progress = part("firstSyncProgress")
            verify(progress.visible)
            compare(progress.value, 0.25)
            compare(part("firstSyncLabel").text, "Erster Abgleich: 250 von 1000 Einträgen")
        }

        function test_truncatedTextHasItsTooltip() {
            statusFixture.set("offline", 0, false, "server_unreachable")
            bar.width = 500
            const label = part("syncErrorLabel")
            tryVerify(() => label.truncated)
            compare(label.tip, label.text)
            bar.width = root.width
        }
    }
}

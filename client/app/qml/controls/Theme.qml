// SPDX-License-Identifier: GPL-3.0-or-later
pragma Singleton
import QtQuick

// Colours and sizes of the whole client, derived from the system font so everything scales with it.
QtObject {
    readonly property int fontSize: Qt.application.font.pixelSize > 0 ? Qt.application.font.pixelSize : 14
    readonly property int smallFont: Math.round(fontSize * 0.9)
    readonly property int titleFont: Math.round(fontSize * 1.5)
    readonly property int headingFont: Math.round(fontSize * 1.2)
    readonly property int spacing: Math.round(fontSize * 0.6)
    readonly property int padding: Math.round(fontSize * 1.1)
    readonly property int radius: 6

    readonly property color window: "#f6f5f2"
    readonly property color surface: "#ffffff"
    readonly property color sidebar: "#24415a"
    readonly property color sidebarText: "#e9eef2"
    readonly property color sidebarSelected: "#3b6282"
    readonly property color text: "#1f2a33"
    readonly property color mutedText: "#5b6770"
    readonly property color border: "#d5d9dc"
    readonly property color accent: "#2f6f9f"
    readonly property color focus: "#e08a00"
    readonly property color online: "#2e7d4f"
    readonly property color pending: "#b07300"
    readonly property color offline: "#6b7780"
    readonly property color error: "#b3261e"
    readonly property color conflict: "#c55a11"
    readonly property color conflictBackground: "#fff1e6"
    readonly property color selection: "#dde9f3"

    // A sync tone (SyncTone) as a colour: green only for "online".
    function toneColor(tone) {
        switch (tone) {
        case "online": return online
        case "syncing":
        case "pending": return pending
        case "conflict": return conflict
        case "error": return error
        }
        return offline
    }

    // A measure's status as a colour (timeline bars): calm for ideas, strong for work under way.
    function statusColor(statusKey) {
        switch (statusKey) {
        case "planned": return "#8fb3cf"
        case "in_progress": return accent
        case "done": return online
        case "paused": return pending
        case "dropped": return "#b9c0c5"
        }
        return "#c9d6e0" // idea, or not set
    }
    function statusTextColor(statusKey) {
        return ["in_progress", "done", "paused"].indexOf(statusKey) >= 0 ? "white" : text
    }
}

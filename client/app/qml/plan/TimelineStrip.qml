// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// The plan's measures as bars on one time axis (positions and lanes come from TimelineModel); a click selects.
Rectangle {
    id: root
    objectName: "timelineStrip"
    property string planId
    property string selectedId
    /** Folded to its heading, so the outline gets the height (remembered by the window). */
    property bool collapsed: false
    /** How many lanes show before the lanes scroll: fewer on a low window. */
    property int maxLanes: 6
    signal selected(string entityId)
    signal collapseToggled()

    readonly property int laneHeight: Math.round(Theme.fontSize * 1.5)
    readonly property int laneGap: 3
    readonly property int visibleLanes: Math.min(Math.max(timeline.laneCount, 1), maxLanes)
    // The axis leaves room for the lanes' scroll bar, so it never hides the ends of bars.
    readonly property real axisWidth: layout.width - (timeline.laneCount > maxLanes ? Theme.spacing * 1.5 : 0)

    visible: timeline.count > 0 || timeline.undatedCount > 0
    implicitHeight: visible ? layout.implicitHeight + Theme.spacing * 2 : 0
    color: Theme.surface
    border.color: Theme.border
    radius: Theme.radius

    TimelineModel { id: timeline; planId: root.planId }

    ColumnLayout {
        id: layout
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: 2

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label {
                text: qsTr("Zeitleiste")
                font.bold: true
                font.pixelSize: Theme.smallFont
            }
            StatusLegend {
                visible: !root.collapsed && timeline.count > 0
                Layout.fillWidth: true
            }
            Item { Layout.fillWidth: true; visible: root.collapsed || timeline.count === 0 }
            // In the heading's row, so the lanes keep the height.
            Label {
                objectName: "timelineUndated"
                visible: timeline.undatedCount > 0
                text: qsTr("%n Maßnahme(n) ohne Zeitraum", "", timeline.undatedCount)
                color: Theme.mutedText
                font.pixelSize: Theme.smallFont
            }
            ToolButton {
                objectName: "timelineToggle"
                text: root.collapsed ? qsTr("Einblenden") : qsTr("Ausblenden")
                font.pixelSize: Theme.smallFont
                implicitHeight: Theme.fontSize * 1.6
                Accessible.name: root.collapsed ? qsTr("Zeitleiste einblenden") : qsTr("Zeitleiste ausblenden")
                ToolTip.visible: hovered || visualFocus
                ToolTip.delay: 300
                ToolTip.text: qsTr("%1 (%2)").arg(Accessible.name).arg(Vocabulary.shortcutText("Ctrl+T"))
                onClicked: root.collapseToggled()
            }
        }

        // Years above, quarters below them; the bars share the same width.
        Item {
            id: axis
            visible: timeline.count > 0 && !root.collapsed
            Layout.fillWidth: true
            implicitHeight: yearRow.height + quarterRow.height
            Item {
                id: yearRow
                width: parent.width
                height: Theme.fontSize * 1.3
                Repeater {
                    model: timeline.years
                    delegate: Label {
                        required property var modelData
                        x: modelData.from * root.axisWidth
                        width: (modelData.to - modelData.from) * root.axisWidth
                        leftPadding: 4
                        text: modelData.label
                        font.bold: true
                        font.pixelSize: Theme.smallFont
                        clip: true
                    }
                }
            }
            Item {
                id: quarterRow
                y: yearRow.height
                width: parent.width
                height: Theme.fontSize * 1.2
                // Quarter names only where they fit; the lines stay.
                readonly property bool labelled: timeline.quarters.length > 0
                                                 && root.axisWidth / timeline.quarters.length > Theme.fontSize * 2.2
                Repeater {
                    model: timeline.quarters
                    delegate: Label {
                        required property var modelData
                        x: modelData.from * root.axisWidth
                        width: (modelData.to - modelData.from) * root.axisWidth
                        leftPadding: 4
                        text: quarterRow.labelled ? modelData.label : ""
                        color: Theme.mutedText
                        font.pixelSize: Theme.smallFont
                        clip: true
                    }
                }
            }
        }

        Flickable {
            id: lanes
            visible: timeline.count > 0 && !root.collapsed
            Layout.fillWidth: true
            implicitHeight: root.visibleLanes * (root.laneHeight + root.laneGap)
            contentWidth: width
            contentHeight: timeline.laneCount * (root.laneHeight + root.laneGap)
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar { policy: timeline.laneCount > root.maxLanes ? ScrollBar.AlwaysOn : ScrollBar.AsNeeded }

            // Quarter and year lines behind the bars.
            Repeater {
                model: timeline.quarters
                delegate: Rectangle {
                    required property var modelData
                    x: modelData.from * root.axisWidth
                    width: 1
                    height: Math.max(lanes.height, lanes.contentHeight)
                    color: Theme.border
                    opacity: modelData.label === "Q1" ? 1 : 0.5
                }
            }
            Rectangle {
                visible: timeline.today >= 0
                x: timeline.today * root.axisWidth
                width: 2
                height: Math.max(lanes.height, lanes.contentHeight)
                color: Theme.focus
                opacity: 0.6
                Accessible.ignored: true
            }

            Repeater {
                model: timeline
                delegate: TimelineBar {
                    x: from * root.axisWidth
                    y: lane * (root.laneHeight + root.laneGap)
                    width: Math.max(4, (to - from) * root.axisWidth - 1)
                    height: root.laneHeight
                    current: entityId === root.selectedId
                    onClicked: root.selected(entityId)
                }
            }
        }

    }
}

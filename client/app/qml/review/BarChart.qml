// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// Horizontal bars of a ChartModel, labelled and counted; a cluster's bar is split by status.
// A bar is chosen by click, or by keyboard (arrows, Enter).
ListView {
    id: root
    property alias dimension: bars.dimension
    property string selectedKey
    signal barChosen(string key)

    clip: true
    spacing: Theme.spacing / 2
    model: ChartModel { id: bars }
    activeFocusOnTab: true
    keyNavigationEnabled: true
    boundsBehavior: Flickable.StopAtBounds
    ScrollBar.vertical: ScrollBar {}
    Accessible.name: qsTr("Balkendiagramm")
    Keys.onReturnPressed: if (currentIndex >= 0) barChosen(bars.get(currentIndex).key)
    Keys.onSpacePressed: if (currentIndex >= 0) barChosen(bars.get(currentIndex).key)

    readonly property real labelWidth: Theme.fontSize * 16

    delegate: ItemDelegate {
        id: bar
        required property int index
        required property string key
        required property string label
        required property int count
        required property real share
        required property var segments

        objectName: "bar_" + index
        width: ListView.view.width
        highlighted: key === root.selectedKey
        Accessible.name: qsTr("%1: %2").arg(label).arg(count)
        onClicked: { root.currentIndex = index; root.barChosen(key) }
        // A long label is cut to the column: the whole of it on hover or focus.
        ToolTip.visible: (hovered || (ListView.isCurrentItem && root.activeFocus)) && barLabel.truncated
        ToolTip.delay: 300
        ToolTip.text: Accessible.name
        background: Rectangle {
            color: bar.highlighted ? Theme.selection : "transparent"
            border.color: bar.ListView.isCurrentItem && root.activeFocus ? Theme.focus : "transparent"
            border.width: 2
            radius: Theme.radius
        }
        contentItem: RowLayout {
            spacing: Theme.spacing
            Label {
                id: barLabel
                text: bar.label
                elide: Text.ElideRight
                Layout.preferredWidth: root.labelWidth
            }
            Item {
                id: track
                Layout.fillWidth: true
                implicitHeight: Theme.fontSize * 1.4
                Rectangle {
                    visible: bar.segments.length === 0
                    width: Math.max(2, track.width * bar.share)
                    height: parent.height
                    radius: 3
                    color: Theme.accent
                }
                Row {
                    visible: bar.segments.length > 0
                    height: parent.height
                    Repeater {
                        model: bar.segments
                        delegate: Rectangle {
                            required property var modelData
                            width: track.width * bar.share * modelData.count / bar.count
                            height: track.height
                            color: Theme.statusColor(modelData.status)
                            ToolTip.visible: hover.hovered
                            ToolTip.text: qsTr("%1: %2").arg(modelData.label).arg(modelData.count)
                            HoverHandler { id: hover }
                        }
                    }
                }
            }
            Label {
                text: bar.count
                horizontalAlignment: Text.AlignRight
                Layout.preferredWidth: Theme.fontSize * 3
            }
        }
    }

    footer: Flow {
        width: root.width
        visible: root.dimension === "cluster"
        spacing: Theme.spacing
        topPadding: Theme.padding
        Repeater {
            model: Vocabulary.choices("measure", "status")
            delegate: Row {
                required property var modelData
                spacing: 4
                Rectangle { width: Theme.fontSize; height: Theme.fontSize; radius: 2; color: Theme.statusColor(modelData.key) }
                Label { text: modelData.label; font.pixelSize: Theme.smallFont }
            }
        }
    }

    Label {
        anchors.centerIn: parent
        visible: root.count === 0
        text: qsTr("Noch keine Maßnahmen in den Plänen.")
        color: Theme.mutedText
    }
}

// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// What the colours of a measure's status mean (timeline bars, the overview's bars): one swatch per status.
Flow {
    id: root
    objectName: "statusLegend"
    spacing: Theme.spacing
    Accessible.role: Accessible.List
    Accessible.name: qsTr("Farben: Status der Maßnahmen")

    Repeater {
        model: Vocabulary.choices("measure", "status")
        delegate: Row {
            id: entry
            required property var modelData
            spacing: 4
            Accessible.role: Accessible.StaticText
            Accessible.name: entry.modelData.label
            Rectangle {
                anchors.verticalCenter: parent.verticalCenter
                width: Theme.fontSize * 0.9
                height: width
                radius: 2
                color: Theme.statusColor(entry.modelData.key)
                border.color: Qt.darker(color, 1.15)
            }
            Label {
                objectName: "legend_" + entry.modelData.key
                text: entry.modelData.label
                font.pixelSize: Theme.smallFont
                color: Theme.mutedText
            }
        }
    }
}

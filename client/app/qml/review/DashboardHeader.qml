// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// The overview's column headers; each sorts by its column, a second press reverses the order.
Rectangle {
    id: root
    property DashboardModel model

    readonly property var labels: ({ name: qsTr("Kommune"), reviewStatus: qsTr("Prüfstatus"), measures: qsTr("Maßnahmen"),
                                     completeness: qsTr("Vollständig"), openReviewNotes: qsTr("Offene Hinweise"),
                                     lastChange: qsTr("Zuletzt geändert"), lastSubmission: qsTr("Eingereicht") })

    height: row.implicitHeight + Theme.spacing
    color: Theme.window

    Row {
        id: row
        x: Theme.spacing
        anchors.verticalCenter: parent.verticalCenter
        Repeater {
            model: DashboardColumns.keys
            delegate: ToolButton {
                required property string modelData
                readonly property bool sorted: root.model && root.model.sortBy === modelData
                objectName: "sortBy_" + modelData
                width: DashboardColumns.width(modelData, root.width)
                text: root.labels[modelData] + (sorted ? (root.model.descending ? " ▼" : " ▲") : "")
                font.bold: true
                Accessible.name: qsTr("Nach %1 sortieren").arg(root.labels[modelData])
                contentItem: Label { id: headerLabel; text: parent.text; font.bold: true; elide: Text.ElideRight }
                // A heading cut to its column ("Offene Hinw…") shows whole on hover or focus.
                ToolTip.visible: (hovered || visualFocus) && headerLabel.truncated
                ToolTip.delay: 300
                ToolTip.text: root.labels[modelData]
                onClicked: {
                    if (sorted) {
                        root.model.descending = !root.model.descending
                    } else {
                        root.model.sortBy = modelData
                        root.model.descending = false
                    }
                }
            }
        }
    }
}

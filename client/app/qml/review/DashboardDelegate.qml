// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// One municipality in the office's overview.
ItemDelegate {
    id: root
    required property int index
    required property string name
    required property string federalState
    required property string cluster
    required property string planId
    required property string reviewStatusKey
    required property string reviewStatus
    required property int measures
    required property var segments
    required property real completeness
    required property int openReviewNotes
    required property string lastChange
    required property string lastSubmission
    property bool focused: false

    objectName: "dashboardRow_" + name
    padding: Theme.spacing / 2
    Accessible.name: qsTr("%1: %2, %3 Maßnahmen").arg(name).arg(reviewStatus).arg(measures)
    background: Rectangle {
        color: root.hovered ? Theme.selection : (root.index % 2 ? Theme.window : Theme.surface)
        border.color: root.focused ? Theme.focus : "transparent"
        border.width: 2
    }

    contentItem: Row {
        leftPadding: Theme.spacing / 2
        Column {
            width: DashboardColumns.width("name", root.width)
            Label { text: root.name; font.bold: true; width: parent.width - Theme.spacing; elide: Text.ElideRight }
            Label {
                text: [root.cluster, root.federalState].filter(s => s !== "").join(" · ")
                color: Theme.mutedText
                font.pixelSize: Theme.smallFont
                width: parent.width - Theme.spacing
                elide: Text.ElideRight
            }
        }
        Label {
            width: DashboardColumns.width("reviewStatus", root.width)
            anchors.verticalCenter: parent.verticalCenter
            text: root.planId === "" ? qsTr("kein Plan") : root.reviewStatus
            color: root.reviewStatusKey === "submitted" ? Theme.accent : Theme.text
            font.bold: root.reviewStatusKey === "submitted"
            elide: Text.ElideRight
        }
        Item {
            width: DashboardColumns.width("measures", root.width)
            height: parent.height
            Row {
                id: bar
                anchors.verticalCenter: parent.verticalCenter
                readonly property real unit: (parent.width - Theme.fontSize * 3) / Math.max(1, root.measures)
                Repeater {
                    model: root.segments
                    delegate: Rectangle {
                        required property var modelData
                        width: bar.unit * modelData.count
                        height: Theme.fontSize
                        color: Theme.statusColor(modelData.status)
                        ToolTip.visible: hover.hovered
                        ToolTip.text: qsTr("%1: %2").arg(modelData.label).arg(modelData.count)
                        HoverHandler { id: hover }
                    }
                }
                Label { text: " " + root.measures; font.pixelSize: Theme.smallFont }
            }
        }
        Label {
            width: DashboardColumns.width("completeness", root.width)
            anchors.verticalCenter: parent.verticalCenter
            text: root.measures > 0 ? qsTr("%1 %").arg(Math.round(root.completeness * 100)) : "–"
            color: root.measures > 0 && root.completeness < 0.5 ? Theme.conflict : Theme.text
        }
        Label {
            width: DashboardColumns.width("openReviewNotes", root.width)
            anchors.verticalCenter: parent.verticalCenter
            text: root.openReviewNotes > 0 ? root.openReviewNotes : "–"
            font.bold: root.openReviewNotes > 0
        }
        Label {
            width: DashboardColumns.width("lastChange", root.width)
            anchors.verticalCenter: parent.verticalCenter
            text: root.lastChange !== "" ? root.lastChange : qsTr("noch nie")
            font.pixelSize: Theme.smallFont
            elide: Text.ElideRight
        }
        Label {
            width: DashboardColumns.width("lastSubmission", root.width)
            anchors.verticalCenter: parent.verticalCenter
            text: root.lastSubmission !== "" ? root.lastSubmission : "–"
            font.pixelSize: Theme.smallFont
            elide: Text.ElideRight
        }
    }
}

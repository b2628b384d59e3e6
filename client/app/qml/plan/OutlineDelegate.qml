// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// One row of the plan outline: indented by depth, with status, period and a conflict marker.
ItemDelegate {
    id: root
    required property int index
    required property string entityId
    required property string entityType
    required property string title
    required property int depth
    required property string status
    required property bool hasChildren
    required property bool expanded
    required property int conflicts
    required property string period
    property bool current: false
    signal toggleRequested()

    width: ListView.view ? ListView.view.width : implicitWidth
    highlighted: current
    // A title cut to the column (a narrow peer outline) shows whole on hover or focus.
    ToolTip.visible: (hovered || visualFocus || (current && ListView.view !== null && ListView.view.activeFocus))
                     && titleLabel.truncated
    ToolTip.delay: 300
    ToolTip.text: titleLabel.text
    Accessible.name: Vocabulary.typeLabel(entityType) + ": " + title
                     + (conflicts > 0 ? ", " + qsTr("%n Konflikt(e)", "", conflicts) : "")

    contentItem: RowLayout {
        spacing: Theme.spacing
        Item { implicitWidth: root.depth * Theme.fontSize * 1.4 }
        ToolButton {
            text: root.expanded ? "▾" : "▸"
            visible: root.hasChildren
            focusPolicy: Qt.NoFocus
            Accessible.name: root.expanded ? qsTr("Einklappen") : qsTr("Aufklappen")
            onClicked: root.toggleRequested()
            implicitWidth: Theme.fontSize * 1.6
            implicitHeight: Theme.fontSize * 1.6
        }
        Item { implicitWidth: Theme.fontSize * 1.6; visible: !root.hasChildren }
        ColumnLayout {
            spacing: 0
            Layout.fillWidth: true
            Label {
                id: titleLabel
                text: root.title !== "" ? root.title : qsTr("(ohne Titel)")
                font.bold: root.depth === 0
                font.pixelSize: root.depth === 0 ? Theme.headingFont : Theme.fontSize
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label {
                visible: root.entityType === "measure" && (root.status !== "" || root.period !== "")
                text: [root.status, root.period].filter(s => s !== "").join(" · ")
                color: Theme.mutedText
                font.pixelSize: Theme.smallFont
            }
        }
        Rectangle {
            visible: root.conflicts > 0
            color: Theme.conflictBackground
            border.color: Theme.conflict
            radius: Theme.radius
            implicitWidth: conflictLabel.implicitWidth + 12
            implicitHeight: conflictLabel.implicitHeight + 4
            Label {
                id: conflictLabel
                anchors.centerIn: parent
                text: qsTr("Konflikt")
                color: Theme.conflict
                font.pixelSize: Theme.smallFont
            }
        }
    }
    background: Rectangle {
        color: root.current ? Theme.selection : (root.hovered ? Qt.lighter(Theme.selection, 1.05) : "transparent")
        border.color: root.visualFocus || (root.current && root.ListView.view && root.ListView.view.activeFocus) ? Theme.focus : "transparent"
        border.width: 2
    }
}

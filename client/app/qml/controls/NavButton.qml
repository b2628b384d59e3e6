// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// One entry of the navigation on the left; badge shows a count that needs attention.
ItemDelegate {
    id: root
    property bool selected: false
    property int badge: 0
    /** The key sequence that opens the same page ("Ctrl+1"), shown in the tooltip; empty: none. */
    property string shortcut: ""

    Layout.fillWidth: true
    highlighted: selected
    Accessible.name: badge > 0 ? qsTr("%1, %2 offen").arg(text).arg(badge) : text
    Accessible.description: shortcut !== "" ? qsTr("Tastenkürzel: %1").arg(Vocabulary.shortcutText(shortcut)) : ""
    ToolTip.visible: (hovered || visualFocus) && shortcut !== ""
    ToolTip.delay: Qt.styleHints.mousePressAndHoldInterval
    ToolTip.text: qsTr("%1 (%2)").arg(text).arg(Vocabulary.shortcutText(shortcut))

    contentItem: RowLayout {
        spacing: Theme.spacing
        Label {
            text: root.text
            color: Theme.sidebarText
            font.bold: root.selected
            Layout.fillWidth: true
            elide: Text.ElideRight
        }
        Rectangle {
            visible: root.badge > 0
            radius: height / 2
            color: Theme.conflict
            implicitHeight: badgeLabel.implicitHeight + 4
            implicitWidth: Math.max(implicitHeight, badgeLabel.implicitWidth + 10)
            Label {
                id: badgeLabel
                anchors.centerIn: parent
                text: root.badge
                color: "white"
                font.pixelSize: Theme.smallFont
            }
        }
    }
    background: Rectangle {
        color: root.selected ? Theme.sidebarSelected : (root.hovered ? Qt.lighter(Theme.sidebar, 1.2) : "transparent")
        border.color: root.visualFocus ? Theme.focus : "transparent"
        border.width: 2
    }
}

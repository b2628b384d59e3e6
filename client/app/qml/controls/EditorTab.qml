// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Werkstattplan

// A calm tab: text on the surface, the current one underlined in the accent colour.
TabButton {
    id: root
    width: implicitWidth
    padding: Theme.spacing
    leftPadding: Theme.padding
    rightPadding: Theme.padding

    contentItem: Label {
        text: root.text
        font.bold: root.checked
        color: root.checked ? Theme.accent : root.hovered ? Theme.text : Theme.mutedText
        horizontalAlignment: Text.AlignHCenter
        elide: Text.ElideRight
    }
    background: Rectangle {
        color: root.hovered && !root.checked ? Theme.window : Theme.surface
        border.color: root.visualFocus ? Theme.focus : "transparent"
        border.width: 2
        radius: Theme.radius
        Rectangle {
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            height: 3
            color: root.checked ? Theme.accent : "transparent"
        }
    }
}

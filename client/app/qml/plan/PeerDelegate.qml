// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// A municipality in the list of peers: name, kind and state, its plan's status and measures.
ItemDelegate {
    id: root
    required property int index
    required property string name
    required property string federalState
    required property string kind
    required property string planId
    required property string planTitle
    required property bool readable
    required property bool own
    required property string reviewStatus
    required property int measureCount
    property bool selected: false
    property bool focused: false

    objectName: "peer_" + name
    highlighted: selected
    Accessible.name: name
    background: Rectangle {
        color: root.selected ? Theme.selection : (root.hovered ? Theme.window : Theme.surface)
        border.color: root.focused ? Theme.focus : Theme.border
        border.width: root.focused ? 2 : 1
        radius: Theme.radius
    }

    contentItem: ColumnLayout {
        spacing: 2
        Label {
            text: root.own ? qsTr("%1 (Ihre Kommune)").arg(root.name) : root.name
            font.bold: true
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Label {
            text: [root.kind, root.federalState].filter(s => s !== "").join(" · ")
            color: Theme.mutedText
            font.pixelSize: Theme.smallFont
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Label {
            text: root.readable ? qsTr("%n Maßnahme(n)", "", root.measureCount)
                                  + (root.reviewStatus !== "" ? " · " + root.reviewStatus : "")
                                : qsTr("Plan nicht freigegeben")
            color: root.readable ? Theme.text : Theme.mutedText
            font.pixelSize: Theme.smallFont
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
    }
}

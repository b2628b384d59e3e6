// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Werkstattplan

// One measure on the timeline, coloured by its status; the selected one is outlined.
AbstractButton {
    id: root
    required property string entityId
    required property string title
    required property string statusKey
    required property string status
    required property string period
    required property real from
    required property real to
    required property int lane
    property bool current: false

    focusPolicy: Qt.StrongFocus
    hoverEnabled: true
    Accessible.name: qsTr("%1, %2, %3").arg(title).arg(status !== "" ? status : qsTr("ohne Status")).arg(period)
    ToolTip.visible: hovered || visualFocus
    ToolTip.delay: 300
    ToolTip.text: Accessible.name
    Keys.onReturnPressed: clicked()

    background: Rectangle {
        radius: 3
        color: Theme.statusColor(root.statusKey)
        border.color: root.visualFocus ? Theme.focus : root.current ? Theme.text : Qt.darker(color, 1.15)
        border.width: root.current || root.visualFocus ? 2 : 1
        opacity: root.hovered || root.current ? 1 : 0.9
    }
    contentItem: Label {
        text: root.title
        leftPadding: 4
        rightPadding: 4
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
        font.pixelSize: Theme.smallFont
        font.bold: root.current
        color: Theme.statusTextColor(root.statusKey)
    }
}

// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// A workshop meeting in the list: title, date, cluster, host and how many measures will be presented.
ItemDelegate {
    id: root
    required property int index
    required property string meetingId
    required property string title
    required property string date
    required property string cluster
    required property string host
    required property string place
    required property int linkedMeasures
    required property bool upcoming
    property bool selected: false
    property bool focused: false

    objectName: "meeting_" + index
    Accessible.name: qsTr("%1, %2").arg(title).arg(date)
    background: Rectangle {
        color: root.selected ? Theme.selection : Theme.surface
        border.color: root.focused ? Theme.focus : Theme.border
        border.width: root.focused ? 2 : 1
        radius: Theme.radius
    }
    contentItem: ColumnLayout {
        spacing: 2
        Label {
            text: root.upcoming ? qsTr("%1 · bevorstehend").arg(root.date) : root.date
            color: root.upcoming ? Theme.accent : Theme.mutedText
            font.pixelSize: Theme.smallFont
        }
        Label {
            text: root.title
            textFormat: Text.PlainText
            font.bold: true
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            text: [root.cluster !== "" ? qsTr("Cluster %1").arg(root.cluster) : "",
                   root.host !== "" ? qsTr("Gastgeber: %1").arg(root.host) : "", root.place].filter(s => s !== "").join(" · ")
            color: Theme.mutedText
            font.pixelSize: Theme.smallFont
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            text: qsTr("%n Maßnahme(n) zur Vorstellung", "", root.linkedMeasures)
            font.pixelSize: Theme.smallFont
        }
    }
}

// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// One search result: which municipality, what kind of entry, its title and where the words stand.
ItemDelegate {
    id: root
    required property int index
    required property string openId
    required property string entityType
    required property string title
    required property string municipality
    required property string snippet
    required property string theme
    property bool focused: false

    objectName: "searchResult_" + index
    Accessible.name: qsTr("%1 – %2: %3").arg(municipality).arg(entityType).arg(title)
    background: Rectangle {
        color: root.hovered ? Theme.window : Theme.surface
        border.color: root.focused ? Theme.focus : Theme.border
        border.width: root.focused ? 2 : 1
        radius: Theme.radius
    }

    contentItem: ColumnLayout {
        spacing: 2
        Label {
            text: [root.municipality, root.entityType].filter(s => s !== "").join(" · ")
            color: Theme.mutedText
            font.pixelSize: Theme.smallFont
            Layout.fillWidth: true
        }
        Label {
            text: root.title
            textFormat: Text.PlainText
            font.bold: true
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Label {
            visible: text !== ""
            text: root.theme !== "" ? qsTr("Thema: %1").arg(root.theme) : root.snippet
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
    }
}

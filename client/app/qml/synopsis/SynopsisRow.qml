// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// One municipality's row of the synopsis: a cell per figure, with unit and year.
Rectangle {
    id: root
    required property int index
    required property string municipalityId
    required property string name
    required property string cluster
    required property var cells
    property real nameWidth
    property real cellWidth
    property var keys: []
    property bool focused: false
    signal cellChosen(string municipalityId, string name, string key, var cell)

    width: Math.max(ListView.view.width, ListView.view.contentWidth)
    height: row.implicitHeight + Theme.spacing
    color: index % 2 ? Theme.window : Theme.surface
    border.color: focused ? Theme.focus : "transparent"
    border.width: 2

    Row {
        id: row
        x: Theme.padding
        anchors.verticalCenter: parent.verticalCenter
        Column {
            width: root.nameWidth
            Label { text: root.name; font.bold: true; width: parent.width; elide: Text.ElideRight }
            Label { text: root.cluster; color: Theme.mutedText; font.pixelSize: Theme.smallFont }
        }
        Repeater {
            model: root.cells
            delegate: ItemDelegate {
                id: cell
                required property int index
                required property var modelData
                objectName: "synopsisCell_" + root.index + "_" + index
                width: root.cellWidth
                enabled: Session.office
                Accessible.name: qsTr("%1, %2: %3").arg(root.name).arg(Vocabulary.synopsisKeyLabel(root.keys[index]))
                                     .arg(modelData.display !== "" ? modelData.display + " " + modelData.unit : qsTr("fehlt"))
                onClicked: root.cellChosen(root.municipalityId, root.name, root.keys[index], modelData)
                contentItem: Column {
                    Label {
                        width: parent.width
                        horizontalAlignment: Text.AlignRight
                        text: cell.modelData.display !== "" ? cell.modelData.display + " " + cell.modelData.unit : "–"
                        color: cell.modelData.display !== "" ? Theme.text : Theme.mutedText
                    }
                    Label {
                        width: parent.width
                        horizontalAlignment: Text.AlignRight
                        visible: cell.modelData.year !== ""
                        text: qsTr("Stand %1").arg(cell.modelData.year)
                        color: Theme.mutedText
                        font.pixelSize: Theme.smallFont
                    }
                }
            }
        }
    }
}

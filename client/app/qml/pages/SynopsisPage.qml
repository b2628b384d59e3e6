// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// The synopsis: every municipality's baseline figures side by side, each with unit and year.
// The office edits a figure by choosing its cell; everyone reads it.
Page {
    id: root
    title: qsTr("Synopse")
    background: Rectangle { color: Theme.window }

    readonly property real nameWidth: Theme.fontSize * 16
    readonly property real cellWidth: Theme.fontSize * 11

    SynopsisModel { id: synopsis }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            Label {
                text: qsTr("Synopse der Ausgangsdaten")
                font.pixelSize: Theme.titleFont
                font.bold: true
                Layout.fillWidth: true
            }
            SynopsisActions { }
        }
        Label {
            text: Session.office ? qsTr("Wählen Sie eine Zelle, um eine Kennzahl einzutragen oder zu ändern.")
                                 : qsTr("Die Kennzahlen pflegt die Geschäftsstelle.")
            color: Theme.mutedText
        }

        Pane {
            Layout.fillWidth: true
            Layout.fillHeight: true
            padding: 0
            background: Rectangle { color: Theme.surface; border.color: Theme.border; radius: Theme.radius }

            ListView {
                id: table
                objectName: "synopsisTable"
                anchors.fill: parent
                anchors.margins: 1
                clip: true
                model: synopsis
                activeFocusOnTab: true
                keyNavigationEnabled: true
                boundsBehavior: Flickable.StopAtBounds
                flickableDirection: Flickable.AutoFlickIfNeeded
                contentWidth: root.nameWidth + synopsis.keys.length * root.cellWidth + Theme.padding * 2
                ScrollBar.vertical: ScrollBar {}
                ScrollBar.horizontal: ScrollBar {}
                Accessible.name: qsTr("Synopse")
                headerPositioning: ListView.OverlayHeader

                header: Rectangle {
                    z: 2
                    width: Math.max(table.width, table.contentWidth)
                    height: headerRow.implicitHeight + Theme.spacing * 2
                    color: Theme.window
                    Row {
                        id: headerRow
                        x: Theme.padding
                        anchors.verticalCenter: parent.verticalCenter
                        Label { width: root.nameWidth; text: qsTr("Kommune"); font.bold: true }
                        Repeater {
                            model: synopsis.keyLabels
                            delegate: Label {
                                required property string modelData
                                width: root.cellWidth
                                text: modelData
                                font.bold: true
                                wrapMode: Text.Wrap
                                horizontalAlignment: Text.AlignRight
                                rightPadding: Theme.spacing
                            }
                        }
                    }
                }

                delegate: SynopsisRow {
                    nameWidth: root.nameWidth
                    cellWidth: root.cellWidth
                    keys: synopsis.keys
                    focused: ListView.isCurrentItem && table.activeFocus
                    onCellChosen: (municipalityId, name, key, cell) => figureDialog.edit(municipalityId, name, key, cell)
                }
            }
        }
    }

    FigureDialog { id: figureDialog }
}

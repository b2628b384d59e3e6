// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// Measures across all plans as bar charts: by theme, by field of action, and their status per cluster.
// Choosing a bar lists its measures; a measure opens where it stands.
Page {
    id: root
    signal openRequested(string entityId)

    title: qsTr("Auswertung")
    background: Rectangle { color: Theme.window }

    ChartMeasuresModel { id: barMeasures; dimension: chart.dimension }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        Label {
            text: qsTr("Auswertung aller Pläne")
            font.pixelSize: Theme.titleFont
            font.bold: true
        }
        TabBar {
            id: dimensions
            objectName: "chartDimensions"
            Layout.fillWidth: true
            readonly property var keys: ["theme", "fieldOfAction", "cluster"]
            onCurrentIndexChanged: barMeasures.key = ""
            spacing: 0
            // The editor's calm tabs: the chosen one stands out, underlined (the Basic style's looked inverted).
            background: Rectangle {
                color: Theme.surface
                radius: Theme.radius
                Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.border }
            }
            EditorTab { objectName: "chartByTheme"; text: qsTr("Maßnahmen nach Thema") }
            EditorTab { objectName: "chartByFieldOfAction"; text: qsTr("Maßnahmen nach Handlungsfeld") }
            EditorTab { objectName: "chartByCluster"; text: qsTr("Status nach Cluster") }
        }

        SplitView {
            Layout.fillWidth: true
            Layout.fillHeight: true

            BarChart {
                id: chart
                objectName: "barChart"
                SplitView.fillWidth: true
                SplitView.minimumWidth: Theme.fontSize * 24
                dimension: dimensions.keys[dimensions.currentIndex]
                selectedKey: barMeasures.key
                onBarChosen: key => barMeasures.key = key
            }

            Pane {
                SplitView.preferredWidth: Theme.fontSize * 26
                padding: Theme.spacing
                background: Rectangle { color: Theme.surface; border.color: Theme.border; radius: Theme.radius }
                ListView {
                    id: measureList
                    objectName: "chartMeasures"
                    anchors.fill: parent
                    clip: true
                    model: barMeasures
                    activeFocusOnTab: true
                    keyNavigationEnabled: true
                    boundsBehavior: Flickable.StopAtBounds
                    ScrollBar.vertical: ScrollBar {}
                    Accessible.name: qsTr("Maßnahmen des gewählten Balkens")
                    header: Label {
                        width: ListView.view.width
                        visible: barMeasures.count > 0
                        text: qsTr("%n Maßnahme(n)", "", barMeasures.count)
                        font.bold: true
                        bottomPadding: Theme.spacing
                    }
                    delegate: ItemDelegate {
                        id: measureRow
                        required property int index
                        required property string measureId
                        required property string title
                        required property string municipality
                        required property string status
                        objectName: "chartMeasure_" + index
                        width: ListView.view.width
                        Accessible.name: qsTr("%1 – %2").arg(municipality).arg(title)
                        // A title cut to the list's width shows whole on hover or focus.
                        ToolTip.visible: (hovered || visualFocus || (ListView.isCurrentItem && measureList.activeFocus))
                                         && measureTitle.truncated
                        ToolTip.delay: 300
                        ToolTip.text: title
                        contentItem: ColumnLayout {
                            spacing: 2
                            Label {
                                id: measureTitle
                                text: measureRow.title
                                textFormat: Text.PlainText
                                font.bold: true
                                elide: Text.ElideRight
                                Layout.fillWidth: true
                            }
                            Label {
                                text: [measureRow.municipality, measureRow.status].filter(s => s !== "").join(" · ")
                                color: Theme.mutedText
                                font.pixelSize: Theme.smallFont
                                elide: Text.ElideRight
                                Layout.fillWidth: true
                            }
                        }
                        onClicked: root.openRequested(measureId)
                    }
                    Label {
                        anchors.centerIn: parent
                        width: parent.width - Theme.padding * 2
                        visible: barMeasures.count === 0
                        wrapMode: Text.Wrap
                        horizontalAlignment: Text.AlignHCenter
                        color: Theme.mutedText
                        text: qsTr("Wählen Sie einen Balken, um seine Maßnahmen zu sehen.")
                    }
                }
            }
        }
    }
}

// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// The project office's overview: every plan at a glance, filtered by cluster and federal state,
// sorted by any column; a row opens the plan's review.
Page {
    id: root
    signal reviewRequested(string planId, string municipality)

    title: qsTr("Übersicht")
    background: Rectangle { color: Theme.window }

    DashboardModel { id: dashboard }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label {
                text: qsTr("Alle Pläne im Überblick")
                font.pixelSize: Theme.titleFont
                font.bold: true
                Layout.fillWidth: true
            }
            ExportButtons { }
        }
        RowLayout {
            spacing: Theme.spacing
            ComboBox {
                id: clusterFilter
                objectName: "dashboardClusterFilter"
                Layout.preferredWidth: Theme.fontSize * 14
                model: [qsTr("Alle Cluster")].concat(dashboard.clusters)
                Accessible.name: qsTr("Nach Cluster filtern")
                onActivated: dashboard.cluster = currentIndex > 0 ? currentText : ""
            }
            ComboBox {
                id: stateFilter
                objectName: "dashboardStateFilter"
                Layout.preferredWidth: Theme.fontSize * 16
                model: [qsTr("Alle Bundesländer")].concat(dashboard.federalStates)
                Accessible.name: qsTr("Nach Bundesland filtern")
                onActivated: dashboard.federalState = currentIndex > 0 ? currentText : ""
            }
            Label {
                visible: !Session.firstSync
                text: qsTr("%1 von %2 Kommunen").arg(dashboard.count).arg(dashboard.total)
                color: Theme.mutedText
            }
            Item { Layout.fillWidth: true }
            // The colours of the "Maßnahmen" column's bars.
            Label { text: qsTr("Maßnahmen nach Status:"); font.pixelSize: Theme.smallFont; color: Theme.mutedText }
            StatusLegend { }
        }

        // While the first sync brings the plans, "no municipality fits" would be untrue.
        FirstSyncView {
            visible: Session.firstSync
            explanation: qsTr("Die Pläne aller Kommunen werden zum ersten Mal auf dieses Gerät geladen. Bis alles angekommen ist, zeigt die Übersicht noch keine Kommunen.")
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
        Pane {
            visible: !Session.firstSync
            Layout.fillWidth: true
            Layout.fillHeight: true
            padding: 0
            background: Rectangle { color: Theme.surface; border.color: Theme.border; radius: Theme.radius }

            ListView {
                id: table
                objectName: "dashboardTable"
                anchors.fill: parent
                anchors.margins: 1
                clip: true
                model: dashboard
                activeFocusOnTab: true
                keyNavigationEnabled: true
                boundsBehavior: Flickable.StopAtBounds
                ScrollBar.vertical: ScrollBar {}
                Accessible.name: qsTr("Pläne aller Kommunen")
                headerPositioning: ListView.OverlayHeader
                header: DashboardHeader {
                    z: 2
                    width: table.width
                    model: dashboard
                }
                delegate: DashboardDelegate {
                    width: ListView.view.width
                    focused: ListView.isCurrentItem && table.activeFocus
                    onClicked: {
                        table.currentIndex = index
                        if (planId !== "")
                            root.reviewRequested(planId, name)
                    }
                }
                Keys.onReturnPressed: {
                    const row = dashboard.get(currentIndex)
                    if (row.planId)
                        root.reviewRequested(row.planId, row.name)
                }
                Label {
                    anchors.centerIn: parent
                    visible: table.count === 0
                    text: qsTr("Keine Kommune passt zu diesem Filter.")
                    color: Theme.mutedText
                }
            }
        }
    }
}

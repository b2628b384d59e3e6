// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// The navigation on the left: one button per page, in the order of the shortcuts Ctrl+1 … Ctrl+8
// (each button's tooltip names its own), help and settings at the bottom.
Rectangle {
    id: root
    /** The page shown (Main.qml's page); a button sets it. */
    property string page
    signal pageRequested(string page)

    color: Theme.sidebar
    ColumnLayout {
        anchors.fill: parent
        anchors.topMargin: Theme.padding
        spacing: 2
        Label {
            text: qsTr("Werkstattplan")
            color: Theme.sidebarText
            font.pixelSize: Theme.titleFont
            font.bold: true
            Layout.leftMargin: Theme.padding
        }
        Label {
            text: Session.office ? qsTr("Geschäftsstelle") : Session.municipalityName
            color: Theme.sidebarText
            opacity: 0.8
            elide: Text.ElideRight
            Layout.fillWidth: true
            Layout.leftMargin: Theme.padding
            Layout.bottomMargin: Theme.padding
        }
        NavButton {
            objectName: "navMyPlan"
            shortcut: "Ctrl+1"
            text: qsTr("Mein Plan")
            visible: Session.planId !== ""
            selected: root.page === "plan"
            onClicked: root.pageRequested("plan")
        }
        NavButton {
            objectName: "navDashboard"
            shortcut: "Ctrl+1"
            text: qsTr("Übersicht")
            visible: Session.office
            selected: root.page === "dashboard" || root.page === "review"
            onClicked: root.pageRequested("dashboard")
        }
        NavButton {
            objectName: "navPeers"
            shortcut: "Ctrl+2"
            text: Session.office ? qsTr("Alle Kommunen") : qsTr("Andere Kommunen")
            selected: root.page === "peers"
            onClicked: root.pageRequested("peers")
        }
        NavButton {
            objectName: "navSearch"
            shortcut: "Ctrl+3"
            text: qsTr("Suche")
            selected: root.page === "search"
            onClicked: root.pageRequested("search")
        }
        NavButton {
            objectName: "navMeetings"
            shortcut: "Ctrl+4"
            text: qsTr("Werkstatttreffen")
            selected: root.page === "meetings"
            onClicked: root.pageRequested("meetings")
        }
        NavButton {
            objectName: "navSynopsis"
            shortcut: "Ctrl+5"
            text: qsTr("Synopse")
            selected: root.page === "synopsis"
            onClicked: root.pageRequested("synopsis")
        }
        NavButton {
            objectName: "navCharts"
            shortcut: "Ctrl+6"
            text: qsTr("Auswertung")
            selected: root.page === "charts"
            onClicked: root.pageRequested("charts")
        }
        NavButton {
            objectName: "navConflicts"
            shortcut: "Ctrl+7"
            text: qsTr("Konflikte")
            badge: Session.sync ? Session.sync.openConflicts : 0
            selected: root.page === "conflicts"
            onClicked: root.pageRequested("conflicts")
        }
        NavButton {
            objectName: "navSync"
            shortcut: "Ctrl+8"
            text: qsTr("Abgleich")
            badge: Session.sync ? Session.sync.rejectedChanges : 0
            selected: root.page === "sync"
            onClicked: root.pageRequested("sync")
        }
        Item { Layout.fillHeight: true }
        NavButton {
            objectName: "navHelp"
            shortcut: "F1"
            text: qsTr("Hilfe und Tastenkürzel")
            selected: root.page === "help"
            onClicked: root.pageRequested("help")
        }
        NavButton {
            objectName: "navSettings"
            text: qsTr("Einstellungen")
            selected: root.page === "settings"
            onClicked: root.pageRequested("settings")
        }
    }
}

// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

ApplicationWindow {
    id: window
    objectName: "mainWindow"
    width: 1360
    height: 860
    visible: true
    color: Theme.window
    title: Session.municipalityName !== "" ? qsTr("Werkstattplan – %1").arg(Session.municipalityName)
                                           : qsTr("Werkstattplan")

    /** The page shown: one of pages. */
    property string page: Session.office ? "dashboard" : "plan"
    readonly property var pages: ["plan", "dashboard", "review", "peers", "search", "meetings", "synopsis", "charts",
                                  "conflicts", "sync", "settings"]

    /** The office opens a plan's review. */
    function openReview(planId, municipality) {
        page = "review" // the page is made when first shown
        reviewPage.item.planId = planId
        reviewPage.item.municipality = municipality
    }

    function openEntity(entityId) {
        if (Session.mayEdit(entityId) || Session.planOf(entityId) === Session.planId) {
            page = "plan"
            planPage.item.select(entityId)
        } else {
            page = "peers"
            peersPage.item.openEntity(entityId)
        }
    }

    Shortcut { sequences: [StandardKey.Undo]; enabled: Session.canUndo; onActivated: Session.undo() }
    Shortcut { sequence: "Ctrl+F"; onActivated: { window.page = "search"; searchPage.item.focusQuery() } }
    Shortcut { sequence: "Ctrl+1"; onActivated: window.page = Session.office ? "dashboard" : "plan" }
    Shortcut { sequence: "Ctrl+2"; onActivated: window.page = "peers" }
    Shortcut { sequence: "Ctrl+3"; onActivated: window.page = "search" }
    Shortcut { sequence: "Ctrl+4"; onActivated: window.page = "meetings" }
    Shortcut { sequence: "Ctrl+5"; onActivated: window.page = "synopsis" }
    Shortcut { sequence: "Ctrl+6"; onActivated: window.page = "charts" }
    Shortcut { sequence: "Ctrl+7"; onActivated: window.page = "conflicts" }
    Shortcut { sequence: "Ctrl+8"; onActivated: window.page = "sync" }

    SetupPage {
        objectName: "setupPage"
        anchors.fill: parent
        visible: !Session.ready
    }

    RowLayout {
        anchors.fill: parent
        visible: Session.ready
        spacing: 0

        Rectangle {
            color: Theme.sidebar
            Layout.fillHeight: true
            Layout.preferredWidth: Theme.fontSize * 16
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
                    text: qsTr("Mein Plan")
                    visible: Session.planId !== ""
                    selected: window.page === "plan"
                    onClicked: window.page = "plan"
                }
                NavButton {
                    objectName: "navDashboard"
                    text: qsTr("Übersicht")
                    visible: Session.office
                    selected: window.page === "dashboard" || window.page === "review"
                    onClicked: window.page = "dashboard"
                }
                NavButton {
                    objectName: "navPeers"
                    text: Session.office ? qsTr("Alle Kommunen") : qsTr("Andere Kommunen")
                    selected: window.page === "peers"
                    onClicked: window.page = "peers"
                }
                NavButton {
                    objectName: "navSearch"
                    text: qsTr("Suche")
                    selected: window.page === "search"
                    onClicked: window.page = "search"
                }
                NavButton {
                    objectName: "navMeetings"
                    text: qsTr("Werkstatttreffen")
                    selected: window.page === "meetings"
                    onClicked: window.page = "meetings"
                }
                NavButton {
                    objectName: "navSynopsis"
                    text: qsTr("Synopse")
                    selected: window.page === "synopsis"
                    onClicked: window.page = "synopsis"
                }
                NavButton {
                    objectName: "navCharts"
                    text: qsTr("Auswertung")
                    selected: window.page === "charts"
                    onClicked: window.page = "charts"
                }
                NavButton {
                    objectName: "navConflicts"
                    text: qsTr("Konflikte")
                    badge: Session.sync ? Session.sync.openConflicts : 0
                    selected: window.page === "conflicts"
                    onClicked: window.page = "conflicts"
                }
                NavButton {
                    objectName: "navSync"
                    text: qsTr("Abgleich")
                    badge: Session.sync ? Session.sync.rejectedChanges : 0
                    selected: window.page === "sync"
                    onClicked: window.page = "sync"
                }
                Item { Layout.fillHeight: true }
                NavButton {
                    objectName: "navSettings"
                    text: qsTr("Einstellungen")
                    selected: window.page === "settings"
                    onClicked: window.page = "settings"
                }
            }
        }

        ColumnLayout {
            spacing: 0
            Layout.fillWidth: true
            Layout.fillHeight: true

            StackLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                currentIndex: window.pages.indexOf(window.page)
                LazyPage {
                    id: planPage
                    sourceComponent: MyPlanPage { objectName: "myPlanPage" }
                }
                LazyPage {
                    sourceComponent: DashboardPage {
                        objectName: "dashboardPage"
                        onReviewRequested: (planId, municipality) => window.openReview(planId, municipality)
                    }
                }
                LazyPage {
                    id: reviewPage
                    sourceComponent: ReviewPage {
                        objectName: "reviewPage"
                        onOpenRequested: entityId => window.openEntity(entityId)
                        onBackRequested: window.page = "dashboard"
                    }
                }
                LazyPage {
                    id: peersPage
                    sourceComponent: PeersPage { objectName: "peersPage" }
                }
                LazyPage {
                    id: searchPage
                    sourceComponent: SearchPage {
                        objectName: "searchPage"
                        onOpenRequested: entityId => window.openEntity(entityId)
                    }
                }
                LazyPage {
                    sourceComponent: MeetingsPage {
                        objectName: "meetingsPage"
                        onOpenRequested: entityId => window.openEntity(entityId)
                    }
                }
                LazyPage {
                    sourceComponent: SynopsisPage { objectName: "synopsisPage" }
                }
                LazyPage {
                    sourceComponent: ChartsPage {
                        objectName: "chartsPage"
                        onOpenRequested: entityId => window.openEntity(entityId)
                    }
                }
                LazyPage {
                    sourceComponent: ConflictsPage {
                        objectName: "conflictsPage"
                        onOpenRequested: entityId => window.openEntity(entityId)
                    }
                }
                LazyPage {
                    sourceComponent: SyncPage {
                        objectName: "syncPage"
                        onOpenRequested: entityId => window.openEntity(entityId)
                    }
                }
                LazyPage {
                    sourceComponent: SettingsPage { objectName: "settingsPage" }
                }
            }
            SyncStatusBar {
                Layout.fillWidth: true
                onDetailsRequested: window.page = "sync"
            }
        }
    }

    NoticeBar {
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: Theme.fontSize * 4
        z: 10
    }
}

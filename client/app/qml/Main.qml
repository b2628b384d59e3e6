// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

ApplicationWindow {
    id: window
    objectName: "mainWindow"
    // The size and place come from WindowSettings: as left last time, else fitted to the screen.
    minimumWidth: 960
    minimumHeight: 560
    visible: true
    color: Theme.window
    title: Session.municipalityName !== "" ? qsTr("Werkstattplan – %1").arg(Session.municipalityName)
                                           : qsTr("Werkstattplan")

    /**
     * The page shown, by its key: "plan", "dashboard", "review", "peers", "search", "meetings", "synopsis",
     * "charts", "conflicts", "sync", "settings" or "help" (PagesModel). Each page shows itself for its own key.
     */
    property string page: pageList.home(Session.office)
    /** Every page's key (tests show each once). */
    readonly property var pages: pageList.keys
    /** The plan views' timeline, folded to give the outline room on a small screen; remembered. */
    property alias timelineCollapsed: windowSettings.timelineCollapsed

    WindowSettings { id: windowSettings; window: window }
    PagesModel { id: pageList }
    FocusFollower { window: window }

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

    /** A new entry in the own plan, from anywhere (Ctrl+N and friends): the plan page opens with it. */
    function addToPlan(type) {
        page = "plan"
        planPage.active = true // made now if it was never shown
        planPage.item.add(type)
    }

    // Every shortcut is listed on the help page (HelpPage.qml); tst_screens checks that none is missing.
    Shortcut { sequences: [StandardKey.Undo]; enabled: Session.canUndo; onActivated: Session.undo() }
    Shortcut { sequences: ["Ctrl+Shift+Z", "Ctrl+Y"]; enabled: Session.canRedo; onActivated: Session.redo() }
    Shortcut { sequence: "Ctrl+F"; enabled: Session.ready; onActivated: { window.page = "search"; searchPage.item.focusQuery() } }
    Shortcut { sequence: "Ctrl+N"; enabled: Session.ready && Session.planId !== ""; onActivated: window.addToPlan("measure") }
    Shortcut { sequence: "Ctrl+Shift+G"; enabled: Session.ready && Session.planId !== ""; onActivated: window.addToPlan("goal") }
    Shortcut { sequence: "Ctrl+Shift+N"; enabled: Session.ready && Session.planId !== ""; onActivated: window.addToPlan("field_of_action") }
    Shortcut { sequence: "Ctrl+1"; enabled: Session.ready; onActivated: window.page = pageList.home(Session.office) }
    Shortcut { sequence: "Ctrl+2"; enabled: Session.ready; onActivated: window.page = "peers" }
    Shortcut { sequence: "Ctrl+3"; enabled: Session.ready; onActivated: window.page = "search" }
    Shortcut { sequence: "Ctrl+4"; enabled: Session.ready; onActivated: window.page = "meetings" }
    Shortcut { sequence: "Ctrl+5"; enabled: Session.ready; onActivated: window.page = "synopsis" }
    Shortcut { sequence: "Ctrl+6"; enabled: Session.ready; onActivated: window.page = "charts" }
    Shortcut { sequence: "Ctrl+7"; enabled: Session.ready; onActivated: window.page = "conflicts" }
    Shortcut { sequence: "Ctrl+8"; enabled: Session.ready; onActivated: window.page = "sync" }
    Shortcut { sequence: "Ctrl+T"; enabled: Session.ready; onActivated: window.timelineCollapsed = !window.timelineCollapsed }
    Shortcut { sequence: "F1"; enabled: Session.ready; onActivated: window.page = "help" }

    SetupPage {
        objectName: "setupPage"
        anchors.fill: parent
        visible: !Session.ready
    }

    RowLayout {
        anchors.fill: parent
        visible: Session.ready
        spacing: 0

        Sidebar {
            page: window.page
            onPageRequested: requested => window.page = requested
            Layout.fillHeight: true
            Layout.preferredWidth: Theme.fontSize * 16
        }

        ColumnLayout {
            spacing: 0
            Layout.fillWidth: true
            Layout.fillHeight: true

            DataNoticeBanner { Layout.fillWidth: true }
            Item {
                Layout.fillWidth: true
                Layout.fillHeight: true
                LazyPage {
                    id: planPage
                    anchors.fill: parent
                    visible: window.page === "plan"
                    sourceComponent: MyPlanPage { objectName: "myPlanPage" }
                }
                LazyPage {
                    anchors.fill: parent
                    visible: window.page === "dashboard"
                    sourceComponent: DashboardPage {
                        objectName: "dashboardPage"
                        onReviewRequested: (planId, municipality) => window.openReview(planId, municipality)
                    }
                }
                LazyPage {
                    id: reviewPage
                    anchors.fill: parent
                    visible: window.page === "review"
                    sourceComponent: ReviewPage {
                        objectName: "reviewPage"
                        onOpenRequested: entityId => window.openEntity(entityId)
                        onBackRequested: window.page = "dashboard"
                    }
                }
                LazyPage {
                    id: peersPage
                    anchors.fill: parent
                    visible: window.page === "peers"
                    sourceComponent: PeersPage { objectName: "peersPage" }
                }
                LazyPage {
                    id: searchPage
                    anchors.fill: parent
                    visible: window.page === "search"
                    sourceComponent: SearchPage {
                        objectName: "searchPage"
                        onOpenRequested: entityId => window.openEntity(entityId)
                    }
                }
                LazyPage {
                    anchors.fill: parent
                    visible: window.page === "meetings"
                    sourceComponent: MeetingsPage {
                        objectName: "meetingsPage"
                        onOpenRequested: entityId => window.openEntity(entityId)
                    }
                }
                LazyPage {
                    anchors.fill: parent
                    visible: window.page === "synopsis"
                    sourceComponent: SynopsisPage { objectName: "synopsisPage" }
                }
                LazyPage {
                    anchors.fill: parent
                    visible: window.page === "charts"
                    sourceComponent: ChartsPage {
                        objectName: "chartsPage"
                        onOpenRequested: entityId => window.openEntity(entityId)
                    }
                }
                LazyPage {
                    anchors.fill: parent
                    visible: window.page === "conflicts"
                    sourceComponent: ConflictsPage {
                        objectName: "conflictsPage"
                        onOpenRequested: entityId => window.openEntity(entityId)
                    }
                }
                LazyPage {
                    anchors.fill: parent
                    visible: window.page === "sync"
                    sourceComponent: SyncPage {
                        objectName: "syncPage"
                        onOpenRequested: entityId => window.openEntity(entityId)
                    }
                }
                LazyPage {
                    anchors.fill: parent
                    visible: window.page === "settings"
                    sourceComponent: SettingsPage { objectName: "settingsPage" }
                }
                LazyPage {
                    anchors.fill: parent
                    visible: window.page === "help"
                    sourceComponent: HelpPage { objectName: "helpPage" }
                }
            }
            SyncStatusBar {
                Layout.fillWidth: true
                onDetailsRequested: window.page = "sync"
                onConflictsRequested: window.page = "conflicts"
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

// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// The municipality's own plan.
Page {
    id: root
    function select(entityId) { view.select(entityId) }
    /** A new entry of type where the selection says (Ctrl+N and friends); nothing if the plan is not editable. */
    function add(type) { view.addNew(type) }

    background: Rectangle { color: Theme.window }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        ReviewStatusBar {
            planId: Session.planId
            visible: Session.planId !== "" && !Session.localOnly && !Session.firstSync
            Layout.fillWidth: true
            Layout.leftMargin: Theme.padding
            Layout.rightMargin: Theme.padding
            Layout.topMargin: Theme.padding
        }
        FirstSyncView {
            visible: Session.firstSync
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
        PlanView {
            id: view
            visible: !Session.firstSync
            planId: Session.planId
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
    }
}

// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// The municipality's own plan.
Page {
    id: root
    function select(entityId) { view.select(entityId) }

    background: Rectangle { color: Theme.window }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        ReviewStatusBar {
            planId: Session.planId
            visible: Session.planId !== "" && !Session.localOnly
            Layout.fillWidth: true
            Layout.leftMargin: Theme.padding
            Layout.rightMargin: Theme.padding
            Layout.topMargin: Theme.padding
        }
        PlanView {
            id: view
            planId: Session.planId
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
    }
}

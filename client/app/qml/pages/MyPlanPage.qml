// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Werkstattplan

// The municipality's own plan.
Page {
    id: root
    function select(entityId) { view.select(entityId) }

    background: Rectangle { color: Theme.window }

    PlanView {
        id: view
        anchors.fill: parent
        planId: Session.planId
    }
}

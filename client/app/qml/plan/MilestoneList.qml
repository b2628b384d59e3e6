// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// The milestones of a measure: title, due date, done; added, edited, reordered and deleted in place.
ColumnLayout {
    id: root
    property string entityId // the measure
    property bool editable: false

    spacing: Theme.spacing

    MilestonesModel { id: milestones; measureId: root.entityId }

    RowLayout {
        Layout.fillWidth: true
        Label {
            text: milestones.count > 0 ? qsTr("%1 von %2 erledigt").arg(milestones.doneCount).arg(milestones.count)
                                       : qsTr("Noch keine Meilensteine.")
            color: Theme.mutedText
            Layout.fillWidth: true
        }
        Button {
            objectName: "addMilestone"
            visible: root.editable
            text: qsTr("+ Meilenstein")
            onClicked: {
                const id = Session.addEntity("milestone", root.entityId, qsTr("Neuer Meilenstein"))
                if (id !== "")
                    list.focusTitleOf(id)
            }
        }
    }

    ListView {
        id: list
        objectName: "milestoneList"
        model: milestones
        clip: true
        spacing: Theme.spacing / 2
        boundsBehavior: Flickable.StopAtBounds
        Layout.fillWidth: true
        Layout.fillHeight: true
        ScrollBar.vertical: ScrollBar {}
        Accessible.name: qsTr("Meilensteine")
        Accessible.role: Accessible.List

        /** After adding: put the cursor into the new milestone's title, once its row exists. */
        property string pendingFocus: ""
        function focusTitleOf(id) {
            pendingFocus = id
            tryFocus()
        }
        function tryFocus() {
            const row = milestones.indexOf(pendingFocus)
            if (row < 0)
                return
            positionViewAtIndex(row, ListView.Contain)
            const item = itemAtIndex(row)
            if (item) {
                item.focusTitle()
                pendingFocus = ""
            }
        }
        Connections {
            target: milestones
            function onRefreshed() { if (list.pendingFocus !== "") Qt.callLater(list.tryFocus) }
        }

        delegate: MilestoneDelegate {
            width: ListView.view.width
            editable: root.editable
        }
    }
}

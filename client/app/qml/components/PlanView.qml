// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// One plan: its outline of fields of action → goals → measures, its timeline and the editor of the selected
// entry. Editable where the account may edit the plan, read-only otherwise (a peer's plan: comments only).
Item {
    id: root
    property string planId
    /** Prefixes the object names of the view's parts, so two plan views in one window stay apart. */
    property string namePrefix: ""
    property string selectedId: ""
    // Read through notifying properties first, so the binding follows sign-in and plan changes.
    readonly property bool editable: Session.ready && planId !== "" && Session.mayEdit(planId)

    function select(entityId) {
        selectedId = entityId
        const row = outline.indexOf(entityId)
        if (row >= 0)
            outlineView.currentIndex = row
    }

    // Where a new entry of each kind goes, given the selected one (the plan when nothing is selected).
    function parentFor(type) {
        return Session.parentForNew(type, selectedId !== "" ? selectedId : planId)
    }
    function add(type, defaultTitle) {
        const parent = parentFor(type)
        if (parent === "")
            return
        const id = Session.addEntity(type, parent, defaultTitle)
        if (id !== "") {
            outline.setExpanded(parent, true)
            select(id)
        }
    }

    PlanOutlineModel { id: outline; planId: root.planId }
    // An entry selected before the outline had read it (opened from search or another page) becomes current once read.
    Connections {
        target: outline
        function onRefreshed() {
            const row = outline.indexOf(root.selectedId)
            if (row >= 0 && row !== outlineView.currentIndex)
                outlineView.currentIndex = row
        }
    }
    EntityFieldsModel { id: planFields; entityId: root.planId }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            Label {
                objectName: root.namePrefix + "planTitle"
                text: planFields.title
                font.pixelSize: Theme.titleFont
                font.bold: true
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
        }
        TimelineStrip {
            Layout.fillWidth: true
            planId: root.planId
            selectedId: root.selectedId
            onSelected: entityId => root.select(entityId)
        }

        SplitView {
            Layout.fillWidth: true
            Layout.fillHeight: true

            Pane {
                SplitView.preferredWidth: parent.width * 0.42
                SplitView.minimumWidth: Theme.fontSize * 20
                padding: 0
                background: Rectangle { color: Theme.surface; border.color: Theme.border; radius: Theme.radius }

                ColumnLayout {
                    anchors.fill: parent
                    spacing: 0

                    Flow {
                        Layout.fillWidth: true
                        Layout.margins: Theme.spacing
                        spacing: Theme.spacing / 2
                        visible: root.editable
                        ToolButton {
                            objectName: "addFieldOfAction"
                            text: qsTr("+ Handlungsfeld")
                            onClicked: root.add("field_of_action", qsTr("Neues Handlungsfeld"))
                        }
                        ToolButton {
                            objectName: "addGoal"
                            text: qsTr("+ Ziel")
                            enabled: root.parentFor("goal") !== ""
                            onClicked: root.add("goal", qsTr("Neues Ziel"))
                        }
                        ToolButton {
                            objectName: "addMeasure"
                            text: qsTr("+ Maßnahme")
                            enabled: root.parentFor("measure") !== ""
                            onClicked: root.add("measure", qsTr("Neue Maßnahme"))
                        }
                        ToolButton {
                            objectName: "moveUp"
                            text: "↑"
                            enabled: root.selectedId !== ""
                            Accessible.name: qsTr("Nach oben verschieben")
                            ToolTip.visible: hovered
                            ToolTip.text: Accessible.name
                            onClicked: Session.moveEntity(root.selectedId, -1)
                        }
                        ToolButton {
                            objectName: "moveDown"
                            text: "↓"
                            enabled: root.selectedId !== ""
                            Accessible.name: qsTr("Nach unten verschieben")
                            ToolTip.visible: hovered
                            ToolTip.text: Accessible.name
                            onClicked: Session.moveEntity(root.selectedId, 1)
                        }
                        ToolButton {
                            objectName: "deleteEntry"
                            text: qsTr("Löschen")
                            enabled: root.selectedId !== ""
                            onClicked: Session.removeEntity(root.selectedId)
                        }
                    }
                    MenuSeparator { Layout.fillWidth: true; visible: root.editable }

                    ListView {
                        id: outlineView
                        objectName: root.namePrefix + "planOutline"
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        clip: true
                        model: outline
                        keyNavigationEnabled: true
                        activeFocusOnTab: true
                        boundsBehavior: Flickable.StopAtBounds
                        ScrollBar.vertical: ScrollBar {}
                        Accessible.name: qsTr("Gliederung des Plans")
                        Accessible.role: Accessible.Tree
                        onCurrentIndexChanged: {
                            const row = outline.get(currentIndex)
                            if (row.entityId !== undefined)
                                root.selectedId = row.entityId
                        }
                        Keys.onLeftPressed: { const row = outline.get(currentIndex); if (row.entityId) outline.setExpanded(row.entityId, false) }
                        Keys.onRightPressed: { const row = outline.get(currentIndex); if (row.entityId) outline.setExpanded(row.entityId, true) }
                        Keys.onDeletePressed: if (root.editable && root.selectedId !== "") Session.removeEntity(root.selectedId)
                        delegate: OutlineDelegate {
                            current: entityId === root.selectedId
                            onClicked: { outlineView.currentIndex = index; outlineView.forceActiveFocus() }
                            onToggleRequested: outline.setExpanded(entityId, !expanded)
                        }
                        Label {
                            anchors.centerIn: parent
                            width: parent.width - Theme.padding * 2
                            visible: outline.count === 0
                            wrapMode: Text.Wrap
                            horizontalAlignment: Text.AlignHCenter
                            color: Theme.mutedText
                            text: root.editable ? qsTr("Ihr Plan ist noch leer. Legen Sie mit „+ Handlungsfeld“ das erste Handlungsfeld an.")
                                                : qsTr("Dieser Plan hat noch keine Einträge.")
                        }
                    }
                    DeletedEntries {
                        Layout.fillWidth: true
                        planId: root.planId
                        editable: root.editable
                    }
                }
            }

            EntityEditor {
                id: editor
                objectName: root.namePrefix + "entityEditor"
                SplitView.fillWidth: true
                entityId: root.selectedId !== "" ? root.selectedId : root.planId
                onConflictRequested: conflictId => conflictDialog.show(conflictId)
            }
        }
    }

    ConflictDialog { id: conflictDialog }
}

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
    // The plan's EntityFieldsModel reads again after every change: editable follows the plan's arrival.
    // Nothing is created while the first sync brings the plan (Session.firstSync): it only looks empty.
    readonly property bool editable: Session.ready && !Session.firstSync && planId !== "" && planFields.editable
    /** A selection that still stands: a live entry of this plan (after a sync, an undo or a change of replica it may not). */
    readonly property bool hasSelection: selectedId !== "" && Session.revision >= 0 && Session.isLive(selectedId)
                                         && Session.planOf(selectedId) === planId

    // A selection from another replica (local work taken into an account) or another plan means nothing here.
    onPlanIdChanged: clearSelection()
    Connections {
        target: Session
        function onAccountChanged() { root.clearSelection() }
    }
    function clearSelection() {
        selectedId = ""
        outlineView.currentIndex = -1
    }

    function select(entityId) {
        selectedId = entityId
        const row = outline.indexOf(entityId)
        if (row >= 0)
            outlineView.currentIndex = row
    }

    // Where a new entry of each kind goes, given the selected one (the plan when nothing is selected).
    function parentFor(type) {
        return Session.parentForNew(type, hasSelection ? selectedId : planId)
    }
    function add(type, defaultTitle) {
        const parent = parentFor(type)
        if (parent === "")
            return
        const id = Session.addEntity(type, parent, defaultTitle)
        if (id !== "") {
            outline.setExpanded(parent, true)
            select(id)
            editor.focusTitle() // typing names the new entry
        }
    }

    /** The keyboard's way to the add buttons: the same entry, with the same default title. */
    function addNew(type) {
        if (!root.editable || parentFor(type) === "")
            return
        const titles = { field_of_action: qsTr("Neues Handlungsfeld"), goal: qsTr("Neues Ziel"), measure: qsTr("Neue Maßnahme") }
        add(type, titles[type])
    }

    PlanOutlineModel { id: outline; planId: root.planId }
    // An entry selected before the outline had read it (opened from search or another page) becomes current once read.
    Connections {
        target: outline
        function onRefreshed() {
            // Deleted or gone meanwhile (a sync, an undo): nothing is selected, the plan's fields show.
            if (root.selectedId !== "" && !root.hasSelection)
                return root.clearSelection()
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
            PlanPrintButtons { planId: root.planId; namePrefix: root.namePrefix }
        }
        TimelineStrip {
            // The window remembers whether the timeline is folded (ApplicationWindow.window: Main.qml).
            readonly property var appWindow: ApplicationWindow.window
            Layout.fillWidth: true
            planId: root.planId
            selectedId: root.selectedId
            collapsed: appWindow !== null && appWindow.timelineCollapsed === true
            // A low window keeps room for the outline: three lanes, the rest scrolls.
            maxLanes: root.height < Theme.fontSize * 56 ? 3 : 6
            onSelected: entityId => root.select(entityId)
            onCollapseToggled: if (appWindow) appWindow.timelineCollapsed = !appWindow.timelineCollapsed
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
                            ToolTip.visible: hovered || visualFocus
                            ToolTip.delay: 300
                            ToolTip.text: qsTr("%1 (%2)").arg(qsTr("Neues Handlungsfeld")).arg(Vocabulary.shortcutText("Ctrl+Shift+N"))
                            text: qsTr("+ Handlungsfeld")
                            onClicked: root.add("field_of_action", qsTr("Neues Handlungsfeld"))
                        }
                        ToolButton {
                            objectName: "addGoal"
                            ToolTip.visible: hovered || visualFocus
                            ToolTip.delay: 300
                            ToolTip.text: qsTr("%1 (%2)").arg(qsTr("Neues Ziel")).arg(Vocabulary.shortcutText("Ctrl+Shift+G"))
                            text: qsTr("+ Ziel")
                            enabled: root.parentFor("goal") !== ""
                            onClicked: root.add("goal", qsTr("Neues Ziel"))
                        }
                        ToolButton {
                            objectName: "addMeasure"
                            ToolTip.visible: hovered || visualFocus
                            ToolTip.delay: 300
                            ToolTip.text: qsTr("%1 (%2)").arg(qsTr("Neue Maßnahme")).arg(Vocabulary.shortcutText("Ctrl+N"))
                            text: qsTr("+ Maßnahme")
                            enabled: root.parentFor("measure") !== ""
                            onClicked: root.add("measure", qsTr("Neue Maßnahme"))
                        }
                        ToolButton {
                            objectName: "moveUp"
                            text: "↑"
                            enabled: root.hasSelection
                            Accessible.name: qsTr("Nach oben verschieben")
                            ToolTip.visible: hovered
                            ToolTip.text: Accessible.name
                            onClicked: Session.moveEntity(root.selectedId, -1)
                        }
                        ToolButton {
                            objectName: "moveDown"
                            text: "↓"
                            enabled: root.hasSelection
                            Accessible.name: qsTr("Nach unten verschieben")
                            ToolTip.visible: hovered
                            ToolTip.text: Accessible.name
                            onClicked: Session.moveEntity(root.selectedId, 1)
                        }
                        ToolButton {
                            objectName: "deleteEntry"
                            text: qsTr("Löschen")
                            enabled: root.hasSelection
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
                        Keys.onDeletePressed: if (root.editable && root.hasSelection) Session.removeEntity(root.selectedId)
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
                entityId: root.hasSelection ? root.selectedId : root.planId
                onConflictRequested: conflictId => conflictDialog.show(conflictId)
            }
        }
    }

    ConflictDialog { id: conflictDialog }
}

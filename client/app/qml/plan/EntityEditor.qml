// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// Everything about one entry of a plan: its fields, milestones (measures), comments and history.
Pane {
    id: root
    property alias entityId: fields.entityId
    readonly property alias entityType: fields.entityType
    signal conflictRequested(string conflictId)

    /**
     * A new entry: its fields shown from the top with the title focused and selected, so what is typed
     * names it (and a space does not press the button that added it again).
     */
    function focusTitle() {
        tabs.currentKey = "fields"
        fieldScroll.contentItem.contentY = 0
        Qt.callLater(() => {
            for (let i = 0; i < fieldRepeater.count; ++i) {
                const editor = fieldRepeater.itemAt(i)
                if (editor && editor.name === "title") {
                    editor.focusEditor()
                    return
                }
            }
        })
    }

    padding: Theme.padding
    background: Rectangle { color: Theme.surface; border.color: Theme.border; radius: Theme.radius }

    EntityFieldsModel { id: fields }
    EditorTabsModel {
        id: tabModel
        entityId: root.entityId
        // Another entry may lack the tab that was open: its fields then.
        onRefreshed: tabs.currentKey = tabModel.offered(tabs.currentKey)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing
        visible: fields.exists

        Label {
            text: Vocabulary.typeLabel(fields.entityType)
            color: Theme.mutedText
        }
        Label {
            objectName: "editorTitle"
            text: fields.title
            font.pixelSize: Theme.headingFont
            font.bold: true
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Rectangle {
            visible: fields.deleted
            Layout.fillWidth: true
            color: Theme.conflictBackground
            radius: Theme.radius
            implicitHeight: deletedRow.implicitHeight + Theme.spacing * 2
            RowLayout {
                id: deletedRow
                anchors.fill: parent
                anchors.margins: Theme.spacing
                Label { text: qsTr("Dieser Eintrag ist gelöscht."); Layout.fillWidth: true }
                Button {
                    objectName: "restoreButton"
                    text: qsTr("Wiederherstellen")
                    onClicked: Session.restoreEntity(root.entityId)
                }
            }
        }
        Button {
            visible: fields.lifecycleConflictId !== ""
            text: qsTr("Konflikt: gelöscht und zugleich bearbeitet – ansehen")
            onClicked: root.conflictRequested(fields.lifecycleConflictId)
        }

        TabBar {
            id: tabs
            Layout.fillWidth: true
            property string currentKey: "fields"
            currentIndex: tabModel.keys.indexOf(currentKey)
            spacing: 0
            background: Rectangle {
                color: Theme.surface
                Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.border }
            }
            Repeater {
                model: tabModel
                delegate: EditorTab {
                    required property string key
                    required property string label
                    objectName: "tab" + key.charAt(0).toUpperCase() + key.slice(1)
                    text: label
                    checked: tabs.currentKey === key
                    onClicked: tabs.currentKey = key
                }
            }
        }

        // Each tab's page is shown by its key, so no list of keys has to match the order of these children.
        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true

            ScrollView {
                id: fieldScroll
                objectName: "fieldScroll"
                anchors.fill: parent
                visible: tabs.currentKey === "fields"
                contentWidth: availableWidth
                ColumnLayout {
                    width: fieldScroll.availableWidth
                    spacing: Theme.padding
                    Repeater {
                        id: fieldRepeater
                        model: fields
                        delegate: FieldEditor {
                            Layout.fillWidth: true
                            entityId: root.entityId
                            entityType: fields.entityType
                            onConflictRequested: id => root.conflictRequested(id)
                        }
                    }
                }
            }
            MilestoneList {
                anchors.fill: parent
                visible: tabs.currentKey === "milestones"
                entityId: root.entityId
                editable: fields.editable
            }
            CommentList { anchors.fill: parent; visible: tabs.currentKey === "comments"; entityId: root.entityId }
            HistoryList { anchors.fill: parent; visible: tabs.currentKey === "history"; entityId: root.entityId }
        }
    }
    Label {
        anchors.centerIn: parent
        visible: !fields.exists
        text: qsTr("Wählen Sie links einen Eintrag aus.")
        color: Theme.mutedText
    }
}

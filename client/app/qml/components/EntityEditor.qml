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
            // Tabs that do not apply are left out rather than hidden, so the bar has no gap.
            readonly property var allKeys: ["fields", "milestones", "comments", "history"]
            // Comments belong to plans: meetings and municipalities have none.
            readonly property var keys: allKeys.filter(k => (k !== "milestones" || fields.entityType === "measure")
                                                           && (k !== "comments" || Session.planOf(root.entityId) !== ""))
            readonly property var labels: ({ fields: qsTr("Angaben"), milestones: qsTr("Meilensteine"),
                                             comments: qsTr("Kommentare"), history: qsTr("Verlauf") })
            property string currentKey: "fields"
            onKeysChanged: if (keys.indexOf(currentKey) < 0) currentKey = "fields"
            currentIndex: keys.indexOf(currentKey)
            spacing: 0
            background: Rectangle {
                color: Theme.surface
                Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.border }
            }
            Repeater {
                model: tabs.keys
                delegate: EditorTab {
                    required property string modelData
                    objectName: "tab" + modelData.charAt(0).toUpperCase() + modelData.slice(1)
                    text: tabs.labels[modelData]
                    checked: tabs.currentKey === modelData
                    onClicked: tabs.currentKey = modelData
                }
            }
        }

        StackLayout {
            currentIndex: tabs.allKeys.indexOf(tabs.currentKey)
            Layout.fillWidth: true
            Layout.fillHeight: true

            ScrollView {
                id: fieldScroll
                objectName: "fieldScroll"
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
            MilestoneList { entityId: root.entityId; editable: fields.editable }
            CommentList { entityId: root.entityId }
            HistoryList { entityId: root.entityId }
        }
    }
    Label {
        anchors.centerIn: parent
        visible: !fields.exists
        text: qsTr("Wählen Sie links einen Eintrag aus.")
        color: Theme.mutedText
    }
}

// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// The plan's deleted entries, folded away until wanted; each can be restored.
ColumnLayout {
    id: root
    property alias planId: deleted.planId
    property bool editable: false
    property bool open: false

    visible: deleted.count > 0
    spacing: 0

    DeletedEntriesModel { id: deleted }

    ItemDelegate {
        objectName: "deletedEntriesToggle"
        Layout.fillWidth: true
        text: (root.open ? "▾ " : "▸ ") + qsTr("Gelöschte Einträge (%1)").arg(deleted.count)
        Accessible.name: qsTr("Gelöschte Einträge (%1)").arg(deleted.count)
        onClicked: root.open = !root.open
    }
    ListView {
        objectName: "deletedEntriesList"
        visible: root.open
        Layout.fillWidth: true
        Layout.preferredHeight: Math.min(contentHeight, Theme.fontSize * 14)
        clip: true
        model: deleted
        delegate: RowLayout {
            required property string entityId
            required property string entityType
            required property string title
            required property string deletedBy
            required property string deletedAt
            width: ListView.view.width
            spacing: Theme.spacing
            ColumnLayout {
                spacing: 0
                Layout.fillWidth: true
                Layout.leftMargin: Theme.padding
                Label { text: entityType + ": " + title; elide: Text.ElideRight; Layout.fillWidth: true }
                Label {
                    text: qsTr("gelöscht von %1 am %2").arg(deletedBy).arg(deletedAt)
                    color: Theme.mutedText
                    font.pixelSize: Theme.smallFont
                }
            }
            Button {
                text: qsTr("Wiederherstellen")
                visible: root.editable
                Accessible.name: qsTr("%1 wiederherstellen").arg(Vocabulary.quoted(title))
                onClicked: Session.restoreEntity(entityId)
            }
        }
    }
}

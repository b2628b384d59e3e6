// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// One conflict: both values side by side (this device's first), each kept in one step, or both merged into a new text.
ColumnLayout {
    id: root
    property string conflictId
    /** After the conflict was resolved here. */
    signal resolved()

    spacing: Theme.spacing

    function resolve(side, value) {
        if (Session.resolveConflict(root.conflictId, side, value))
            root.resolved()
    }

    ConflictsModel { id: conflicts; conflictId: root.conflictId }

    Label {
        visible: conflicts.count === 0
        text: qsTr("Dieser Konflikt ist geklärt.")
        color: Theme.mutedText
        Layout.fillWidth: true
        wrapMode: Text.Wrap
    }

    Repeater {
        model: conflicts
        delegate: ColumnLayout {
            id: conflict
            required property string conflictId
            required property string kind
            required property string entityType
            required property string entityTitle
            required property string fieldLabel
            required property string fieldKind
            required property string keptValue
            required property string keptDisplay
            required property string keptAuthor
            required property string keptDevice
            required property string keptTime
            required property string otherValue
            required property string otherDisplay
            required property string otherAuthor
            required property string otherDevice
            required property string otherTime
            required property string keptOrigin
            required property string otherOrigin
            required property bool keptIsThisDevice
            required property bool editable
            readonly property bool deletion: kind === "edit_vs_delete"
            // The other side first only when it is this device's and the kept one is not.
            readonly property int keptPlace: !keptIsThisDevice && otherDevice === Session.device ? 1 : 0
            property bool merging: false

            Layout.fillWidth: true
            spacing: Theme.spacing

            function heading(thisDevice) {
                return thisDevice ? qsTr("Auf diesem Gerät") : qsTr("Auf einem anderen Gerät")
            }

            Label {
                text: conflict.deletion
                      ? qsTr("%1 (%2) wurde gelöscht und zugleich anderswo bearbeitet (%3).")
                            .arg(Vocabulary.quoted(conflict.entityTitle)).arg(conflict.entityType).arg(conflict.fieldLabel)
                      : qsTr("%1 von %2 (%3) wurde zugleich auf zwei Geräten geändert.")
                            .arg(conflict.fieldLabel).arg(Vocabulary.quoted(conflict.entityTitle)).arg(conflict.entityType)
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }

            RowLayout {
                id: sides
                // This device's side first (left), where people look first.
                layoutDirection: conflict.keptPlace === 1 ? Qt.RightToLeft : Qt.LeftToRight
                spacing: Theme.spacing
                Layout.fillWidth: true

                ConflictSide {
                    objectName: "conflictSideKept"
                    keepName: "conflictKeepKept"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredWidth: Theme.fontSize * 20 // equal halves
                    heading: conflict.heading(conflict.keptIsThisDevice)
                    display: conflict.keptDisplay
                    deletion: conflict.deletion
                    current: true
                    author: conflict.keptAuthor
                    device: conflict.keptDevice
                    origin: conflict.keptOrigin
                    time: conflict.keptTime
                    editable: conflict.editable
                    keepText: conflict.deletion ? qsTr("Gelöscht lassen") : qsTr("Diesen Wert behalten")
                    onKeepRequested: root.resolve("kept")
                }
                ConflictSide {
                    objectName: "conflictSideOther"
                    keepName: "conflictKeepOther"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredWidth: Theme.fontSize * 20 // equal halves
                    heading: conflict.heading(conflict.otherDevice === Session.device)
                    display: conflict.otherDisplay
                    author: conflict.otherAuthor
                    device: conflict.otherDevice
                    origin: conflict.otherOrigin
                    time: conflict.otherTime
                    editable: conflict.editable
                    keepText: conflict.deletion ? qsTr("Wiederherstellen mit Änderung") : qsTr("Diesen Wert behalten")
                    onKeepRequested: root.resolve("other")
                }
            }

            Button {
                objectName: "conflictMerge"
                visible: conflict.editable && !conflict.deletion && !conflict.merging
                         && (conflict.fieldKind === "text" || conflict.fieldKind === "longtext")
                text: qsTr("Zusammenführen…")
                Accessible.name: qsTr("Beide Werte zu einem neuen zusammenführen")
                onClicked: {
                    const separator = conflict.fieldKind === "longtext" ? "\n\n" : " / "
                    mergeText.text = [conflict.keptValue, conflict.otherValue].filter(v => v !== "").join(separator)
                    conflict.merging = true
                    mergeText.forceActiveFocus()
                }
            }
            ColumnLayout {
                visible: conflict.merging
                Layout.fillWidth: true
                spacing: Theme.spacing / 2
                Label {
                    text: qsTr("Beide Werte stehen unten. Bearbeiten Sie den Text so, wie er gelten soll:")
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                TextArea {
                    id: mergeText
                    objectName: "conflictMergeText"
                    wrapMode: TextEdit.Wrap
                    Layout.fillWidth: true
                    Layout.preferredHeight: Math.max(implicitHeight, Theme.fontSize * 6)
                    Accessible.name: qsTr("Zusammengeführter Wert von %1").arg(conflict.fieldLabel)
                    background: Rectangle {
                        color: Theme.surface
                        border.color: mergeText.activeFocus ? Theme.focus : Theme.border
                        border.width: mergeText.activeFocus ? 2 : 1
                        radius: Theme.radius
                    }
                }
                RowLayout {
                    Button {
                        objectName: "conflictMergeSave"
                        text: qsTr("Zusammengeführten Wert speichern")
                        highlighted: true
                        onClicked: root.resolve("merged", mergeText.text)
                    }
                    Button {
                        text: qsTr("Abbrechen")
                        onClicked: conflict.merging = false
                    }
                }
            }
            Label {
                visible: !conflict.editable
                text: qsTr("Sie können diesen Konflikt ansehen; klären kann ihn nur die Kommune, der der Plan gehört.")
                color: Theme.mutedText
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }
    }
}

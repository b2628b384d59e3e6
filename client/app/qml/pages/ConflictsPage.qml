// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// The conflicts inbox: every open conflict in short, each opened in place to be resolved, or shown in the plan.
Page {
    id: root
    signal openRequested(string entityId)
    /** The conflict opened in the list (rows are read again after every change, so it is kept by id). */
    property string openedId: ""

    title: qsTr("Konflikte")
    background: Rectangle { color: Theme.window }

    ConflictsModel { id: conflicts }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        Label {
            text: qsTr("Konflikte")
            font.pixelSize: Theme.titleFont
            font.bold: true
        }
        Label {
            visible: conflicts.count > 0
            text: qsTr("Hier wurde derselbe Wert zugleich an zwei Stellen geändert. Bis Sie entscheiden, gilt der neuere Wert; der andere geht nicht verloren.")
            color: Theme.mutedText
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }

        ListView {
            id: list
            objectName: "conflictsList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.spacing
            model: conflicts
            activeFocusOnTab: true
            keyNavigationEnabled: true
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}
            Accessible.name: qsTr("Offene Konflikte")

            delegate: Pane {
                id: row
                required property int index
                required property string conflictId
                required property string kind
                required property string entityId
                required property string entityType
                required property string entityTitle
                required property string municipality
                required property string fieldLabel
                required property string keptDisplay
                required property string otherDisplay
                readonly property bool opened: root.openedId === conflictId

                width: ListView.view.width
                padding: Theme.spacing
                background: Rectangle {
                    color: Theme.surface
                    border.color: row.ListView.isCurrentItem && list.activeFocus ? Theme.focus : Theme.conflict
                    border.width: row.ListView.isCurrentItem && list.activeFocus ? 2 : 1
                    radius: Theme.radius
                }

                ColumnLayout {
                    anchors.left: parent.left
                    anchors.right: parent.right
                    spacing: Theme.spacing / 2

                    Label {
                        text: [row.municipality, row.entityType + " " + Vocabulary.quoted(row.entityTitle), row.fieldLabel]
                                  .filter(s => s !== "").join(" · ")
                        font.bold: true
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                    Label {
                        visible: !row.opened
                        text: row.kind === "edit_vs_delete"
                              ? qsTr("gelöscht ↔ geändert: %1").arg(row.otherDisplay !== "" ? row.otherDisplay : qsTr("(leer)"))
                              : (row.keptDisplay !== "" ? row.keptDisplay : qsTr("(leer)")) + "  ↔  "
                                + (row.otherDisplay !== "" ? row.otherDisplay : qsTr("(leer)"))
                        textFormat: Text.PlainText
                        maximumLineCount: 2
                        elide: Text.ElideRight
                        wrapMode: Text.Wrap
                        color: Theme.mutedText
                        Layout.fillWidth: true
                    }
                    ConflictView {
                        visible: row.opened
                        conflictId: row.opened ? row.conflictId : ""
                        Layout.fillWidth: true
                    }
                    RowLayout {
                        spacing: Theme.spacing
                        Button {
                            objectName: "conflictOpen_" + row.index
                            text: row.opened ? qsTr("Schließen") : qsTr("Ansehen und klären")
                            Accessible.name: (row.opened ? qsTr("Schließen") : qsTr("Ansehen und klären"))
                                             + ": " + row.entityTitle + ", " + row.fieldLabel
                            onClicked: root.openedId = row.opened ? "" : row.conflictId
                        }
                        Button {
                            objectName: "conflictShowInPlan_" + row.index
                            text: qsTr("Im Plan zeigen")
                            Accessible.name: qsTr("Im Plan zeigen") + ": " + row.entityTitle
                            onClicked: root.openRequested(row.entityId)
                        }
                    }
                }
            }

            Label {
                anchors.centerIn: parent
                width: parent.width - Theme.padding * 2
                visible: conflicts.count === 0
                objectName: "conflictsEmpty"
                text: qsTr("Keine offenen Konflikte. Alles, was auf Ihren Geräten geändert wurde, passt zusammen.")
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
                color: Theme.mutedText
            }
        }
    }
}

// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// The office reviews one plan: what changed since the previously submitted version, item by item;
// review notes on any item; the review status.
Page {
    id: root
    property string planId: ""
    property string municipality: ""
    /** The item the notes are about: the plan, or the entry chosen in the changes. */
    property string noteTarget: planId
    signal openRequested(string entityId)
    signal backRequested()

    title: qsTr("Prüfung")
    background: Rectangle { color: Theme.window }
    onPlanIdChanged: noteTarget = planId

    PlanVersionsModel { id: versions; planId: root.planId }
    PlanDiffModel {
        id: diff
        planId: root.planId
        toVersion: compareWith.currentIndex === 1 ? "current" : ""
    }
    EntityFieldsModel { id: plan; entityId: root.planId }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            ToolButton {
                objectName: "reviewBack"
                text: qsTr("← Übersicht")
                onClicked: root.backRequested()
            }
            Label {
                objectName: "reviewTitle"
                text: qsTr("Prüfung: %1").arg(plan.title)
                font.pixelSize: Theme.titleFont
                font.bold: true
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            ExportButtons { kinds: ["pdf"]; planId: root.planId }
        }
        ReviewStatusBar {
            planId: root.planId
            Layout.fillWidth: true
        }

        SplitView {
            Layout.fillWidth: true
            Layout.fillHeight: true

            ColumnLayout {
                SplitView.fillWidth: true
                spacing: Theme.spacing
                RowLayout {
                    Layout.fillWidth: true
                    ComboBox {
                        id: compareWith
                        objectName: "reviewCompareWith"
                        Layout.preferredWidth: Theme.fontSize * 26
                        model: [qsTr("Änderungen zur vorigen Einreichung"), qsTr("Änderungen seit der letzten Einreichung")]
                        Accessible.name: qsTr("Was verglichen wird")
                    }
                    Label {
                        text: diff.comparison
                        color: Theme.mutedText
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                }
                ListView {
                    id: changes
                    objectName: "reviewDiff"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    spacing: Theme.spacing / 2
                    model: diff
                    activeFocusOnTab: true
                    keyNavigationEnabled: true
                    boundsBehavior: Flickable.StopAtBounds
                    ScrollBar.vertical: ScrollBar {}
                    Accessible.name: qsTr("Änderungen")
                    delegate: DiffDelegate {
                        width: ListView.view.width
                        selected: entityId === root.noteTarget
                        focused: ListView.isCurrentItem && changes.activeFocus
                        onClicked: { changes.currentIndex = index; root.noteTarget = entityId }
                        onOpenRequested: root.openRequested(entityId)
                    }
                    Label {
                        anchors.centerIn: parent
                        width: parent.width - Theme.padding * 2
                        visible: changes.count === 0
                        wrapMode: Text.Wrap
                        horizontalAlignment: Text.AlignHCenter
                        color: Theme.mutedText
                        text: versions.count === 0 ? qsTr("Dieser Plan wurde noch nicht eingereicht.")
                            : diff.comparison === "" ? qsTr("Es gibt erst eine Einreichung; wählen Sie „Änderungen seit der letzten Einreichung“.")
                            : qsTr("Keine Änderungen.")
                    }
                }
            }

            Pane {
                SplitView.preferredWidth: Theme.fontSize * 28
                padding: Theme.spacing
                background: Rectangle { color: Theme.surface; border.color: Theme.border; radius: Theme.radius }
                ColumnLayout {
                    anchors.fill: parent
                    spacing: Theme.spacing
                    Label {
                        text: root.noteTarget === root.planId ? qsTr("Prüfhinweise zum ganzen Plan")
                                                              : qsTr("Prüfhinweise zu „%1“").arg(Session.fieldValue(root.noteTarget, "title"))
                        font.bold: true
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Button {
                        visible: root.noteTarget !== root.planId
                        flat: true
                        text: qsTr("Zum ganzen Plan")
                        onClicked: root.noteTarget = root.planId
                    }
                    CommentList {
                        entityId: root.noteTarget
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                    }
                    Label {
                        text: qsTr("Versionen: %1").arg(versions.count)
                        color: Theme.mutedText
                        font.pixelSize: Theme.smallFont
                    }
                }
            }
        }
    }
}

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
                        Layout.preferredWidth: Theme.fontSize * 36
                        // Two comparisons that must not read alike: a submission against the one before it,
                        // and what is new since (not submitted yet).
                        model: [qsTr("Was sich mit der letzten Einreichung geändert hat"),
                                qsTr("Was sich seit der letzten Einreichung geändert hat (noch nicht eingereicht)")]
                        Accessible.name: qsTr("Was verglichen wird")
                    }
                    Label {
                        id: comparisonLabel
                        text: diff.comparison
                        color: Theme.mutedText
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                        // The two versions' names, cut to the row: whole on hover.
                        ToolTip.visible: comparisonHover.hovered && truncated
                        ToolTip.delay: 300
                        ToolTip.text: text
                        HoverHandler { id: comparisonHover }
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
                            : diff.comparison === "" ? qsTr("Es gibt erst eine Einreichung; wählen Sie %1.").arg(Vocabulary.quoted(compareWith.model[1]))
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
                                                              : qsTr("Prüfhinweise zu %1").arg(Vocabulary.quoted(Session.fieldValue(root.noteTarget, "title")))
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

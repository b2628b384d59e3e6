// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// The other municipalities, by cluster, optionally only those working on one theme; a shared plan opens
// read-only beside the list, with its comments.
Page {
    id: root
    /** The plan shown; empty until one is chosen. */
    property string planId: ""
    property string municipality: ""

    function openPlan(planId, municipality) {
        root.planId = planId
        root.municipality = municipality
    }
    /** Shows the plan an entry belongs to, with the entry selected. */
    function openEntity(entityId) {
        openPlan(Session.planOf(entityId), Session.municipalityOf(entityId))
        planView.select(entityId)
    }

    title: Session.office ? qsTr("Alle Kommunen") : qsTr("Andere Kommunen")
    background: Rectangle { color: Theme.window }

    PeersModel { id: peers }

    SplitView {
        anchors.fill: parent
        anchors.margins: Theme.padding

        ColumnLayout {
            SplitView.preferredWidth: Theme.fontSize * 24
            SplitView.minimumWidth: Theme.fontSize * 16
            spacing: Theme.spacing

            Label {
                text: root.title
                font.pixelSize: Theme.titleFont
                font.bold: true
            }
            ComboBox {
                id: themeFilter
                objectName: "peersThemeFilter"
                Layout.fillWidth: true
                textRole: "label"
                valueRole: "key"
                model: [{ key: "", label: qsTr("Alle Themen") }].concat(Vocabulary.choices("measure", "themes"))
                onActivated: peers.theme = currentValue
                Accessible.name: qsTr("Nach Thema filtern")
            }
            Label {
                visible: peers.theme !== ""
                text: qsTr("%n Kommune(n) mit Maßnahmen zu diesem Thema", "", peers.count)
                color: Theme.mutedText
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }

            ListView {
                id: list
                objectName: "peersList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: peers
                activeFocusOnTab: true
                keyNavigationEnabled: true
                boundsBehavior: Flickable.StopAtBounds
                ScrollBar.vertical: ScrollBar {}
                Accessible.name: qsTr("Kommunen")
                section.property: "cluster"
                section.delegate: Label {
                    required property string section
                    width: ListView.view.width
                    topPadding: Theme.spacing
                    bottomPadding: Theme.spacing / 2
                    text: section !== "" ? qsTr("Cluster %1").arg(section) : qsTr("Ohne Cluster")
                    font.bold: true
                    color: Theme.mutedText
                }
                delegate: PeerDelegate {
                    width: ListView.view.width
                    selected: planId !== "" && planId === root.planId
                    focused: ListView.isCurrentItem && list.activeFocus
                    onClicked: {
                        list.currentIndex = index
                        if (readable)
                            root.openPlan(planId, name)
                    }
                }
                Keys.onReturnPressed: {
                    const row = peers.get(currentIndex)
                    if (row.readable)
                        root.openPlan(row.planId, row.name)
                }
                Label {
                    anchors.centerIn: parent
                    width: parent.width - Theme.padding * 2
                    visible: list.count === 0
                    wrapMode: Text.Wrap
                    horizontalAlignment: Text.AlignHCenter
                    color: Theme.mutedText
                    text: peers.theme !== "" ? qsTr("Keine Kommune hat Maßnahmen zu diesem Thema.")
                                             : qsTr("Noch keine Kommunen. Sie erscheinen nach dem ersten Abgleich.")
                }
            }
        }

        ColumnLayout {
            SplitView.fillWidth: true
            spacing: 0
            Label {
                visible: root.planId !== ""
                text: root.planId === Session.planId ? qsTr("Ihr eigener Plan")
                                                     : qsTr("Plan von %1 – nur lesen, Kommentare möglich").arg(root.municipality)
                color: Theme.mutedText
                leftPadding: Theme.padding
                Layout.fillWidth: true
            }
            PlanView {
                id: planView
                namePrefix: "peer"
                visible: root.planId !== ""
                planId: root.planId
                Layout.fillWidth: true
                Layout.fillHeight: true
            }
            Label {
                visible: root.planId === ""
                text: qsTr("Wählen Sie links eine Kommune, um ihren Plan zu lesen.")
                color: Theme.mutedText
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.fillHeight: true
                verticalAlignment: Text.AlignVCenter
            }
        }
    }
}

// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// The sync status in detail: what is safe on the server, what is still on its way, what was refused and why.
Page {
    id: root
    title: qsTr("Abgleich")
    signal openRequested(string entityId)

    readonly property var status: Session.sync
    readonly property int state: status ? status.state : SyncStatus.LocalOnly
    readonly property int pending: status ? status.pendingChanges : 0
    readonly property string errorCode: status ? status.errorCode : ""
    readonly property bool showError: syncTone.showsError
    readonly property bool needsSignIn: Session.localOnly || syncTone.signInExpired

    background: Rectangle { color: Theme.window }

    readonly property color stateColor: Theme.toneColor(syncTone.stateTone)

    SyncTone { id: syncTone; status: root.status }
    RejectedChangesModel { id: rejected }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: Math.min(scroll.availableWidth, Theme.fontSize * 60)
            x: Theme.padding * 2
            spacing: Theme.padding

            Label {
                text: root.title
                font.pixelSize: Theme.titleFont
                font.bold: true
                Layout.topMargin: Theme.padding * 2
            }

            // State, what it means, and the facts behind it.
            Pane {
                Layout.fillWidth: true
                Layout.rightMargin: Theme.padding * 4
                padding: Theme.padding
                background: Rectangle { color: Theme.surface; border.color: Theme.border; radius: Theme.radius }

                ColumnLayout {
                    anchors.fill: parent
                    spacing: Theme.spacing

                    RowLayout {
                        spacing: Theme.spacing
                        Rectangle {
                            implicitWidth: Theme.fontSize
                            implicitHeight: implicitWidth
                            radius: width / 2
                            color: root.stateColor
                        }
                        Label {
                            objectName: "syncPageState"
                            text: Vocabulary.syncStateLabel(root.state)
                            font.pixelSize: Theme.headingFont
                            font.bold: true
                            color: root.stateColor
                        }
                    }
                    Label {
                        text: Session.workOffline && !Session.localOnly
                              ? qsTr("„Offline arbeiten“ ist eingeschaltet: Es wird nichts gesendet oder empfangen. Ihre Änderungen bleiben auf diesem Gerät gespeichert, bis Sie wieder verbinden.")
                              : Vocabulary.syncStateExplanation(root.state)
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }

                    GridLayout {
                        visible: !Session.localOnly
                        columns: 2
                        columnSpacing: Theme.padding
                        rowSpacing: Theme.spacing / 2
                        Layout.topMargin: Theme.spacing

                        Label { text: qsTr("Noch nicht vom Server bestätigt"); color: Theme.mutedText }
                        Label {
                            objectName: "syncPagePending"
                            text: root.pending > 0 ? qsTr("%n Änderung(en)", "", root.pending) : qsTr("keine")
                            color: root.pending > 0 ? Theme.pending : Theme.text
                            font.bold: root.pending > 0
                        }
                        Label { text: qsTr("Zuletzt vollständig abgeglichen"); color: Theme.mutedText }
                        Label {
                            objectName: "syncPageLastSync"
                            // An invalid date ("noch nie") until the first complete sync.
                            readonly property date when: root.status ? root.status.lastCompleteSync : new Date(NaN)
                            readonly property string at: Vocabulary.syncTime(when)
                            readonly property string since: Vocabulary.since(when, Vocabulary.now)
                            text: since !== at ? qsTr("%1 (%2)").arg(at).arg(since) : at
                        }
                        Label { text: qsTr("Offene Konflikte"); color: Theme.mutedText }
                        Label { text: root.status ? root.status.openConflicts : 0 }
                        Label { text: qsTr("Konto"); color: Theme.mutedText }
                        Label {
                            text: qsTr("%1 bei %2").arg(Session.user).arg(Session.serverUrl)
                            elide: Text.ElideMiddle
                            Layout.fillWidth: true
                        }
                    }

                    ColumnLayout {
                        visible: root.status !== null && root.status.progressTotal > 0
                        spacing: 2
                        Layout.fillWidth: true
                        Layout.topMargin: Theme.spacing
                        Label {
                            text: qsTr("Erster Abgleich: %1 von %2 Einträgen").arg(progress.value).arg(progress.to)
                        }
                        ProgressBar {
                            id: progress
                            objectName: "syncPageProgress"
                            from: 0
                            to: root.status ? Math.max(1, root.status.progressTotal) : 1
                            value: root.status ? root.status.progressDone : 0
                            Layout.fillWidth: true
                            Accessible.name: qsTr("Erster Abgleich: %1 von %2").arg(value).arg(to)
                        }
                    }

                    Rectangle {
                        objectName: "syncPageError"
                        visible: root.showError
                        Layout.fillWidth: true
                        Layout.topMargin: Theme.spacing
                        color: root.state === SyncStatus.Error ? Theme.conflictBackground : Theme.window
                        border.color: root.state === SyncStatus.Error ? Theme.error : Theme.border
                        radius: Theme.radius
                        implicitHeight: errorText.implicitHeight + Theme.spacing * 2
                        Label {
                            id: errorText
                            anchors.fill: parent
                            anchors.margins: Theme.spacing
                            text: Vocabulary.errorText(root.errorCode)
                            color: root.state === SyncStatus.Error ? Theme.error : Theme.text
                            wrapMode: Text.Wrap
                        }
                    }

                    RowLayout {
                        visible: !Session.localOnly
                        spacing: Theme.padding
                        Layout.topMargin: Theme.spacing
                        Button {
                            objectName: "syncPageSyncNow"
                            text: qsTr("Jetzt abgleichen")
                            enabled: root.state !== SyncStatus.Syncing || Session.workOffline
                            onClicked: Session.syncNow()
                        }
                        Switch {
                            objectName: "syncPageOffline"
                            text: qsTr("Offline arbeiten")
                            checked: Session.workOffline
                            Accessible.name: qsTr("Offline arbeiten (nichts senden oder empfangen)")
                            onToggled: Session.workOffline = checked
                        }
                    }
                }
            }

            // Local work (or an expired sign-in): connect to the server here.
            Pane {
                visible: root.needsSignIn
                Layout.fillWidth: true
                Layout.rightMargin: Theme.padding * 4
                padding: Theme.padding
                background: Rectangle { color: Theme.surface; border.color: Theme.border; radius: Theme.radius }

                ColumnLayout {
                    anchors.fill: parent
                    spacing: Theme.spacing
                    Label {
                        text: Session.localOnly ? qsTr("Mit Server verbinden") : qsTr("Erneut anmelden")
                        font.pixelSize: Theme.headingFont
                        font.bold: true
                    }
                    Label {
                        text: Session.localOnly
                              ? qsTr("Melden Sie sich mit dem Konto Ihrer Kommune an. Was Sie bisher auf diesem Gerät erarbeitet haben, "
                                     + "wird nach dem ersten Abgleich in den Plan Ihrer Kommune übernommen; die lokale Fassung bleibt zusätzlich erhalten.")
                              : qsTr("Ihre Änderungen bleiben auf diesem Gerät gespeichert und werden nach der Anmeldung übertragen.")
                        wrapMode: Text.Wrap
                        color: Theme.mutedText
                        Layout.fillWidth: true
                    }
                    SignInForm {
                        objectName: "syncPageSignIn"
                        namePrefix: "syncPageSignIn"
                        server: Session.serverUrl
                        Layout.fillWidth: true
                        Layout.maximumWidth: Theme.fontSize * 36
                    }
                }
            }

            // What the server refused, so nothing is lost without a word.
            ColumnLayout {
                visible: !Session.localOnly
                spacing: Theme.spacing
                Layout.fillWidth: true
                Layout.rightMargin: Theme.padding * 4
                Layout.bottomMargin: Theme.padding * 2

                Label {
                    text: rejected.count > 0 ? qsTr("Abgelehnte Änderungen (%1)").arg(rejected.count) : qsTr("Abgelehnte Änderungen")
                    font.pixelSize: Theme.headingFont
                    font.bold: true
                    Layout.topMargin: Theme.spacing
                }
                Label {
                    text: rejected.count > 0
                          ? qsTr("Diese Änderungen hat der Server nicht übernommen; der Plan zeigt wieder den Stand des Servers. "
                                 + "Hier steht, warum – so geht nichts unbemerkt verloren.")
                          : qsTr("Der Server hat keine Ihrer Änderungen abgelehnt.")
                    color: Theme.mutedText
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                ListView {
                    id: rejectedView
                    objectName: "rejectedList"
                    model: rejected
                    interactive: false
                    spacing: Theme.spacing / 2
                    implicitHeight: contentHeight
                    Layout.fillWidth: true
                    activeFocusOnTab: count > 0
                    keyNavigationEnabled: true
                    Accessible.name: qsTr("Abgelehnte Änderungen")
                    Accessible.role: Accessible.List
                    delegate: RejectedChangeDelegate {
                        onClicked: if (Session.entityType(entityId) !== "") root.openRequested(entityId)
                    }
                }
            }
        }
    }
}

// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// First start: sign in to the project's server, or start without one and connect later.
Rectangle {
    id: root
    color: Theme.window

    property string error: ""

    Connections {
        target: Session
        function onSignInFinished(error) { root.error = error }
    }

    Pane {
        anchors.centerIn: parent
        width: Math.min(parent.width - Theme.padding * 2, Theme.fontSize * 36)
        padding: Theme.padding * 2
        background: Rectangle { color: Theme.surface; radius: Theme.radius; border.color: Theme.border }

        ColumnLayout {
            anchors.fill: parent
            spacing: Theme.spacing

            Label {
                text: qsTr("Willkommen bei Werkstattplan")
                font.pixelSize: Theme.titleFont
                font.bold: true
            }
            Label {
                text: qsTr("Melden Sie sich mit dem Konto an, das Sie von der Geschäftsstelle erhalten haben. "
                           + "Sie können auch zuerst ohne Server arbeiten und sich später verbinden; "
                           + "Ihre Arbeit wird dann übernommen.")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                color: Theme.mutedText
            }
            Label { text: qsTr("Serveradresse"); Layout.topMargin: Theme.spacing }
            TextField {
                id: server
                objectName: "setupServer"
                Layout.fillWidth: true
                placeholderText: qsTr("z. B. https://werkstattplan.example.de")
                Accessible.name: qsTr("Serveradresse")
                KeyNavigation.tab: user
            }
            Label { text: qsTr("Benutzername") }
            TextField {
                id: user
                objectName: "setupUser"
                Layout.fillWidth: true
                Accessible.name: qsTr("Benutzername")
                KeyNavigation.tab: password
            }
            Label { text: qsTr("Passwort") }
            TextField {
                id: password
                objectName: "setupPassword"
                Layout.fillWidth: true
                echoMode: TextInput.Password
                Accessible.name: qsTr("Passwort")
                onAccepted: signInButton.clicked()
            }
            Label {
                text: qsTr("Das Passwort wird nicht gespeichert. Dieses Gerät bleibt angemeldet, bis Sie sich abmelden.")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                font.pixelSize: Theme.smallFont
                color: Theme.mutedText
            }
            Label {
                objectName: "setupError"
                visible: root.error !== ""
                text: root.error
                color: Theme.error
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            RowLayout {
                Layout.topMargin: Theme.spacing
                Button {
                    id: signInButton
                    objectName: "setupSignIn"
                    text: Session.busy ? qsTr("Anmeldung läuft …") : qsTr("Anmelden")
                    highlighted: true
                    enabled: !Session.busy && server.text !== "" && user.text !== "" && password.text !== ""
                    onClicked: {
                        root.error = ""
                        Session.signIn(server.text, user.text, password.text)
                        password.text = ""
                    }
                }
                BusyIndicator { running: Session.busy; visible: running; implicitHeight: signInButton.height }
            }

            MenuSeparator { Layout.fillWidth: true; Layout.topMargin: Theme.padding }

            Label { text: qsTr("Ohne Server arbeiten"); font.bold: true }
            Label { text: qsTr("Name Ihrer Kommune") }
            RowLayout {
                TextField {
                    id: municipality
                    objectName: "setupMunicipality"
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Name Ihrer Kommune")
                    onAccepted: localButton.clicked()
                }
                Button {
                    id: localButton
                    objectName: "setupLocal"
                    text: qsTr("Ohne Server beginnen")
                    enabled: municipality.text.trim() !== ""
                    onClicked: Session.startLocal(municipality.text)
                }
            }
        }
    }
}

// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// Server, user and password → Session.signIn; used at first start and to connect local work later.
ColumnLayout {
    id: root
    /** Prefix of the controls' objectNames: <prefix>Server, <prefix>User, <prefix>Password, <prefix>SignIn, <prefix>Error. */
    property string namePrefix: "signIn"
    property alias server: server.text
    property string error: ""

    spacing: Theme.spacing

    /** Signs in; over plain http:// to another computer only once the user confirmed it. */
    function signIn() {
        if (Session.isInsecureServer(server.text)) {
            insecure.server = server.text
            insecure.open()
            return
        }
        send()
    }
    function send() {
        root.error = ""
        Session.signIn(server.text, user.text, password.text)
        password.text = ""
    }

    /** Puts the keyboard focus on the first field still empty (the server's address if none is). */
    function focusFirst() {
        const target = server.text === "" ? server : user.text === "" ? user : password
        target.forceActiveFocus()
    }

    Connections {
        target: Session
        function onSignInFinished(error) { root.error = error }
    }

    Label { text: qsTr("Serveradresse") }
    TextField {
        id: server
        objectName: root.namePrefix + "Server"
        Layout.fillWidth: true
        placeholderText: qsTr("z. B. https://werkstattplan.example.de")
        Accessible.name: qsTr("Serveradresse")
        KeyNavigation.tab: user
    }
    Label { text: qsTr("Benutzername") }
    TextField {
        id: user
        objectName: root.namePrefix + "User"
        Layout.fillWidth: true
        Accessible.name: qsTr("Benutzername")
        KeyNavigation.tab: password
    }
    Label { text: qsTr("Passwort") }
    TextField {
        id: password
        objectName: root.namePrefix + "Password"
        Layout.fillWidth: true
        echoMode: TextInput.Password
        Accessible.name: qsTr("Passwort")
        onAccepted: if (signInButton.enabled) signInButton.clicked()
    }
    Label {
        text: qsTr("Das Passwort wird nicht gespeichert. Dieses Gerät bleibt angemeldet, bis Sie sich abmelden.")
        wrapMode: Text.Wrap
        Layout.fillWidth: true
        font.pixelSize: Theme.smallFont
        color: Theme.mutedText
    }
    CaFileChooser {
        namePrefix: root.namePrefix
        Layout.fillWidth: true
    }
    Label {
        objectName: root.namePrefix + "Error"
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
            objectName: root.namePrefix + "SignIn"
            text: Session.busy ? qsTr("Anmeldung läuft …") : qsTr("Anmelden")
            highlighted: true
            enabled: !Session.busy && server.text !== "" && user.text !== "" && password.text !== ""
            onClicked: root.signIn()
        }
        BusyIndicator { running: Session.busy; visible: running; implicitHeight: signInButton.height }
    }

    InsecureConnectionDialog {
        id: insecure
        objectName: root.namePrefix + "InsecureConnection"
        onConfirmed: root.send()
    }
}

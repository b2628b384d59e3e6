// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// Language, working offline, and the account this device is signed in with.
Page {
    id: root
    title: qsTr("Einstellungen")
    background: Rectangle { color: Theme.window }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding * 2
        spacing: Theme.spacing

        Label { text: root.title; font.pixelSize: Theme.titleFont; font.bold: true }

        Label { text: qsTr("Sprache"); font.bold: true; Layout.topMargin: Theme.padding }
        ComboBox {
            id: language
            objectName: "languageChooser"
            Accessible.name: qsTr("Sprache")
            textRole: "label"
            valueRole: "key"
            model: [{ key: "de", label: "Deutsch" }, { key: "en", label: "English" }] // own language
            Component.onCompleted: currentIndex = indexOfValue(Session.language)
            onActivated: Session.language = currentValue
        }

        Label { text: qsTr("Verbindung"); font.bold: true; Layout.topMargin: Theme.padding }
        Switch {
            objectName: "workOfflineSwitch"
            text: qsTr("Offline arbeiten (nichts senden oder empfangen)")
            checked: Session.workOffline
            enabled: !Session.localOnly
            onToggled: Session.workOffline = checked
        }

        Label { text: qsTr("Konto"); font.bold: true; Layout.topMargin: Theme.padding }
        Label {
            text: Session.localOnly ? qsTr("Sie arbeiten ohne Server auf diesem Gerät.")
                                    : qsTr("Angemeldet als %1 bei %2").arg(Session.user).arg(Session.serverUrl)
        }
        RowLayout {
            visible: !Session.localOnly
            spacing: Theme.spacing
            Button {
                objectName: "signOutButton"
                text: qsTr("Abmelden …")
                Accessible.name: qsTr("Abmelden")
                onClicked: signOut.ask(false)
            }
            Button {
                objectName: "switchAccountButton"
                text: qsTr("Konto wechseln …")
                Accessible.name: qsTr("Konto wechseln")
                onClicked: signOut.ask(true)
            }
        }

        Label { text: qsTr("Dieses Gerät"); font.bold: true; Layout.topMargin: Theme.padding }
        Label {
            text: qsTr("Unter diesem Namen sehen die anderen, auf welchem Gerät etwas geändert wurde.")
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        TextField {
            id: deviceName
            objectName: "deviceNameField"
            text: Session.deviceName
            placeholderText: qsTr("z. B. Laptop Rathaus")
            maximumLength: 100
            selectByMouse: true
            Accessible.name: qsTr("Name dieses Geräts")
            Layout.preferredWidth: Theme.fontSize * 24
            onEditingFinished: Session.deviceName = text
            // The name it keeps, after a refused (empty) one.
            Connections {
                target: Session
                function onDeviceNameChanged() { deviceName.text = Session.deviceName }
            }
        }
        Label { text: qsTr("Gerätekennung: %1").arg(Session.device); color: Theme.mutedText }
        Item { Layout.fillHeight: true }
    }

    SignOutDialog { id: signOut }
}

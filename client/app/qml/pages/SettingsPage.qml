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
        Label { text: qsTr("Gerätekennung: %1").arg(Session.device); color: Theme.mutedText }
        Item { Layout.fillHeight: true }
    }
}

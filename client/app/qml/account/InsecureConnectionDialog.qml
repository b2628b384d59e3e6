// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// Asks before a password goes to a server over plain http:// (Session.isInsecureServer): the user goes on
// knowingly, or cancels and uses https://.
Dialog {
    id: root
    /** The address typed, shown in the question. */
    property string server

    signal confirmed()

    title: qsTr("Die Verbindung ist nicht verschlüsselt")
    modal: true
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - Theme.padding * 2 : 600, Theme.fontSize * 36)
    onAccepted: root.confirmed()

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing
        Label {
            text: qsTr("Die Adresse %1 beginnt mit http://. Ihr Passwort und Ihre "
                       + "Pläne gingen lesbar über das Netz; wer mitliest, kann sich mit Ihrem Konto anmelden.").arg(root.server)
            color: Theme.error
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            text: qsTr("Verwenden Sie https://, wenn Ihr Server es anbietet. Fragen Sie im Zweifel die IT Ihrer Verwaltung.")
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
    }

    footer: DialogButtonBox {
        Button {
            objectName: "insecureConnectionConfirm"
            text: qsTr("Trotzdem anmelden")
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            Accessible.name: text
        }
        Button {
            objectName: "insecureConnectionCancel"
            text: qsTr("Abbrechen")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            Accessible.name: text
        }
    }
}

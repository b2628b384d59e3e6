// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// Asks before signing out, and says what happens to work the server does not have yet: it stays on this
// device and goes out when the same account signs in again. Nothing is discarded.
Dialog {
    id: root
    objectName: "signOutDialog"
    /** Counted when the dialog opens: the changes signing out would leave on this device. */
    property int unsent: 0
    /** "Konto wechseln": the same step, then the sign-in page takes another account. */
    property bool switching: false

    function ask(switchAccount) {
        switching = switchAccount
        unsent = Session.unsentChanges()
        open()
    }

    title: switching ? qsTr("Konto wechseln") : qsTr("Abmelden")
    modal: true
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - Theme.padding * 2 : 600, Theme.fontSize * 36)
    onAccepted: Session.signOut()

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing
        Label {
            objectName: "signOutDialogText"
            text: root.unsent > 0
                  ? qsTr("%n Änderung(en) sind noch nicht auf dem Server. Sie bleiben auf diesem Gerät gespeichert und werden übertragen, sobald Sie sich wieder mit dem Konto %1 anmelden.", "", root.unsent).arg(Session.user)
                  : qsTr("Der Server hat alle Ihre Änderungen.")
            color: root.unsent > 0 ? Theme.pending : Theme.text
            font.bold: root.unsent > 0
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            text: root.switching
                  ? qsTr("Nach dem Abmelden melden Sie sich mit dem anderen Konto an. Die Daten dieses Kontos bleiben auf diesem Gerät; melden Sie sich später wieder damit an, geht es dort weiter, wo Sie aufgehört haben.")
                  : qsTr("Ihre Daten bleiben auf diesem Gerät. Melden Sie sich wieder mit demselben Konto an, geht es dort weiter, wo Sie aufgehört haben.")
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
    }

    footer: DialogButtonBox {
        Button {
            objectName: "signOutConfirm"
            text: qsTr("Abmelden")
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            Accessible.name: text
        }
        Button {
            objectName: "signOutCancel"
            text: qsTr("Abbrechen")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            Accessible.name: text
        }
    }
}

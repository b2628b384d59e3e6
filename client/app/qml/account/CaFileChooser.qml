// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// The advanced part of the sign-in form: the certificate of the administration's own certificate authority
// (Session.caFile), for a server whose certificate the system's authorities do not vouch for.
ColumnLayout {
    id: root
    /** Prefix of the controls' objectNames: <prefix>Advanced, <prefix>CaFile, <prefix>ChooseCaFile, <prefix>RemoveCaFile. */
    property string namePrefix: "signIn"

    spacing: Theme.spacing

    CheckBox {
        id: advanced
        objectName: root.namePrefix + "Advanced"
        text: qsTr("Erweitert")
        // Open when a certificate is chosen already, so that nobody wonders why a server is trusted.
        Component.onCompleted: checked = Session.caFile !== ""
        Accessible.name: text
    }
    Label {
        visible: advanced.checked
        text: qsTr("Zertifikat der Stelle")
    }
    Label {
        visible: advanced.checked
        text: qsTr("Nur nötig, wenn Ihre Verwaltung eine eigene Zertifizierungsstelle betreibt: die Datei (PEM), die Ihnen "
                   + "die IT gegeben hat. Ohne sie prüft Werkstattplan den Server mit den Zertifizierungsstellen des Systems.")
        wrapMode: Text.Wrap
        Layout.fillWidth: true
        font.pixelSize: Theme.smallFont
        color: Theme.mutedText
    }
    RowLayout {
        visible: advanced.checked
        Layout.fillWidth: true
        TextField {
            objectName: root.namePrefix + "CaFile"
            Layout.fillWidth: true
            readOnly: true
            text: Session.caFile
            placeholderText: qsTr("keines")
            Accessible.name: qsTr("Zertifikat der Stelle")
        }
        Button {
            objectName: root.namePrefix + "ChooseCaFile"
            text: qsTr("Auswählen …")
            Accessible.name: qsTr("Zertifikat der Stelle auswählen")
            onClicked: chooser.open()
        }
        Button {
            objectName: root.namePrefix + "RemoveCaFile"
            text: qsTr("Entfernen")
            enabled: Session.caFile !== ""
            Accessible.name: qsTr("Zertifikat der Stelle entfernen")
            onClicked: Session.useSystemCertificates()
        }
    }

    FileChooser {
        id: chooser
        mode: FileChooser.Open
        title: qsTr("Zertifikat der Stelle auswählen")
        nameFilters: [qsTr("Zertifikate (*.pem *.crt *.cer)"), qsTr("Alle Dateien (*)")]
        onAccepted: file => Session.useCaFile(file)
    }
}

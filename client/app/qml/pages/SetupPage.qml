// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// First start: sign in to the project's server, or start without one and connect later.
Rectangle {
    id: root
    color: Theme.window

    // The first field has the focus as soon as the page shows, so typing starts at once.
    onVisibleChanged: if (visible) form.focusFirst()
    Component.onCompleted: if (visible) form.focusFirst()

    // Scrolls on a low window; centred where it fits.
    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth
        contentHeight: Math.max(root.height, pane.implicitHeight + Theme.padding * 2)

        Pane {
            id: pane
            x: (scroll.availableWidth - width) / 2
            y: Math.max(Theme.padding, (root.height - implicitHeight) / 2)
            width: Math.min(scroll.availableWidth - Theme.padding * 2, Theme.fontSize * 36)
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
                SignInForm {
                    id: form
                    namePrefix: "setup"
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.spacing
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
}

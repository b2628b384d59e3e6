// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// What happened to the user's data (a server restored from a backup, a damaged file set aside): it stays
// above the page until the user has read it, unlike a notice that fades.
Rectangle {
    id: root
    objectName: "dataNoticeBanner"
    readonly property string code: Session.sync ? Session.sync.noticeCode : ""

    visible: code !== ""
    implicitHeight: visible ? layout.implicitHeight + Theme.spacing * 2 : 0
    color: Theme.surface
    border.color: Theme.pending

    RowLayout {
        id: layout
        anchors.fill: parent
        anchors.margins: Theme.spacing
        anchors.leftMargin: Theme.padding
        spacing: Theme.padding
        Label {
            objectName: "dataNoticeText"
            text: root.code !== "" ? Vocabulary.errorText(root.code) : ""
            wrapMode: Text.Wrap
            color: Theme.text
            Layout.fillWidth: true
        }
        Label {
            visible: Session.sync !== null && !isNaN(Session.sync.noticeAt)
            text: Session.sync ? Vocabulary.dateTime(Session.sync.noticeAt) : ""
            color: Theme.mutedText
        }
        Button {
            objectName: "dataNoticeDismiss"
            text: qsTr("Verstanden")
            Accessible.name: qsTr("Hinweis gelesen")
            onClicked: Session.dismissNotice()
        }
    }
}

// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// Full-text search across every plan on this device, also offline; a result opens its entry.
Page {
    id: root
    signal openRequested(string entityId)
    function focusQuery() { query.forceActiveFocus(); query.selectAll() }

    title: qsTr("Suche")
    background: Rectangle { color: Theme.window }

    SearchModel { id: results; query: query.text }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        Label {
            text: qsTr("Suche in allen Plänen")
            font.pixelSize: Theme.titleFont
            font.bold: true
        }
        TextField {
            id: query
            objectName: "searchQuery"
            Layout.fillWidth: true
            Layout.maximumWidth: Theme.fontSize * 50
            placeholderText: qsTr("Wer arbeitet noch an … ? Zum Beispiel: Fachkräftemangel, Ehrenamt, Bürgerbus")
            Accessible.name: qsTr("Suchbegriff")
            Keys.onDownPressed: list.forceActiveFocus()
        }
        Label {
            text: query.text.trim() === "" ? qsTr("Die Suche läuft auf diesem Gerät und funktioniert auch ohne Netz.")
                                           : qsTr("%n Treffer", "", results.count)
            color: Theme.mutedText
        }

        ListView {
            id: list
            objectName: "searchResults"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.spacing / 2
            model: results
            activeFocusOnTab: true
            keyNavigationEnabled: true
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}
            Accessible.name: qsTr("Suchergebnisse")
            delegate: SearchResultDelegate {
                width: ListView.view.width
                focused: ListView.isCurrentItem && list.activeFocus
                onClicked: root.openRequested(openId)
            }
            Keys.onReturnPressed: if (currentIndex >= 0) root.openRequested(results.get(currentIndex).openId)
            Label {
                anchors.centerIn: parent
                visible: list.count === 0 && query.text.trim() !== ""
                text: qsTr("Nichts gefunden. Versuchen Sie ein kürzeres oder anderes Wort.")
                color: Theme.mutedText
            }
        }
    }
}

// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// Help (F1, or "Hilfe und Tastenkürzel" in the sidebar): every keyboard shortcut of the window and how to
// work by keyboard. The list names every Shortcut of Main.qml; tst_screens fails if one is missing here.
Page {
    id: root
    background: Rectangle { color: Theme.window }

    /** keys: portable key sequences ("Ctrl+1"), as the Shortcut objects name them. */
    readonly property var shortcuts: [
        { keys: ["Ctrl+1"], text: Session.office ? qsTr("Übersicht öffnen") : qsTr("„Mein Plan“ öffnen") },
        { keys: ["Ctrl+2"], text: Session.office ? qsTr("„Alle Kommunen“ öffnen") : qsTr("„Andere Kommunen“ öffnen") },
        { keys: ["Ctrl+3"], text: qsTr("Suche öffnen") },
        { keys: ["Ctrl+4"], text: qsTr("Werkstatttreffen öffnen") },
        { keys: ["Ctrl+5"], text: qsTr("Synopse öffnen") },
        { keys: ["Ctrl+6"], text: qsTr("Auswertung öffnen") },
        { keys: ["Ctrl+7"], text: qsTr("Konflikte öffnen") },
        { keys: ["Ctrl+8"], text: qsTr("Abgleich öffnen") },
        { keys: ["F1"], text: qsTr("Diese Hilfe öffnen") },
        { keys: ["Ctrl+F"], text: qsTr("In allen Plänen suchen") },
        { keys: ["Ctrl+N"], text: qsTr("Neue Maßnahme im eigenen Plan (beim gewählten Ziel)") },
        { keys: ["Ctrl+Shift+G"], text: qsTr("Neues Ziel im eigenen Plan (beim gewählten Handlungsfeld)") },
        { keys: ["Ctrl+Shift+N"], text: qsTr("Neues Handlungsfeld im eigenen Plan") },
        { keys: ["Ctrl+Z"], text: qsTr("Letzte Änderung rückgängig machen") },
        { keys: ["Ctrl+Shift+Z", "Ctrl+Y"], text: qsTr("Rückgängig Gemachtes wiederholen") },
        { keys: ["Ctrl+T"], text: qsTr("Zeitleiste ein- oder ausblenden") }
    ]
    readonly property var keyboard: [
        { keys: ["Tab", "Shift+Tab"], text: qsTr("Zum nächsten oder vorigen Bedienelement; die Seite rollt mit") },
        { keys: ["Up", "Down"], text: qsTr("In der Gliederung und in Listen den Eintrag wechseln") },
        { keys: ["Left", "Right"], text: qsTr("In der Gliederung einklappen oder aufklappen") },
        { keys: ["Del"], text: qsTr("In der Gliederung den gewählten Eintrag löschen") },
        { keys: ["Space", "Return"], text: qsTr("Schaltfläche oder Eintrag auslösen") },
        { keys: ["Esc"], text: qsTr("Dialog schließen, ohne etwas zu ändern") }
    ]

    component KeyTable: GridLayout {
        id: table
        property var entries: []
        property string rowName: ""
        columns: 2
        columnSpacing: Theme.padding
        rowSpacing: Theme.spacing
        Layout.fillWidth: true
        Repeater {
            model: table.entries.length * 2
            delegate: Label {
                id: cell
                required property int index
                readonly property var entry: table.entries[Math.floor(index / 2)]
                readonly property bool keyCell: index % 2 === 0
                /** The portable sequences of the row (tests compare them with the window's Shortcuts). */
                readonly property var keys: entry.keys
                objectName: keyCell ? table.rowName : ""
                text: keyCell ? entry.keys.map(k => Vocabulary.shortcutText(k)).join(qsTr(" oder ")) : entry.text
                font.bold: keyCell
                wrapMode: Text.Wrap
                Layout.preferredWidth: keyCell ? Theme.fontSize * 14 : -1
                Layout.fillWidth: !keyCell
                Accessible.name: keyCell ? text + ": " + entry.text : text
            }
        }
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: Math.min(scroll.availableWidth - Theme.padding * 2, Theme.fontSize * 56)
            x: Theme.padding
            spacing: Theme.spacing

            Label {
                text: qsTr("Hilfe")
                font.pixelSize: Theme.titleFont
                font.bold: true
                Layout.topMargin: Theme.padding
            }
            Label {
                text: qsTr("Alles in Werkstattplan lässt sich auch mit der Tastatur bedienen. Die Tastenkürzel der "
                           + "Seiten stehen auch im Hinweis, wenn Sie mit der Maus über einen Eintrag links fahren.")
                wrapMode: Text.Wrap
                color: Theme.mutedText
                Layout.fillWidth: true
            }
            Label {
                text: qsTr("Tastenkürzel")
                font.pixelSize: Theme.headingFont
                font.bold: true
                Layout.topMargin: Theme.padding
            }
            KeyTable { objectName: "helpShortcuts"; rowName: "shortcutRow"; entries: root.shortcuts }
            Label {
                text: qsTr("Mit der Tastatur arbeiten")
                font.pixelSize: Theme.headingFont
                font.bold: true
                Layout.topMargin: Theme.padding
            }
            KeyTable { rowName: "keyboardRow"; entries: root.keyboard }
            Label {
                text: qsTr("Ihre Arbeit wird sofort auf diesem Gerät gespeichert und beim nächsten Abgleich an den "
                           + "Server übertragen. Wie es darum steht, zeigt die Leiste am unteren Rand.")
                wrapMode: Text.Wrap
                color: Theme.mutedText
                Layout.fillWidth: true
                Layout.topMargin: Theme.padding
                Layout.bottomMargin: Theme.padding
            }
        }
    }
}

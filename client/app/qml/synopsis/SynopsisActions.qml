// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// The synopsis as CSV: everyone exports it; the office also imports it (all figures or none).
RowLayout {
    spacing: Theme.spacing

    Button {
        objectName: "importSynopsisCsv"
        visible: Session.office
        text: qsTr("CSV importieren …")
        Accessible.name: text
        onClicked: openDialog.open()
    }
    ExportButtons { kinds: ["synopsis"] }

    FileChooser {
        id: openDialog
        mode: FileChooser.Open
        title: qsTr("Synopse aus CSV übernehmen")
        nameFilters: [qsTr("CSV-Tabellen (*.csv)")]
        onAccepted: file => Session.importSynopsisCsv(file)
    }
}

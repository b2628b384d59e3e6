// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Werkstattplan

// The synopsis as CSV: everyone exports it; the office also imports it (all figures or none).
RowLayout {
    spacing: Theme.spacing

    Button {
        objectName: "importSynopsisCsv"
        visible: Session.office
        text: qsTr("CSV importieren …")
        onClicked: openDialog.open()
    }
    ExportButtons { kinds: ["synopsis"] }

    FileDialog {
        id: openDialog
        fileMode: FileDialog.OpenFile
        title: qsTr("Synopse aus CSV übernehmen")
        nameFilters: [qsTr("CSV-Tabellen (*.csv)")]
        onAccepted: Session.importSynopsisCsv(selectedFile)
    }
}

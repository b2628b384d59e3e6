// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// Exports for reports, made on this device: a plan as PDF, the measures of all plans and the synopsis
// as CSV. Each is stamped with the last complete sync.
RowLayout {
    id: root
    /** Which exports to offer: "pdf" (of planId), "measures", "synopsis". */
    property var kinds: ["measures", "synopsis"]
    /** The plan a PDF is made of. */
    property string planId: ""

    spacing: Theme.spacing

    Button {
        objectName: "exportPlanPdf"
        visible: root.kinds.indexOf("pdf") >= 0 && root.planId !== ""
        text: qsTr("Plan als PDF …")
        Accessible.name: text
        onClicked: saveDialog.ask("pdf")
    }
    Button {
        objectName: "exportMeasuresCsv"
        visible: root.kinds.indexOf("measures") >= 0
        text: qsTr("Maßnahmen als CSV …")
        Accessible.name: text
        onClicked: saveDialog.ask("measures")
    }
    Button {
        objectName: "exportSynopsisCsv"
        visible: root.kinds.indexOf("synopsis") >= 0
        text: qsTr("Synopse als CSV …")
        Accessible.name: text
        onClicked: saveDialog.ask("synopsis")
    }

    FileChooser {
        id: saveDialog
        property string kind
        function ask(kind) {
            saveDialog.kind = kind
            open()
        }
        mode: FileChooser.Save
        title: qsTr("Export speichern")
        nameFilters: kind === "pdf" ? [qsTr("PDF-Dokumente (*.pdf)")] : [qsTr("CSV-Tabellen (*.csv)")]
        defaultSuffix: kind === "pdf" ? "pdf" : "csv"
        suggestedName: kind === "pdf" ? Session.fieldValue(root.planId, "title") + ".pdf"
                     : kind === "measures" ? qsTr("Maßnahmen") + ".csv" : qsTr("Synopse") + ".csv"
        onAccepted: file => {
            if (kind === "pdf")
                Session.exportPlanPdf(root.planId, file)
            else if (kind === "measures")
                Session.exportMeasuresCsv(file)
            else
                Session.exportSynopsisCsv(file)
        }
    }
}

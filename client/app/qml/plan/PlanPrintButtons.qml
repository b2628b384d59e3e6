// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// A plan to take along (to a council meeting): saved as PDF or printed, the same pages either way.
RowLayout {
    id: root
    /** The plan to print. */
    property string planId: ""
    /** Before the object names, where a page shows two plans ("peer"). */
    property string namePrefix: ""

    visible: planId !== ""
    spacing: Theme.spacing

    Button {
        objectName: root.namePrefix + "planSavePdf"
        text: qsTr("Als PDF speichern …")
        Accessible.name: text
        ToolTip.visible: hovered
        ToolTip.text: qsTr("Den Plan als PDF-Datei speichern, zum Weitergeben oder Drucken")
        onClicked: pdfChooser.open()
    }
    Button {
        objectName: root.namePrefix + "planPrint"
        text: qsTr("Drucken …")
        Accessible.name: text
        ToolTip.visible: hovered
        ToolTip.text: qsTr("Den Plan auf einem Drucker ausgeben")
        onClicked: printer.print(root.planId)
    }

    FileChooser {
        id: pdfChooser
        mode: FileChooser.Save
        title: qsTr("Plan als PDF speichern")
        nameFilters: [qsTr("PDF-Dokumente (*.pdf)")]
        defaultSuffix: "pdf"
        suggestedName: Session.fieldValue(root.planId, "title") + ".pdf"
        onAccepted: file => Session.exportPlanPdf(root.planId, file)
    }
    PlanPrinter { id: printer }
}

// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// The office enters or changes one synopsis figure: value, unit and the year it stands for.
Dialog {
    id: root
    property string municipalityId
    property string key

    function edit(municipalityId, name, key, cell) {
        root.municipalityId = municipalityId
        root.key = key
        root.title = qsTr("%1 – %2").arg(name).arg(Vocabulary.synopsisKeyLabel(key))
        value.text = cell.display
        unit.text = cell.unit
        year.text = cell.year
        open()
        value.forceActiveFocus()
    }

    objectName: "figureDialog"
    modal: true
    anchors.centerIn: Overlay.overlay
    standardButtons: Dialog.Save | Dialog.Cancel
    onAccepted: Session.setSynopsisFigure(municipalityId, key, Vocabulary.parseNumber(value.text), unit.text.trim(),
                                          Vocabulary.parseNumber(year.text))

    GridLayout {
        columns: 2
        columnSpacing: Theme.spacing
        Label { text: qsTr("Wert") }
        TextField { id: value; objectName: "figureValue"; Accessible.name: qsTr("Wert"); Layout.preferredWidth: Theme.fontSize * 14 }
        Label { text: qsTr("Einheit") }
        TextField { id: unit; objectName: "figureUnit"; Accessible.name: qsTr("Einheit"); Layout.fillWidth: true }
        Label { text: qsTr("Jahr") }
        TextField {
            id: year
            objectName: "figureYear"
            Accessible.name: qsTr("Jahr")
            inputMethodHints: Qt.ImhDigitsOnly
            validator: IntValidator { bottom: 1900; top: 2100 }
            Layout.fillWidth: true
        }
    }
}

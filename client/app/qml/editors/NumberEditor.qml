// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Werkstattplan

// A number, typed the German way (1.500,50) or plainly.
TextField {
    id: root
    property string value
    property string label
    property string entityType
    property string fieldName
    signal commit(string value)

    text: Vocabulary.displayValue(entityType, fieldName, value)
    Accessible.name: label
    inputMethodHints: Qt.ImhFormattedNumbersOnly
    color: text === "" || Vocabulary.parseNumber(text) !== "" ? Theme.text : Theme.error
    onEditingFinished: {
        const number = Vocabulary.parseNumber(text)
        if (text === "" && value !== "")
            root.commit("")
        else if (number !== "" && number !== value)
            root.commit(number)
    }
}

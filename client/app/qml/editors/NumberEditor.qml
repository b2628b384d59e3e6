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
    /** What is wrong with what was typed, in words, once the field was left; cleared as soon as it is fixed. */
    property string problem: ""
    signal commit(string value)

    function check() { problem = Vocabulary.inputProblem(entityType, fieldName, text) }

    text: Vocabulary.displayValue(entityType, fieldName, value)
    onValueChanged: problem = ""
    onTextEdited: if (problem !== "") check()
    Accessible.name: label
    Accessible.description: problem
    inputMethodHints: Qt.ImhFormattedNumbersOnly
    color: text === "" || Vocabulary.parseNumber(text) !== "" ? Theme.text : Theme.error
    onEditingFinished: {
        check()
        const number = Vocabulary.parseNumber(text)
        if (text === "" && value !== "")
            root.commit("")
        else if (number !== "" && number !== value)
            root.commit(number)
    }
}

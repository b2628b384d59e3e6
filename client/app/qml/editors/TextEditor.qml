// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Werkstattplan

// One line of text; saved when the field is left or Enter is pressed.
TextField {
    id: root
    property string value
    property string label
    property string entityType
    property string fieldName
    /** What is wrong with the text (too long), in words; empty if nothing. */
    readonly property string problem: entityType !== "" ? Vocabulary.inputProblem(entityType, fieldName, text) : ""
    signal commit(string value)

    text: value
    selectByMouse: true
    Accessible.name: label
    Accessible.description: problem
    color: problem === "" ? Theme.text : Theme.error
    onEditingFinished: if (text !== value && problem === "") root.commit(text)
}

// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Werkstattplan

// Free text; saved a moment after typing stops and when the field is left, so nothing typed is lost.
// It grows with its text: the editor around it scrolls.
TextArea {
    id: root
    property string value
    property string label
    property string entityType
    property string fieldName
    /** What is wrong with the text (too long), in words; empty if nothing. */
    readonly property string problem: entityType !== "" ? Vocabulary.inputProblem(entityType, fieldName, text) : ""
    signal commit(string value)

    function save() {
        if (text !== root.value && problem === "")
            root.commit(text)
    }

    text: value
    wrapMode: TextEdit.Wrap
    // Room for a few lines even when empty, so it reads as a place to write.
    bottomPadding: Math.max(topPadding, Theme.fontSize * 3 - contentHeight)
    selectByMouse: true
    Accessible.name: label
    Accessible.description: problem
    Keys.onTabPressed: event => { root.save(); nextItemInFocusChain().forceActiveFocus(Qt.TabFocusReason) }
    onTextChanged: if (activeFocus) idle.restart()
    onActiveFocusChanged: if (!activeFocus) root.save()
    background: Rectangle {
        color: root.readOnly ? "transparent" : Theme.surface
        border.color: root.activeFocus ? Theme.focus : Theme.border
        border.width: root.activeFocus ? 2 : 1
        radius: Theme.radius
    }

    Timer {
        id: idle
        interval: 1200
        onTriggered: root.save()
    }
}

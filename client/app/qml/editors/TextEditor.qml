// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Werkstattplan

// One line of text; saved when the field is left or Enter is pressed.
TextField {
    id: root
    property string value
    property string label
    signal commit(string value)

    text: value
    selectByMouse: true
    Accessible.name: label
    onEditingFinished: if (text !== value) root.commit(text)
}

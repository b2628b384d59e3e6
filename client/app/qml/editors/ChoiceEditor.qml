// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Werkstattplan

// One of a field's choices (status, priority, …), or none.
ComboBox {
    id: root
    property string value
    property string label
    property var choices: []
    signal commit(string value)

    textRole: "label"
    valueRole: "key"
    model: [{ key: "", label: qsTr("– nicht gesetzt –") }].concat(choices)
    currentIndex: Math.max(0, indexOfValue(value))
    Accessible.name: label
    onActivated: if (currentValue !== value) root.commit(currentValue)
}

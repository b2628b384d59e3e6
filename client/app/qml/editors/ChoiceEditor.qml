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
    Accessible.name: label

    // Set from the value whenever it or the list changes: a binding on indexOfValue() would not notice
    // the model arriving after it (and show "nicht gesetzt"), nor a refused choice.
    function showValue() { currentIndex = Math.max(0, indexOfValue(value)) }
    onValueChanged: showValue()
    onModelChanged: showValue()
    Component.onCompleted: showValue()
    onActivated: {
        if (currentValue !== value)
            root.commit(currentValue)
        showValue()
    }
}

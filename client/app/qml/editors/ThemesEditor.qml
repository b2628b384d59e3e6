// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Werkstattplan

// The themes of a measure, as chips to switch on and off.
Flow {
    id: root
    property string value // JSON array of keys
    property string label
    property var choices: []
    property bool readOnly: false
    signal commit(string value)

    spacing: Theme.spacing / 2
    Repeater {
        model: root.choices
        delegate: Button {
            required property var modelData
            text: modelData.label
            checkable: !root.readOnly
            checked: Vocabulary.hasTheme(root.value, modelData.key)
            highlighted: checked
            flat: !checked
            Accessible.name: qsTr("Thema %1").arg(modelData.label)
            onToggled: root.commit(Vocabulary.withTheme(root.value, modelData.key, checked))
        }
    }
}

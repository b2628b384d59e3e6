// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Werkstattplan

CheckBox {
    id: root
    property string value
    property string label
    signal commit(string value)

    text: label
    checked: value === "true"
    onToggled: root.commit(checked ? "true" : "false")
}

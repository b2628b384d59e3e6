// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Werkstattplan

// Free text; saved a moment after typing stops and when the field is left, so nothing typed is lost.
ScrollView {
    id: root
    property string value
    property string label
    property bool readOnly: false
    signal commit(string value)

    implicitHeight: Math.min(Math.max(area.implicitHeight, Theme.fontSize * 5), Theme.fontSize * 16)
    activeFocusOnTab: false

    function save() {
        if (area.text !== root.value)
            root.commit(area.text)
    }

    TextArea {
        id: area
        objectName: root.objectName + "Area"
        text: root.value
        wrapMode: TextEdit.Wrap
        selectByMouse: true
        readOnly: root.readOnly
        Accessible.name: root.label
        KeyNavigation.priority: KeyNavigation.BeforeItem
        Keys.onTabPressed: event => { root.save(); nextItemInFocusChain().forceActiveFocus(Qt.TabFocusReason) }
        onTextChanged: if (activeFocus) idle.restart()
        onActiveFocusChanged: if (!activeFocus) root.save()
        background: Rectangle {
            color: area.readOnly ? "transparent" : Theme.surface
            border.color: area.activeFocus ? Theme.focus : Theme.border
            border.width: area.activeFocus ? 2 : 1
            radius: Theme.radius
        }
    }
    Timer {
        id: idle
        interval: 1200
        onTriggered: root.save()
    }
}

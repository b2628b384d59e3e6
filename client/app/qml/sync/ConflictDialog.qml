// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Werkstattplan

// One conflict of the plan, opened from a field editor; closes itself once the conflict is resolved.
Dialog {
    id: root
    property string conflictId

    function show(conflictId) {
        root.conflictId = conflictId
        open()
    }

    objectName: "conflictDialog"
    title: qsTr("Konflikt klären")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(Overlay.overlay ? Overlay.overlay.width - Theme.padding * 2 : Theme.fontSize * 56, Theme.fontSize * 56)
    footer: DialogButtonBox {
        Button {
            objectName: "conflictDialogClose"
            text: qsTr("Schließen")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }
    onClosed: conflictId = ""

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth
        implicitHeight: Math.min(view.implicitHeight, Overlay.overlay ? Overlay.overlay.height * 0.7 : view.implicitHeight)
        ConflictView {
            id: view
            width: scroll.availableWidth
            conflictId: root.conflictId
            onResolved: root.close()
        }
    }
}

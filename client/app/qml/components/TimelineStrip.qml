// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Werkstattplan

Item {
    property string planId
    property string selectedId
    signal selected(string entityId)
    implicitHeight: 0
}

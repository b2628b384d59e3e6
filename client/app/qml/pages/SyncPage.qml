// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Werkstattplan

Page {
    id: root
    title: qsTr("Abgleich")
}

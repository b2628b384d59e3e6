// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick

// A page of the main window made the first time it is shown and kept from then on, so start-up only pays
// for the page a person sees first.
Loader {
    active: false
    onVisibleChanged: if (visible) active = true
    Component.onCompleted: if (visible) active = true
}

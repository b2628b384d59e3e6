// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick

// Keeps the keyboard focus in sight: when Tab (or anything) moves the focus to an item inside a scrolled
// area (a page's ScrollView, the editor's fields, a list), the area scrolls just far enough to show it.
QtObject {
    id: root
    /** The window whose focus is followed. */
    property Window window
    /** Room left above and below the item, so its label shows too. */
    property real margin: Theme.padding * 2

    function reveal(item) {
        for (let p = item ? item.parent : null; p; p = p.parent) {
            // A Flickable (also the one inside a ScrollView and every ListView): scroll it vertically.
            if (p.contentY === undefined || p.flickableDirection === undefined || p.contentItem === undefined)
                continue
            if (p.contentHeight > p.height) {
                const top = item.mapToItem(p.contentItem, 0, 0).y
                const bottom = top + Math.min(item.height, p.height - root.margin)
                const maxY = p.originY + p.contentHeight - p.height
                if (top - root.margin < p.contentY)
                    p.contentY = Math.max(p.originY, top - root.margin)
                else if (bottom + root.margin > p.contentY + p.height)
                    p.contentY = Math.min(maxY, bottom + root.margin - p.height)
            }
            item = p // a flickable inside another: show it in its own parent in turn
        }
    }

    property Connections followFocus: Connections {
        target: root.window
        function onActiveFocusItemChanged() { root.reveal(root.window.activeFocusItem) }
    }
}

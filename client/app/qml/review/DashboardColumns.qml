// SPDX-License-Identifier: GPL-3.0-or-later
pragma Singleton
import QtQuick
import Werkstattplan

// The columns of the office's overview, shared by its header and its rows: sort key and width.
// The municipality's column takes the room the others leave.
QtObject {
    readonly property var keys: ["name", "reviewStatus", "measures", "completeness", "openReviewNotes", "lastChange", "lastSubmission"]
    readonly property var ems: ({ reviewStatus: 9, measures: 12, completeness: 8, openReviewNotes: 11, lastChange: 12,
                                  lastSubmission: 12 })
    function width(key, available) {
        if (key !== "name")
            return Theme.fontSize * ems[key]
        let others = 0
        for (const k in ems)
            others += ems[k]
        return Math.max(Theme.fontSize * 14, available - Theme.fontSize * (others + 1))
    }
}

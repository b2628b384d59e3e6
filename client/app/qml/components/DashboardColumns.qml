// SPDX-License-Identifier: GPL-3.0-or-later
pragma Singleton
import QtQuick
import Werkstattplan

// The columns of the office's overview, shared by its header and its rows: sort key and width.
QtObject {
    readonly property var keys: ["name", "reviewStatus", "measures", "completeness", "openReviewNotes", "lastChange", "lastSubmission"]
    function width(key) {
        switch (key) {
        case "name": return Theme.fontSize * 17
        case "measures": return Theme.fontSize * 14
        case "completeness": return Theme.fontSize * 7
        case "openReviewNotes": return Theme.fontSize * 7
        }
        return Theme.fontSize * 10
    }
}

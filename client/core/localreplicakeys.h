// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The client_state keys and files LocalReplica keeps, shared by the files its implementation is split into.

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace LocalReplicaKeys {

using namespace Qt::Literals::StringLiterals;

inline const QString cursorKey = u"cursor"_s;
/** Protocol::cursorTag of the change at the cursor, as the server gave it (next_tag); empty if unknown. */
inline const QString cursorTagKey = u"cursor_tag"_s;
inline const QString bootstrappedKey = u"bootstrapped"_s;
/** A first sync under way: the cursor of its first page and the key its last stored page ended at. */
inline const QString bootstrapCursorKey = u"bootstrap_cursor"_s;
inline const QString bootstrapAfterKey = u"bootstrap_after"_s;
inline const QString lastSyncKey = u"last_complete_sync"_s;
inline const QString lastStampKey = u"last_hlc"_s;
/** A data-safety notice for the user (JSON: code, message, at), until dismissed. */
inline const QString noticeKey = u"data_notice"_s;
/** The epoch of the server's log the cursor belongs to (client_state). */
inline const QString serverEpochKey = u"server_epoch"_s;
/** After a restore: the log's last sequence number when this device's changes were queued again (client_state). */
inline const QString restoreMarkKey = u"restore_mark"_s;
/** Author of edits made before any account signed in on this replica (local-only work). */
inline const QString localAuthor = u"local"_s;

/** A JSON file beside the replica as an object; empty if it is missing or unreadable. */
inline QJsonObject readJson(const QString &file)
{
    QFile source(file);
    if (!source.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(source.readAll()).object();
}

} // namespace LocalReplicaKeys

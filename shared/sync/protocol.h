// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "storage/replicastore.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>

#include <optional>

/** The wire form of the sync protocol (docs/protocol.md), shared by server and client. */
namespace Protocol {

constexpr int version = 1;
/** Request header carrying the protocol version. */
inline constexpr char versionHeader[] = "Werkstattplan-Protocol";

/** Largest request body the server reads, in bytes. */
constexpr qint64 maxBodyBytes = 8 * 1024 * 1024;
constexpr int maxPushChanges = 2000;
constexpr int maxPullLimit = 1000;
constexpr int defaultPullLimit = 500;
constexpr int maxBootstrapLimit = 1000;
constexpr int defaultBootstrapLimit = 200;
/**
 * Changes in the histories of one bootstrap page, at most: a page ends early
 * (with more: true) rather than hold thousands of long histories in memory.
 */
constexpr int maxBootstrapChanges = 20000;

QJsonArray toJson(const QList<Change> &changes);
QJsonObject toJson(const SnapshotEntity &entity);
/**
 * The body of a bootstrap page, {"cursor", "entities", "next", "more"}, as
 * compact JSON text: the same document as built from QJsonObjects, written
 * straight into one buffer.
 */
QByteArray bootstrapPageJson(qint64 cursor, const SnapshotPage &page);
/** A stored change as the history of a bootstrap page holds it (a HistoryWriter for ReplicaStore::snapshotPage). */
void appendStoredChange(QByteArray &out, const StoredChangeText &change);
Result<SnapshotEntity> snapshotEntityFromJson(const QJsonObject &object);

/** The members of a bootstrap page beside its entities, which are left as text to be read next. */
struct BootstrapPageHead
{
    std::optional<qint64> cursor; ///< on the first page
    qint64 next = 0;
    bool more = false;
    QByteArrayView entities; ///< the JSON array, inside the page's text
};
/**
 * Reads a bootstrap page's text without building a QJsonDocument: first its
 * head (where it ends: enough to ask for the next page), then its entities.
 * Error code: "malformed_snapshot".
 */
Result<BootstrapPageHead> readBootstrapHead(QByteArrayView json);
Result<QList<SnapshotEntity>> readSnapshotEntities(QByteArrayView entitiesArray);

} // namespace Protocol

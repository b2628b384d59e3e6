// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "storage/replicastore.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>

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
Result<SnapshotEntity> snapshotEntityFromJson(const QJsonObject &object);

} // namespace Protocol

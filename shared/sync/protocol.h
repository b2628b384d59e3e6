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

QJsonArray toJson(const QList<Change> &changes);
QJsonObject toJson(const SnapshotEntity &entity);
Result<SnapshotEntity> snapshotEntityFromJson(const QJsonObject &object);

} // namespace Protocol

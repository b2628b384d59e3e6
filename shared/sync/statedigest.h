// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/mergeengine.h"

#include <QCryptographicHash>

/**
 * What a digest covers. Records: what a replica holding some entities without
 * their history (a compact first sync) shares with one that holds them all.
 */
enum class DigestOf { RecordsAndHistories, Records };

/**
 * A canonical hash of a replica: every entity (in id order) with its
 * values, heads and pending bases, its open conflicts, and the ids of every
 * change in its history. Two replicas holding the same set of changes have
 * the same digest, whatever their storage.
 */
class StateDigest
{
public:
    StateDigest();
    /** Entities must be added in ascending id order. */
    void addEntity(const EntityRecord &record, QStringList historyIds);
    [[nodiscard]] QByteArray result();

private:
    void addState(const FieldState &state);
    void add(const QString &text);
    QCryptographicHash m_hash;
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/hlc.h"
#include "sync/localeditor.h"
#include "sync/replicastate.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

/**
 * What a laptop holds: an in-memory replica, its own clock and an editor
 * for one account on one device. Tests make edits as a user would (applied
 * locally first, queued for the next push), or only build a change
 * (make*()) to push it without touching the replica, for changes the server
 * is expected to reject.
 */
class ClientReplica
{
public:
    using Fields = QList<QPair<QString, QString>>;

    ClientReplica(QString user, QString device);
    Q_DISABLE_COPY_MOVE(ClientReplica)

    [[nodiscard]] const QString &user() const { return m_user; }
    [[nodiscard]] const QString &device() const { return m_device; }
    [[nodiscard]] HlcClock &clock() { return m_clock; }
    [[nodiscard]] ReplicaState &state() { return m_state; }

    // Building only: the replica stays as it is (the clock ticks).
    [[nodiscard]] Change makeCreate(const QString &type, const QString &id);
    /** A write based on the versions this replica has; an unknown entity gets an empty base. */
    [[nodiscard]] Change makeSet(const QString &id, const QString &field, const QString &value);
    [[nodiscard]] Change makeRemove(const QString &id);
    /** A new entity: its create followed by one set per field, none applied. */
    [[nodiscard]] QList<Change> makeEntity(const QString &type, const QString &id, const Fields &fields);

    // Editing: applied here and queued for the next push.
    /** Creates an entity with a new id and returns the id. */
    QString create(const QString &type, const Fields &fields);
    void set(const QString &id, const QString &field, const QString &value);
    void remove(const QString &id);
    /** Applies changes made here (e.g. built by make*()) and queues them. */
    void edit(const QList<Change> &changes);

    [[nodiscard]] const QList<Change> &outbox() const { return m_outbox; }
    QList<Change> takeOutbox();

    /** Applies changes from elsewhere (a pull, or another replica), ignoring duplicates. */
    void receive(const QList<Change> &changes);

    [[nodiscard]] const EntityRecord *entity(const QString &id) const { return m_state.entity(id); }
    [[nodiscard]] QString value(const QString &id, const QString &field) const;
    /** A digest (StateDigest) of just these entities, so replicas with different scopes can be compared. */
    [[nodiscard]] QByteArray digestOf(QStringList ids) const;
    [[nodiscard]] QString typeOf(const QString &id) const { return m_types.value(id); }

private:
    QString m_user;
    QString m_device;
    HlcClock m_clock;
    LocalEditor m_editor;
    ReplicaState m_state;
    QList<Change> m_outbox;
    QHash<QString, QString> m_types; ///< entity id → type, also for entities only built, not applied
};

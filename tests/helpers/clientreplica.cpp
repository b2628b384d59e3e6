// SPDX-License-Identifier: GPL-3.0-or-later
#include "clientreplica.h"

#include "sync/statedigest.h"

#include <QtDebug>

using namespace Qt::Literals::StringLiterals;

ClientReplica::ClientReplica(QString user, QString device)
    : m_user(std::move(user)), m_device(std::move(device)), m_clock(m_device), m_editor(m_clock, m_user)
{
}

Change ClientReplica::makeCreate(const QString &type, const QString &id)
{
    m_types.insert(id, type);
    return m_editor.create(type, id);
}

Change ClientReplica::makeSet(const QString &id, const QString &field, const QString &value)
{
    if (const EntityRecord *record = m_state.entity(id))
        return m_editor.set(*record, field, value);
    // Not here yet (just built, or never received): a first write, as on a fresh laptop.
    EntityRecord stub;
    stub.spec = Schema::instance().entity(m_types.value(id));
    Q_ASSERT_X(stub.spec, "ClientReplica::makeSet", "unknown entity; build its create first or receive it");
    stub.id = id;
    stub.fields.resize(stub.spec->fields.size());
    return m_editor.set(stub, field, value);
}

Change ClientReplica::makeRemove(const QString &id)
{
    const EntityRecord *record = m_state.entity(id);
    Q_ASSERT_X(record, "ClientReplica::makeRemove", "the entity is not in this replica");
    return m_editor.remove(*record);
}

QList<Change> ClientReplica::makeEntity(const QString &type, const QString &id, const Fields &fields)
{
    QList<Change> changes { makeCreate(type, id) };
    for (const auto &[field, value] : fields)
        changes << makeSet(id, field, value);
    return changes;
}

QString ClientReplica::create(const QString &type, const Fields &fields)
{
    const QString id = LocalEditor::newId();
    edit({ makeCreate(type, id) });
    for (const auto &[field, value] : fields)
        set(id, field, value);
    return id;
}

void ClientReplica::set(const QString &id, const QString &field, const QString &value)
{
    edit({ makeSet(id, field, value) });
}

void ClientReplica::remove(const QString &id)
{
    edit({ makeRemove(id) });
}

void ClientReplica::edit(const QList<Change> &changes)
{
    for (const Change &change : changes) {
        const auto applied = m_state.apply(change);
        if (!applied)
            qWarning().noquote() << "a local edit does not apply:" << change.id << applied.errorMessage();
        m_outbox << change;
    }
}

QList<Change> ClientReplica::takeOutbox()
{
    return std::exchange(m_outbox, {});
}

void ClientReplica::receive(const QList<Change> &changes)
{
    for (const Change &change : changes) {
        m_types.insert(change.entityId, change.entityType);
        // Stamps from the server passed its drift check; follow them so our next edits sort after.
        m_clock.observe(change.hlc);
        const auto applied = m_state.apply(change);
        if (!applied)
            qWarning().noquote() << "a received change does not apply:" << change.id << applied.errorMessage();
    }
}

QString ClientReplica::value(const QString &id, const QString &field) const
{
    const EntityRecord *record = m_state.entity(id);
    return record ? record->value(field) : QString();
}

QByteArray ClientReplica::digestOf(QStringList ids) const
{
    ids.sort();
    StateDigest digest;
    for (const QString &id : std::as_const(ids)) {
        const EntityRecord *record = m_state.entity(id);
        if (!record || record->isEmpty())
            continue;
        QStringList historyIds;
        for (const Change &change : m_state.history(id))
            historyIds << change.id;
        digest.addEntity(*record, historyIds);
    }
    return digest.result();
}

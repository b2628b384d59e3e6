// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rowlistmodel.h"

#include <QSet>

/**
 * Every change of one entity, newest first: each write of each field, and
 * its creation, deletes and restores. A creation is one entry, however many
 * fields were written with it (the first write of each field, by the same
 * device and account, made with the create); expanded, its fields follow it
 * as entries of their own.
 *
 * Roles: changeId, op ("create", "set", "delete", "restore"), field,
 * fieldLabel, value, display (the value as shown; empty for lifecycle
 * changes and moves), sentence (for those: "Eintrag gelöscht", …), author,
 * device, time (local date and time), thisDevice (made on this device),
 * restorable (a past value of a field the user may set again: it differs
 * from the current value and the entity is editable), group (for a field
 * written with a creation: the creation's changeId; else empty), fieldCount
 * (a creation: how many fields were written with it), expanded (a creation
 * whose fields are shown), summary (a creation: its fields as
 * "Titel: …, Status: …"), origin (who and where, as Session::origin()).
 */
class HistoryModel : public RowListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString entityId READ entityId WRITE setEntityId NOTIFY entityIdChanged)
    Q_PROPERTY(OlderVersions olderVersions READ olderVersions NOTIFY olderVersionsChanged)

public:
    /** Where the versions before the current ones are (a compact first sync leaves them on the server). */
    enum class OlderVersions { Here, Fetching, OnServer };
    Q_ENUM(OlderVersions)

    explicit HistoryModel(QObject *parent = nullptr);

    [[nodiscard]] QString entityId() const { return m_entityId; }
    void setEntityId(const QString &entityId);
    [[nodiscard]] OlderVersions olderVersions() const { return m_olderVersions; }

    /** Shows (or hides) the fields written with a creation, as entries below it. */
    Q_INVOKABLE void setExpanded(const QString &creationId, bool expanded);

    /**
     * Wall time (ms) within which a field's first write belongs to the create before it. The log does not
     * mark a transaction; the writes of one (LocalReplica::add) are stamped within a few ms, and a person
     * needs longer than this to type a first value into a new entry's empty field.
     */
    static constexpr qint64 creationWindowMs = 1000;

Q_SIGNALS:
    void entityIdChanged();
    void olderVersionsChanged();

protected:
    QList<Row> readRows() override;

private:
    /** Asks the sync engine for the entity's whole history if only its heads are here. */
    void fetchOlderVersions();
    void setOlderVersions(OlderVersions where);

    QString m_entityId;
    OlderVersions m_olderVersions = OlderVersions::Here;
    QMetaObject::Connection m_fetched;
    QSet<QString> m_expanded; ///< creations whose fields are shown
};

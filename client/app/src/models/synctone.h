// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "syncstatus.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>

/**
 * What a SyncStatus means for the views, in the classes they show: the tone
 * (a colour class) of the status bar and of the sync page, and which error
 * codes are worth a word. The views map a tone to a colour (Theme.toneColor).
 */
class SyncTone : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_DISABLE_COPY_MOVE(SyncTone)
    Q_PROPERTY(SyncStatus *status READ status WRITE setStatus NOTIFY statusChanged)
    /**
     * The status bar's tone: "online" (the only green one: everything confirmed, nothing open), "syncing",
     * "pending" (work waits to be sent), "conflict", "error", "offline" or "local".
     */
    Q_PROPERTY(QString tone READ tone NOTIFY changed)
    /** The state alone as a tone, without pending work or conflicts: "online", "syncing", "error" or "offline". */
    Q_PROPERTY(QString stateTone READ stateTone NOTIFY changed)
    /** The error code is worth showing: set, and not merely "no server configured". */
    Q_PROPERTY(bool showsError READ showsError NOTIFY changed)
    /** The server no longer accepts the sign-in: the account must sign in again. */
    Q_PROPERTY(bool signInExpired READ signInExpired NOTIFY changed)

public:
    explicit SyncTone(QObject *parent = nullptr);

    [[nodiscard]] SyncStatus *status() const { return m_status; }
    void setStatus(SyncStatus *status);
    [[nodiscard]] QString tone() const;
    [[nodiscard]] QString stateTone() const;
    [[nodiscard]] bool showsError() const;
    [[nodiscard]] bool signInExpired() const;

Q_SIGNALS:
    void statusChanged();
    void changed();

private:
    QPointer<SyncStatus> m_status;
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QString>

/**
 * The honest sync status of one replica, as the UI and `werkstattplan-cli
 * status` show it. Only the SyncEngine writes it; every NOTIFY signal is
 * emitted on a real change only.
 *
 * Invariant: state() is never Online while pendingChanges() > 0, never
 * Online or Syncing while the user chose to work offline (then it is
 * OfflineByChoice), and progressDone() never exceeds progressTotal().
 */
class SyncStatus : public QObject
{
    Q_OBJECT
    // Read-only for QML: the engine is the only writer, so the UI cannot show a state it made up.
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool syncing READ isSyncing NOTIFY syncingChanged)
    Q_PROPERTY(int pendingChanges READ pendingChanges NOTIFY pendingChangesChanged)
    Q_PROPERTY(QDateTime lastCompleteSync READ lastCompleteSync NOTIFY lastCompleteSyncChanged)
    Q_PROPERTY(int progressDone READ progressDone NOTIFY progressDoneChanged)
    Q_PROPERTY(int progressTotal READ progressTotal NOTIFY progressTotalChanged)
    Q_PROPERTY(QString errorCode READ errorCode NOTIFY errorCodeChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)
    Q_PROPERTY(int rejectedChanges READ rejectedChanges NOTIFY rejectedChangesChanged)
    Q_PROPERTY(int openConflicts READ openConflicts NOTIFY openConflictsChanged)
    Q_PROPERTY(qint64 cursor READ cursor NOTIFY cursorChanged)
    Q_PROPERTY(bool offlineByChoice READ isOfflineByChoice NOTIFY offlineByChoiceChanged)
    Q_PROPERTY(QString noticeCode READ noticeCode NOTIFY noticeChanged)
    Q_PROPERTY(QString noticeMessage READ noticeMessage NOTIFY noticeChanged)
    Q_PROPERTY(QDateTime noticeAt READ noticeAt NOTIFY noticeChanged)

public:
    enum State {
        LocalOnly, ///< no server configured
        Offline, ///< server not reachable (or not tried yet); retrying in background mode
        Online, ///< connected, and the server has confirmed every local change
        Syncing, ///< a sync is running or about to run for pending changes
        Error, ///< the user must act: update the app, sign in again, free disk space, …
        OfflineByChoice, ///< the user chose to work offline: nothing is sent or received until they reconnect
    };
    Q_ENUM(State)

    explicit SyncStatus(QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(SyncStatus)

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] bool isSyncing() const { return m_state == Syncing; }
    [[nodiscard]] int pendingChanges() const { return m_pendingChanges; }
    /** Invalid if no sync has ever completed with nothing pending. */
    [[nodiscard]] QDateTime lastCompleteSync() const { return m_lastCompleteSync; }
    /** First sync only: entities received so far; 0/0 when no bootstrap runs. */
    [[nodiscard]] int progressDone() const { return m_progressDone; }
    /** An estimate that grows while pages arrive; never below progressDone(). */
    [[nodiscard]] int progressTotal() const { return m_progressTotal; }
    /** The protocol's error code (the UI translates it); empty when there is no error. */
    [[nodiscard]] QString errorCode() const { return m_errorCode; }
    /** English text for logs and the CLI. */
    [[nodiscard]] QString errorMessage() const { return m_errorMessage; }
    [[nodiscard]] int rejectedChanges() const { return m_rejectedChanges; }
    [[nodiscard]] int openConflicts() const { return m_openConflicts; }
    /** The replica's pull cursor (server sequence number). */
    [[nodiscard]] qint64 cursor() const { return m_cursor; }
    /** The user paused syncing ("Offline arbeiten"); shown as OfflineByChoice unless an error needs them. */
    [[nodiscard]] bool isOfflineByChoice() const { return m_offlineByChoice; }

    /**
     * Something that happened to the user's data, kept until dismissed (SyncEngine::dismissNotice()):
     * "server_restored" (the server was restored from a backup; what it lacked was sent again),
     * "replica_corrupt", "replica_foreign", "replica_empty" (the replica file was set aside and
     * a new one started; the unsynced changes that could be read were saved), "replica_missing",
     * "replica_work_lost" (committed work is missing from the replica). Empty if none.
     */
    [[nodiscard]] QString noticeCode() const { return m_noticeCode; }
    /** English text for logs and the CLI. */
    [[nodiscard]] QString noticeMessage() const { return m_noticeMessage; }
    [[nodiscard]] QDateTime noticeAt() const { return m_noticeAt; }

    /** Lowercase name of a state, as in the JSON form ("localonly", "online", …). */
    [[nodiscard]] static QString stateName(State state);
    /**
     * The form `werkstattplan-cli status --json` prints: state, pending,
     * last_complete_sync (ISO 8601 or null), progress {done, total},
     * error {code, message} or null, rejected, conflicts, cursor,
     * offline_by_choice (bool), notice {code, message, at} or null.
     */
    [[nodiscard]] QJsonObject toJson() const;

    // Written by the SyncEngine only.
    /** Online with pending changes is shown as Syncing: work is still on its way. */
    void setState(State state);
    void setPendingChanges(int count);
    void setLastCompleteSync(const QDateTime &when);
    /** Clamps done to total. */
    void setProgress(int done, int total);
    void setError(const QString &code, const QString &message);
    void clearError() { setError({}, {}); }
    void setRejectedChanges(int count);
    void setOpenConflicts(int count);
    void setCursor(qint64 cursor);
    void setOfflineByChoice(bool offline);
    void setNotice(const QString &code, const QString &message, const QDateTime &at);

Q_SIGNALS:
    void stateChanged();
    void syncingChanged();
    void pendingChangesChanged();
    void lastCompleteSyncChanged();
    void progressDoneChanged();
    void progressTotalChanged();
    void errorCodeChanged();
    void errorMessageChanged();
    void rejectedChangesChanged();
    void openConflictsChanged();
    void cursorChanged();
    void offlineByChoiceChanged();
    void noticeChanged();

private:
    /** Applies the honesty rule to the requested state and emits what changed. */
    void updateState();

    State m_requested = LocalOnly; ///< what the engine last said
    State m_state = LocalOnly; ///< what is shown
    int m_pendingChanges = 0;
    QDateTime m_lastCompleteSync;
    int m_progressDone = 0;
    int m_progressTotal = 0;
    QString m_errorCode;
    QString m_errorMessage;
    int m_rejectedChanges = 0;
    int m_openConflicts = 0;
    qint64 m_cursor = 0;
    bool m_offlineByChoice = false;
    QString m_noticeCode;
    QString m_noticeMessage;
    QDateTime m_noticeAt;
};

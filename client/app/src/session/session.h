// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "localreplica.h"
#include "replicaview.h"
#include "syncengine.h"

#include <QObject>
#include <QQmlEngine>
#include <QUrl>

#include <memory>

/**
 * The desktop client's one connection to its replica: which account is
 * signed in, every edit the user makes (written locally at once, then
 * pushed in the background), undo, and the signal that tells the models to
 * read again. The models and pages only read through it and write through it.
 *
 * Replicas live in a data folder: "account" for the signed-in account and
 * "local" for work started without a server. Signing in from local work
 * copies that work into the account's plan once the first sync has brought
 * the plan, and keeps the local folder as it was, renamed.
 */
class Session : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    Q_PROPERTY(bool ready READ isReady NOTIFY accountChanged)
    Q_PROPERTY(bool localOnly READ isLocalOnly NOTIFY accountChanged)
    Q_PROPERTY(bool office READ isOffice NOTIFY accountChanged)
    Q_PROPERTY(QString user READ user NOTIFY accountChanged)
    Q_PROPERTY(QString serverUrl READ serverUrl NOTIFY accountChanged)
    Q_PROPERTY(QString device READ device NOTIFY accountChanged)
    Q_PROPERTY(QString planId READ planId NOTIFY planChanged)
    Q_PROPERTY(QString municipalityName READ municipalityName NOTIFY planChanged)
    Q_PROPERTY(SyncStatus *sync READ sync NOTIFY accountChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    Q_PROPERTY(int revision READ revision NOTIFY revisionChanged)
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY undoChanged)
    Q_PROPERTY(QString undoText READ undoText NOTIFY undoChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(bool workOffline READ workOffline WRITE setWorkOffline NOTIFY workOfflineChanged)

public:
    explicit Session(const QString &dataFolder, QObject *parent = nullptr);
    ~Session() override;
    Q_DISABLE_COPY_MOVE(Session)

    /** The instance QML sees; set once by main() (or a test) before QML is loaded. */
    static void setInstance(Session *session);
    static Session *create(QQmlEngine *, QJSEngine *);
    [[nodiscard]] static Session *instance();

    /** Opens the replica the app used last; false on first start (nothing chosen yet). */
    bool openLast();

    [[nodiscard]] bool isReady() const { return m_replica != nullptr; }
    [[nodiscard]] bool isLocalOnly() const;
    [[nodiscard]] bool isOffice() const;
    [[nodiscard]] QString user() const;
    [[nodiscard]] QString serverUrl() const;
    [[nodiscard]] QString device() const;
    [[nodiscard]] QString planId() const { return m_planId; }
    [[nodiscard]] QString municipalityName() const { return m_municipalityName; }
    [[nodiscard]] SyncStatus *sync() const { return m_engine ? m_engine->status() : nullptr; }
    [[nodiscard]] bool isBusy() const { return m_busy; }
    [[nodiscard]] int revision() const { return m_revision; }
    [[nodiscard]] bool canUndo() const { return !m_undo.isEmpty(); }
    [[nodiscard]] QString undoText() const;
    [[nodiscard]] QString language() const { return m_language; }
    void setLanguage(const QString &language);
    [[nodiscard]] bool workOffline() const { return m_workOffline; }
    void setWorkOffline(bool offline);

    /** The replica, for the models; null before setup. */
    [[nodiscard]] LocalReplica *replica() const { return m_replica.get(); }
    [[nodiscard]] ReplicaView *view() const { return m_view.get(); }
    [[nodiscard]] SyncEngine *engine() const { return m_engine.get(); }

    // First start
    /** Signs in (in the background); signInFinished tells how it went. */
    Q_INVOKABLE void signIn(const QString &server, const QString &user, const QString &password);
    /** Starts without a server: a local plan named after the municipality. */
    Q_INVOKABLE bool startLocal(const QString &municipality);
    Q_INVOKABLE void syncNow();

    // Edits: each returns false (and emits notice) if it was refused.
    Q_INVOKABLE bool setField(const QString &entityId, const QString &field, const QString &value);
    /** Adds an entity at the end of its list; returns its id (empty if refused). */
    Q_INVOKABLE QString addEntity(const QString &type, const QString &parentId, const QString &title);
    Q_INVOKABLE bool removeEntity(const QString &entityId);
    Q_INVOKABLE bool restoreEntity(const QString &entityId);
    /** Moves an entity one place up (-1) or down (+1) among its siblings. */
    Q_INVOKABLE bool moveEntity(const QString &entityId, int step);
    /** side: "kept" (the current value), "other", or "merged" with the value to keep. */
    Q_INVOKABLE bool resolveConflict(const QString &conflictId, const QString &side, const QString &value = {});
    /**
     * Writes a comment (peer feedback; "review" for the office) on an entity of a plan; replyToId: the
     * comment it answers, e.g. a municipality's answer to a review note.
     */
    Q_INVOKABLE QString addComment(const QString &targetId, const QString &body, const QString &replyToId = {});
    /** The office: a workshop meeting of a cluster; date as yyyy-MM-dd. Returns its id. */
    Q_INVOKABLE QString addMeeting(const QString &title, const QString &cluster, const QString &date,
                                   const QString &hostId, const QString &place);
    /** A municipality: one of its measures is to be presented at a meeting. Returns the link's id. */
    Q_INVOKABLE QString linkToMeeting(const QString &measureId, const QString &meetingId);
    /** The office: sets (or adds) one synopsis figure of a municipality: its value and unit in a year. */
    Q_INVOKABLE bool setSynopsisFigure(const QString &municipalityId, const QString &key, const QString &value,
                                       const QString &unit, const QString &year);
    Q_INVOKABLE void undo();

    // Review and reports
    /** The municipality submits its plan for review: freezes it as a version ("Stand vom …"). */
    Q_INVOKABLE bool submitPlan();
    /** Exports, made from this device's replica and stamped with its sync state; false (and a notice) on failure. */
    Q_INVOKABLE bool exportPlanPdf(const QString &planId, const QUrl &file);
    Q_INVOKABLE bool exportMeasuresCsv(const QUrl &file);
    Q_INVOKABLE bool exportSynopsisCsv(const QUrl &file);
    /** The office imports synopsis figures from a CSV file (all or nothing); tells how it went. */
    Q_INVOKABLE bool importSynopsisCsv(const QUrl &file);

    // Reading helpers for QML views (no logic: lookups the models share).
    Q_INVOKABLE QString fieldValue(const QString &entityId, const QString &field) const;
    Q_INVOKABLE QString entityType(const QString &entityId) const;
    Q_INVOKABLE bool mayEdit(const QString &entityId) const;
    /**
     * Where a new entity of type goes when near is selected: the nearest entity of
     * its parent type at or above near (a new goal beside a measure goes to the
     * measure's field of action). Empty if there is none.
     */
    Q_INVOKABLE QString parentForNew(const QString &type, const QString &near) const;
    /** The plan an entity belongs to. */
    Q_INVOKABLE QString planOf(const QString &entityId) const;
    /** The name of the municipality whose plan an entity belongs to. */
    Q_INVOKABLE QString municipalityOf(const QString &entityId) const;

Q_SIGNALS:
    void accountChanged();
    void planChanged();
    void busyChanged();
    void revisionChanged();
    void undoChanged();
    void languageChanged();
    void workOfflineChanged();
    /** A message for the user, already translated. */
    void notice(const QString &message);
    /** Empty error: signed in. */
    void signInFinished(const QString &error);

private:
    struct UndoStep
    {
        QString text; ///< what undo will undo, for the button's tooltip
        std::function<Status()> revert;
    };

    Status open(const QString &folder);
    void close();
    void rememberCurrent(const QString &folder);
    void findPlan();
    /** Models read again. */
    void changed();
    /** After a local edit. */
    void edited();
    void pushUndo(const QString &text, std::function<Status()> revert);
    /** Writes an export; tells the user where it went, or why it failed. */
    bool exported(const Status &written, const QUrl &file);
    /** Adds an entity with its fields, undoably; its id, or empty (and a notice) if refused. */
    QString addRecord(const QString &type, const QString &parentId, const LocalReplica::Fields &fields,
                      const QString &undoText);
    /** True if it went well; else tells the user why. */
    template<typename T>
    bool check(const Result<T> &result)
    {
        if (!result)
            report(result.error());
        return bool(result);
    }
    void report(const Error &error);
    Status adoptLocalWork(const QString &localFolder);
    /** A user-facing sentence for an error code of an edit or a sign-in. */
    static QString explain(const Error &error);

    QString m_dataFolder;
    std::unique_ptr<LocalReplica> m_replica;
    std::unique_ptr<ReplicaView> m_view;
    std::unique_ptr<SyncEngine> m_engine;
    QString m_planId;
    QString m_municipalityName;
    bool m_busy = false;
    int m_revision = 0;
    QList<UndoStep> m_undo;
    QString m_language;
    bool m_workOffline = false;
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "localreplica.h"
#include "planeditor.h"
#include "replicaview.h"
#include "sessionsettings.h"
#include "syncengine.h"
#include "undostack.h"

#include <QObject>
#include <QQmlEngine>
#include <QUrl>
#include <QVariantMap>

#include <memory>

class QPagedPaintDevice;

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
    Q_PROPERTY(bool canRedo READ canRedo NOTIFY undoChanged)
    Q_PROPERTY(QString redoText READ redoText NOTIFY undoChanged)
    /** The last step was an undo that can be redone: the notice offers "Wiederholen", not "Rückgängig". */
    Q_PROPERTY(bool redoNext READ redoNext NOTIFY undoChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(bool workOffline READ workOffline WRITE setWorkOffline NOTIFY workOfflineChanged)
    /** A new device's first sync is running (or was interrupted): the own plan has not all arrived yet. */
    Q_PROPERTY(bool firstSync READ isFirstSync NOTIFY firstSyncChanged)
    /** What others see this device as ("Laptop Rathaus"); set in Einstellungen. */
    Q_PROPERTY(QString deviceName READ deviceName WRITE setDeviceName NOTIFY deviceNameChanged)
    /**
     * The certificate of a certificate authority of one's own (a municipal PKI, "Zertifikat der Stelle"), a PEM
     * file trusted besides the system's for the signed-in account (kept with it) or the next sign-in; empty: none.
     */
    Q_PROPERTY(QString caFile READ caFile NOTIFY caFileChanged)

public:
    explicit Session(const QString &dataFolder, QObject *parent = nullptr);
    ~Session() override;
    Q_DISABLE_COPY_MOVE(Session)

    /** The instance QML engines are given; set once by main() (or a test) before QML is loaded. */
    static void setInstance(Session *session);
    static Session *create(QQmlEngine *, QJSEngine *);
    /** The session of the QML engine that made object; null for an object not made by QML. */
    [[nodiscard]] static Session *of(const QObject *object);

    /** The folder of this device's replicas and settings.ini. */
    [[nodiscard]] QString dataFolder() const { return m_dataFolder; }
    /** Opens the replica the app used last; false on first start (nothing chosen yet). */
    bool openLast();

    /** A replica is open and no first sign-in is still asking the server (the sign-in page stays until then). */
    [[nodiscard]] bool isReady() const { return m_replica != nullptr && !m_firstSignIn; }
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
    [[nodiscard]] bool canUndo() const { return m_undo.canUndo(); }
    [[nodiscard]] QString undoText() const;
    [[nodiscard]] bool canRedo() const { return m_undo.canRedo(); }
    [[nodiscard]] QString redoText() const;
    [[nodiscard]] bool redoNext() const { return m_undo.redoNext(); }
    [[nodiscard]] QString language() const { return m_language; }
    void setLanguage(const QString &language);
    [[nodiscard]] bool workOffline() const { return m_workOffline; }
    void setWorkOffline(bool offline);
    /**
     * True while a signed-in replica has not completed its first sync (or the account's own plan has not
     * arrived): until then the plan looks empty though it is not, so creating entries and submitting wait.
     */
    [[nodiscard]] bool isFirstSync() const { return m_firstSync; }
    [[nodiscard]] QString deviceName() const;
    /** Renames this device for everyone (sent with the next sync); an empty name is refused. */
    void setDeviceName(const QString &name);
    [[nodiscard]] QString caFile() const { return m_caFile; }
    /**
     * Trusts the certificate authorities in caFile (PEM; empty: the system's only) from now on: for the
     * signed-in account (which then syncs again) or the next sign-in. Nothing changes if it is no CA file.
     */
    Status setCaFile(const QString &caFile);
    /** The server address the user typed, as a URL: without a scheme it is https://. */
    [[nodiscard]] static QUrl serverUrlFromInput(const QString &input);

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
    /** The user chose a CA certificate file (setCaFile); false (and a notice) if it cannot be used. */
    Q_INVOKABLE bool useCaFile(const QUrl &file);
    /** The user removed the CA certificate: the system's authorities only. */
    Q_INVOKABLE void useSystemCertificates();
    /**
     * True if signing in at this address would send the password unencrypted over a network (http:// to
     * another computer, TlsTrust::isInsecure): the sign-in page asks first.
     */
    Q_INVOKABLE bool isInsecureServer(const QString &server) const;
    /** The user has read the sync status's notice (what happened to the data): it is cleared. */
    Q_INVOKABLE void dismissNotice();
    /** Local changes the server has not confirmed yet (what signing out would leave on this device). */
    Q_INVOKABLE int unsentChanges() const;
    /**
     * Signs this device out: forgets the token and shows the first-start page. The replica stays in its
     * folder with every unsent change; signing in again with the same account continues with it and sends
     * them. Signing in with another account uses a folder of its own.
     */
    Q_INVOKABLE void signOut();
    /**
     * Who made a change and where, for people: "auf „Laptop Rathaus“ (Adorf/Vogtl.)", "auf diesem Gerät",
     * "Einrichtung des Servers" for what the server's administrator set up; devices by the name they gave
     * themselves, accounts by their municipality or as the office.
     */
    Q_INVOKABLE QString origin(const QString &author, const QString &device) const;
    /** The author alone: the municipality, "Geschäftsstelle", "Einrichtung des Servers", or the account. */
    Q_INVOKABLE QString authorLabel(const QString &author, const QString &device) const;

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
    /** Does again what the last undo undid; a new edit in between clears what can be redone. */
    Q_INVOKABLE void redo();

    // Review and reports
    /** The municipality submits its plan for review: freezes it as a version ("Stand vom …"). */
    Q_INVOKABLE bool submitPlan();
    /**
     * The office moves a plan's review on (LocalReplica::review): the status and, with a note, a review
     * note to the municipality, written together. Asking for changes needs the note.
     */
    Q_INVOKABLE bool reviewPlan(const QString &planId, const QString &status, const QString &note = {});
    /** The office's latest note on the plan as a whole: {id, body, createdAt}; empty if none. */
    Q_INVOKABLE QVariantMap latestReviewNote(const QString &planId) const;
    /** Exports, made from this device's replica and stamped with its sync state; false (and a notice) on failure. */
    Q_INVOKABLE bool exportPlanPdf(const QString &planId, const QUrl &file);
    Q_INVOKABLE bool exportMeasuresCsv(const QUrl &file);
    Q_INVOKABLE bool exportSynopsisCsv(const QUrl &file);
    /** Prints a plan on a paged device (the print dialog's printer), as its PDF; false (and a notice) on failure. */
    bool printPlan(const QString &planId, QPagedPaintDevice &device);
    /** The office imports synopsis figures from a CSV file (all or nothing); tells how it went. */
    Q_INVOKABLE bool importSynopsisCsv(const QUrl &file);

    // Reading helpers for QML views (no logic: lookups the models share).
    Q_INVOKABLE QString fieldValue(const QString &entityId, const QString &field) const;
    Q_INVOKABLE QString entityType(const QString &entityId) const;
    /** True if the entity is in the replica and not deleted. */
    Q_INVOKABLE bool isLive(const QString &entityId) const;
    /** True if the account may edit some field of the entity now, by the rules the server applies (PlanEditor::mayEdit). */
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
    void firstSyncChanged();
    void deviceNameChanged();
    void caFileChanged();
    /** A message for the user, already translated. */
    void notice(const QString &message);
    /** Empty error: signed in. */
    void signInFinished(const QString &error);

private:
    /** Where a sign-in started from and which folder the account's replica is in. */
    struct SignInAttempt
    {
        QString previousFolder; ///< the replica open before; empty if none
        QString folder;
        bool fromLocalWork = false; ///< the local work is copied into the account's plan after the first sync
    };
    /** The server refused the sign-in (or it could not be tried): back to the replica open before. */
    void signInFailed(const SignInAttempt &attempt, const Error &error);
    /** The server accepted the sign-in: the first sync starts. */
    void signedIn(const SignInAttempt &attempt);
    void firstSyncEnded(const SignInAttempt &attempt, bool synced);
    Status open(const QString &folder);
    /** The folder of an account's replica: the one it used before, else the first one free. */
    [[nodiscard]] QString accountFolder(const QString &server, const QString &user) const;
    void updateFirstSync();
    /** The device record of a device id, if the replica knows it. */
    [[nodiscard]] std::optional<EntityRecord> deviceRecord(const QString &device) const;
    void close();
    void rememberCurrent(const QString &folder);
    void findPlan();
    /** Models read again. */
    void changed();
    /** After a local edit. */
    void edited();
    using Describe = UndoStack::Describe;
    void pushUndo(Describe describe, std::function<Status()> revert, std::function<Status()> reapply = {});
    /** False (and a notice) if there is nothing to export from, or no file was named. */
    bool exportable(const QUrl &file);
    /** Writes an export; tells the user where it went, or why it failed. */
    bool exported(const Status &written, const QUrl &file);
    /** Adds an entity with its fields, undoably; its id, or empty (and a notice) if refused. */
    QString addRecord(const QString &type, const QString &parentId, const LocalReplica::Fields &fields,
                      Describe undoText);
    /** After an entity was added: undoable; its id, or empty (and a notice) if it was refused. */
    QString added(const Result<QString> &id, Describe undoText);
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

    QString m_dataFolder;
    SessionSettings m_settings;
    std::unique_ptr<LocalReplica> m_replica;
    std::unique_ptr<ReplicaView> m_view;
    std::unique_ptr<PlanEditor> m_editor;
    std::unique_ptr<SyncEngine> m_engine;
    QString m_planId;
    QString m_municipalityName;
    bool m_busy = false;
    bool m_firstSignIn = false; ///< signing in with no replica open before
    int m_revision = 0;
    UndoStack m_undo;
    QString m_language;
    bool m_workOffline = false;
    bool m_firstSync = false;
    QString m_caFile;
};

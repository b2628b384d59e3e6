// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "localreplica.h"
#include "planeditor.h"
#include "syncengine.h"
#include "replicaview.h"
#include "office/exports.h"

struct EditLine;

#include <QStringList>

#include <memory>

/** Exit codes of werkstattplan-cli (docs/cli.md). */
enum ExitCode {
    ExitOk = 0,
    ExitUsage = 1, ///< bad arguments, unknown id or field, invalid value, an edit the account may not make
    ExitSync = 2, ///< the server could not be reached, refused the login or failed the sync
};

/** The options of one invocation, already parsed. */
struct CliOptions
{
    QString replicaFolder;
    bool json = false;
    QString user;
    QString passwordFile;
    QString municipality;
    QString parent;
    QStringList set;
    QString keep;
    bool hasValue = false;
    QString value;
    QString outFile;
    QString plan;
    QString label;
    QString from;
    QString to;
    QString reviewStatus;
    QString note; ///< review: written as a review note with the status
    bool hasCaFile = false; ///< --ca-file was given (an empty FILE: the system's authorities only)
    QString caFile;
    bool allowInsecure = false; ///< connect: sign in over plain http:// beyond this computer
    bool atomic = false; ///< apply: every line in one transaction, none stored if one is refused
};

/**
 * The commands of werkstattplan-cli. Each opens the replica, does one thing
 * and returns an exit code; errors are printed once, here, and nothing is
 * written when a command is refused.
 */
class Commands
{
public:
    explicit Commands(CliOptions options);
    ~Commands();
    Q_DISABLE_COPY_MOVE(Commands)

    /** Runs the command named by args[0] with the rest as its arguments. */
    int run(const QStringList &args);
    /** The commands as --help lists them, under "Commands:". */
    [[nodiscard]] static QString helpText();

private:
    /** Fetches the whole history of an entity a compact first sync brought without it; says so if it cannot. */
    void fetchHistoryIfPartial(const QString &id);
    /** One command: its name, how many arguments it takes, its lines in --help and what runs it. */
    struct Command
    {
        QString name;
        int leastArguments = 0;
        int mostArguments = 0;
        QString help;
        int (*run)(Commands &commands, const QStringList &args) = nullptr;
    };
    static const QList<Command> &table();

    int openReplica();
    int connect(const QStringList &args);
    int sync();
    int status();
    int list(const QStringList &args);
    int show(const QString &id);
    int history(const QString &id);
    int add(const QStringList &args);
    int set(const QStringList &args);
    int remove(const QString &id);
    int restore(const QString &id);
    int resolve(const QString &conflictId);
    int search(const QString &text);
    int exportData(const QString &format);
    int submit();
    int versions();
    int diff();
    int review();
    int notes();
    int synopsis(const QStringList &args);
    int dashboard();

    int listConflicts(const std::optional<QStringList> &plans);
    int listRejected();

    int apply(const QStringList &args);
    /** One edit of apply, by the single commands' rules; the id it touched or made. */
    Result<QString> applyEdit(const EditLine &edit);

    // The edits, checked alike for the single commands and apply (errors returned, not printed).
    /** FIELD=VALUE pairs as fields ("bad_request" for one without "="). */
    static Result<LocalReplica::Fields> splitPairs(const QStringList &pairs);
    /** Every field is one of the type's, with a valid value ("unknown_field", the schema's value errors). */
    static Status checkFields(const EntitySpec &spec, const LocalReplica::Fields &fields);
    /** The live or deleted record of an id ("not_found"). */
    Result<EntityRecord> existingRecord(const QString &id);
    /** add: word is the CLI's name of the type (field, goal, measure, milestone, comment); the new id. */
    Result<QString> addEntity(const QString &word, const QString &parentId, const LocalReplica::Fields &fields);
    Status setEntity(const QString &id, const LocalReplica::Fields &fields);
    Status removeEntity(const QString &id);
    Status restoreEntity(const QString &id);
    /** The live or deleted record of an id; nullopt after printing that there is none. */
    std::optional<EntityRecord> findRecord(const QString &id);
    /** The plan ids of the municipality named by --municipality; nullopt if none is set. */
    std::optional<QStringList> municipalityPlans(bool *failed);

    /** The plan of --plan, else the account's own; empty after printing why there is none. */
    QString planArgument();
    /** The sync state exports are stamped with. */
    [[nodiscard]] ExportStamp exportStamp();
    /** Writes an export to --out (atomically) or standard output. */
    int writeExport(const QByteArray &data, const QString &what);

    /** Applies --ca-file to the engine (and keeps it with the account); an exit code if it cannot. */
    int applyCaFile(SyncEngine &engine);
    /** Tells on standard error that the replica's server is reached without encryption. */
    void warnIfInsecure(const QUrl &server);
    /** A failure of a command that talked to the server, with what to do about a TLS failure. */
    int failRemote(const Error &error, int code);

    int fail(const Error &error, int code = ExitUsage);
    int fail(const QString &message, int code = ExitUsage);

    CliOptions m_options;
    std::unique_ptr<LocalReplica> m_replica;
    std::unique_ptr<ReplicaView> m_view;
    std::unique_ptr<PlanEditor> m_editor;
};

// SPDX-License-Identifier: GPL-3.0-or-later
// werkstattplan-cli: the replica and sync of one account from the command line, for scripts and tests.

#include "commands.h"
#include "common/allocator.h"
#include "output.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QLoggingCategory>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

/** The PDF export lays text out with fonts, which needs a QGuiApplication; every other command does without. */
bool needsGui(int argc, char *argv[])
{
    bool exporting = false;
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "export")
            exporting = true;
        else if (exporting && arg == "pdf")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    keepLargeBuffersInHeap();
    std::unique_ptr<QCoreApplication> application;
    if (needsGui(argc, argv)) {
        // Headless by default: a server or a script has no display.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        application = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(u"werkstattplan-cli"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(WERKSTATTPLAN_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Werkstattplan command line client: one account's replica of the workshop plans.\n\n"
        "%1\n"
        "Exit codes: 0 ok, 1 usage or validation error, 2 sync or network error. See docs/cli.md."_s.arg(
            Commands::helpText()));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption replica(u"replica"_s,
        u"Replica folder (default: %1)."_s.arg(LocalReplica::defaultFolder()), u"DIR"_s,
        LocalReplica::defaultFolder());
    const QCommandLineOption json(u"json"_s, u"Machine-readable output."_s);
    const QCommandLineOption user(u"user"_s, u"connect: the account's user name."_s, u"USER"_s);
    const QCommandLineOption passwordFile(
        u"password-file"_s, u"connect: read the password from this file (else standard input)."_s, u"FILE"_s);
    const QCommandLineOption municipality(
        u"municipality"_s, u"list: only this municipality's plan."_s, u"NAME"_s);
    const QCommandLineOption parent(
        u"parent"_s, u"add: the parent entity (a comment's: the plan)."_s, u"ID"_s);
    const QCommandLineOption set(
        u"set"_s, u"add: a field of the new entity; repeat for more."_s, u"FIELD=VALUE"_s);
    const QCommandLineOption keep(u"keep"_s, u"resolve: keep mine or theirs."_s, u"WHICH"_s);
    const QCommandLineOption value(u"value"_s, u"resolve: the new value."_s, u"TEXT"_s);
    const QCommandLineOption outFile(
        u"out"_s, u"export: write to this file instead of standard output."_s, u"FILE"_s);
    const QCommandLineOption plan(u"plan"_s, u"The plan (default: the account's own)."_s, u"ID"_s);
    const QCommandLineOption label(u"label"_s, u"submit: a label for the version."_s, u"TEXT"_s);
    const QCommandLineOption from(u"from"_s, u"diff: the older version (default: the latest)."_s, u"VERSION"_s);
    const QCommandLineOption to(u"to"_s, u"diff: the newer version or current (default)."_s, u"VERSION"_s);
    const QCommandLineOption status(u"status"_s, u"review: the new review status."_s, u"STATUS"_s);
    const QCommandLineOption note(u"note"_s, u"review: a note to the municipality, written with the status."_s, u"TEXT"_s);
    const QCommandLineOption verbose(u"verbose"_s, u"Also print the client core's log on standard error."_s);
    const QCommandLineOption caFile(u"ca-file"_s,
        u"connect, sync: also trust the certificate authorities in this PEM file (kept with the account; "
        "empty: the system's only)."_s, u"FILE"_s);
    const QCommandLineOption allowInsecure(u"allow-insecure"_s,
        u"connect: sign in over plain http:// to another computer (the password travels unencrypted)."_s);
    const QCommandLineOption atomic(
        u"atomic"_s, u"apply: every line in one transaction; nothing is stored if one is refused."_s);
    parser.addOptions(
        { atomic, replica, json, user, passwordFile, municipality, parent, set, keep, value, outFile, verbose, plan, label,
          from, to, status, note, caFile, allowInsecure });
    parser.addPositionalArgument(u"command"_s, u"What to do (see above)."_s, u"COMMAND [ARGS...]"_s);

    // parse(), not process(): a usage error must exit with 1 and the same message format as every other
    // error.
    if (!parser.parse(QCoreApplication::arguments())) {
        Output::err() << "werkstattplan-cli: " << parser.errorText() << "; see --help" << Qt::endl;
        return ExitUsage;
    }
    if (parser.isSet(u"help"_s)) {
        Output::out() << parser.helpText() << Qt::flush;
        return ExitOk;
    }
    if (parser.isSet(u"version"_s)) {
        Output::out() << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion()
                      << Qt::endl;
        return ExitOk;
    }

    // The CLI reports every error itself, once; the core's log would repeat it and bury the one line
    // scripts read. QT_LOGGING_RULES still overrides this.
    if (!parser.isSet(verbose))
        QLoggingCategory::setFilterRules(u"werkstattplan.*.debug=false\nwerkstattplan.*.info=false\n"
                                         "werkstattplan.*.warning=false"_s);

    CliOptions options;
    options.replicaFolder = parser.value(replica);
    options.json = parser.isSet(json);
    options.user = parser.value(user);
    options.passwordFile = parser.value(passwordFile);
    options.municipality = parser.value(municipality);
    options.parent = parser.value(parent);
    options.set = parser.values(set);
    options.keep = parser.value(keep);
    options.hasValue = parser.isSet(value);
    options.value = parser.value(value);
    options.outFile = parser.value(outFile);
    options.plan = parser.value(plan);
    options.label = parser.value(label);
    options.from = parser.value(from);
    options.to = parser.value(to);
    options.reviewStatus = parser.value(status);
    options.note = parser.value(note);
    options.hasCaFile = parser.isSet(caFile);
    options.caFile = parser.value(caFile);
    options.allowInsecure = parser.isSet(allowInsecure);
    options.atomic = parser.isSet(atomic);

    Commands commands(options);
    return commands.run(parser.positionalArguments());
}

// SPDX-License-Identifier: GPL-3.0-or-later
// werkstattplan-cli: the one table of commands (name, arguments, help, what runs), read by --help and run().
#include "commands.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

/** How many positional arguments a command takes at most when it takes "the rest" (set, search). */
constexpr int manyArguments = 1000;

} // namespace

const QList<Commands::Command> &Commands::table()
{
    // In the order --help lists them; help: the lines under "Commands:" (empty: told with the one before).
    static const QList<Command> commands {
        { u"connect"_s, 1, 1,
          u"  connect URL --user USER [--ca-file FILE] [--allow-insecure]\n"
          "                                  sign in (password from --password-file or standard input)\n"_s,
          [](Commands &c, const QStringList &args) { return c.connect(args); } },
        { u"sync"_s, 0, 0, u"  sync                            push local changes and pull until done\n"_s,
          [](Commands &c, const QStringList &) { return c.sync(); } },
        { u"status"_s, 0, 0,
          u"  status [--json]                 sync status: pending changes, last complete sync, errors\n"_s,
          [](Commands &c, const QStringList &) { return c.status(); } },
        { u"list"_s, 1, 1,
          u"  list plans|fields|goals|measures|conflicts|rejected [--municipality NAME] [--json]\n"_s,
          [](Commands &c, const QStringList &args) { return c.list(args); } },
        { u"show"_s, 1, 1, u"  show ID [--json]                one entity with its values and open conflicts\n"_s,
          [](Commands &c, const QStringList &args) { return c.show(args[0]); } },
        { u"history"_s, 1, 1,
          u"  history ID [--json]             every change of one entity (who, when, which device)\n"_s,
          [](Commands &c, const QStringList &args) { return c.history(args[0]); } },
        { u"add"_s, 1, 1,
          u"  add field|goal|measure|milestone|comment --parent ID --set FIELD=VALUE ...\n"
          "                                  create an entity; prints its id\n"_s,
          [](Commands &c, const QStringList &args) { return c.add(args); } },
        { u"set"_s, 2, manyArguments, u"  set ID FIELD=VALUE ...          edit fields\n"_s,
          [](Commands &c, const QStringList &args) { return c.set(args); } },
        { u"delete"_s, 1, 1, u"  delete ID, restore ID           soft delete and restore\n"_s,
          [](Commands &c, const QStringList &args) { return c.remove(args[0]); } },
        { u"restore"_s, 1, 1, {}, [](Commands &c, const QStringList &args) { return c.restore(args[0]); } },
        { u"apply"_s, 0, 1,
          u"  apply [FILE|-] [--atomic]       edits as JSON lines (set, add, delete, restore), one result\n"
          "                                  line each; --atomic: all or nothing\n"_s,
          [](Commands &c, const QStringList &args) { return c.apply(args); } },
        { u"resolve"_s, 1, 1, u"  resolve CONFLICT_ID --keep mine|theirs | --value TEXT\n"_s,
          [](Commands &c, const QStringList &args) { return c.resolve(args[0]); } },
        { u"search"_s, 1, manyArguments,
          u"  search TEXT [--json]            full-text search across every plan in the replica\n"_s,
          [](Commands &c, const QStringList &args) { return c.search(args.join(u' ')); } },
        { u"export"_s, 1, 1,
          u"  export csv|json [--out FILE]    measures of every plan, stamped with the last complete sync\n"
          "  export measures-csv|synopsis-csv [--out FILE]\n"
          "  export pdf --plan ID --out FILE one plan as a printable PDF\n"_s,
          [](Commands &c, const QStringList &args) { return c.exportData(args[0]); } },
        { u"submit"_s, 0, 0,
          u"  submit [--plan ID] [--label TEXT]   submit the plan for review (freezes a version)\n"_s,
          [](Commands &c, const QStringList &) { return c.submit(); } },
        { u"versions"_s, 0, 0, u"  versions [--plan ID] [--json]   the plan's submitted versions\n"_s,
          [](Commands &c, const QStringList &) { return c.versions(); } },
        { u"diff"_s, 0, 0,
          u"  diff [--plan ID] [--from VERSION] [--to VERSION|current] [--json]\n"
          "                                  what changed between versions, or since the latest one\n"_s,
          [](Commands &c, const QStringList &) { return c.diff(); } },
        { u"review"_s, 0, 0,
          u"  review --plan ID --status in_review|reviewed|changes_requested [--note TEXT]   (office;\n"
          "                                  changes_requested needs the note the municipality sees)\n"_s,
          [](Commands &c, const QStringList &) { return c.review(); } },
        { u"notes"_s, 0, 0, u"  notes [--plan ID] [--json]      review notes and the answers to them\n"_s,
          [](Commands &c, const QStringList &) { return c.notes(); } },
        { u"synopsis"_s, 2, 2, u"  synopsis import FILE            synopsis figures from CSV (office; all or nothing)\n"_s,
          [](Commands &c, const QStringList &args) { return c.synopsis(args); } },
        { u"dashboard"_s, 0, 0, u"  dashboard [--json]              every municipality at a glance (office)\n"_s,
          [](Commands &c, const QStringList &) { return c.dashboard(); } },
    };
    return commands;
}

QString Commands::helpText()
{
    QString help = u"Commands:\n"_s;
    for (const Command &command : table())
        help += command.help;
    return help;
}

int Commands::run(const QStringList &args)
{
    const QString name = args.value(0);
    const QStringList rest = args.mid(1);
    if (name.isEmpty())
        return fail(u"no command given; see --help"_s);
    const QList<Command> &commands = table();
    const auto command = std::find_if(commands.cbegin(), commands.cend(),
                                      [&](const Command &c) { return c.name == name; });
    // Arguments first, so a mistyped command opens (and creates) nothing.
    if (command == commands.cend())
        return fail(u"unknown command \"%1\"; see --help"_s.arg(name));
    if (rest.size() < command->leastArguments || rest.size() > command->mostArguments)
        return fail(u"wrong number of arguments for %1; see --help"_s.arg(name));
    if (int rc = openReplica(); rc != ExitOk)
        return rc;
    return command->run(*this, rest);
}

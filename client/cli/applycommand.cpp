// SPDX-License-Identifier: GPL-3.0-or-later
// werkstattplan-cli apply: edits as JSON lines, each checked as the single commands check it (docs/cli.md).
#include "commands.h"

#include "editline.h"
#include "output.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#ifdef Q_OS_UNIX
#include <poll.h>
#endif

#include <cstdio>

using namespace Qt::Literals::StringLiterals;
using Output::err;
using Output::out;

namespace {

/** A group of lines ends, and is committed, after this many lines or this long. */
constexpr int groupLines = 1000;
constexpr qint64 groupMs = 200;

/** No whole line waits in the input: the next read may wait for the writer. */
bool inputPauses(QFile &input)
{
    if (input.canReadLine())
        return false;
#ifdef Q_OS_UNIX
    pollfd ready { input.handle(), POLLIN, 0 };
    return ::poll(&ready, 1, 0) == 0;
#else
    return false;
#endif
}

/** A JSON string, escaped as JSON escapes it. */
QByteArray jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray { text }).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

/** {"line":N,"ok":true,"id":…} or {"line":N,"ok":false,"error":…,"message":…}, in that order for people reading it. */
QByteArray resultLine(qint64 line, const Result<QString> &result)
{
    QByteArray json = "{\"line\":" + QByteArray::number(line);
    if (result)
        json += ",\"ok\":true,\"id\":" + jsonString(result.value());
    else
        json += ",\"ok\":false,\"error\":" + jsonString(result.errorCode()) + ",\"message\":"
                + jsonString(result.errorMessage());
    return json + "}\n";
}

} // namespace

Result<QString> Commands::applyEdit(const EditLine &edit)
{
    switch (edit.op) {
    case EditLine::Op::Set:
        if (Status done = setEntity(edit.id, edit.values); !done)
            return done.error();
        return edit.id;
    case EditLine::Op::Add:
        return addEntity(edit.type, edit.parent, edit.values);
    case EditLine::Op::Delete:
        if (Status done = removeEntity(edit.id); !done)
            return done.error();
        return edit.id;
    case EditLine::Op::Restore:
        if (Status done = restoreEntity(edit.id); !done)
            return done.error();
        return edit.id;
    }
    return Error { u"unknown_op"_s, u"unknown op"_s };
}

int Commands::apply(const QStringList &args)
{
    const QString source = args.value(0, u"-"_s);
    // Standard input by its descriptor, not by stdio's FILE: a read takes what the writer has sent so
    // far instead of waiting to fill a buffer, so lines are applied (and answered) as they come.
    QFile input(source == u"-"_s ? QString() : source);
    const bool opened = source == u"-"_s ? input.open(fileno(stdin), QIODevice::ReadOnly) : input.open(QIODevice::ReadOnly);
    if (!opened)
        return fail(u"cannot read %1: %2"_s.arg(source, input.errorString()));

    // Lines go in groups: each line a savepoint of its own (a refused line undoes only itself), each group
    // one commit and one wait for the disk. A result is printed once its line is on the disk. --atomic:
    // one group for all lines.
    const bool atomic = m_options.atomic;
    bool inGroup = false;
    QList<std::pair<qint64, Result<QString>>> waiting; // results of lines not yet on the disk
    QElapsedTimer sinceGroup;
    auto commitGroup = [&]() -> Status {
        Status committed = inGroup ? m_replica->commitAll() : Status(Ok {});
        inGroup = false;
        for (const auto &[number, result] : std::as_const(waiting)) {
            const bool lost = !committed && result;
            out() << resultLine(number, lost ? Result<QString>(Error { committed.errorCode(),
                                                                       u"not stored: "_s + committed.errorMessage() })
                                             : result);
        }
        out().flush();
        waiting.clear();
        return committed;
    };

    qint64 lineNumber = 0;
    qint64 firstRefused = 0;
    Error firstError;
    qint64 refusals = 0;
    while (true) {
        // Nothing waits while the input pauses: the results so far are printed, and the replica is free
        // for the desktop client and sync.
        if (!atomic && inGroup && inputPauses(input)) {
            if (Status committed = commitGroup(); !committed)
                return fail(committed.error());
        }
        const auto line = EditLine::read(input);
        if (!line)
            break;
        ++lineNumber;
        if (!inGroup) {
            if (Status begun = m_replica->beginAll(); !begun)
                return fail(begun.error());
            inGroup = true;
            sinceGroup.start();
        }
        const Result<EditLine> edit = EditLine::parse(*line);
        const Result<QString> result = edit ? applyEdit(edit.value()) : Result<QString>(edit.error());
        if (!result) {
            ++refusals;
            if (firstRefused == 0) {
                firstRefused = lineNumber;
                firstError = result.error();
            }
        }
        if (atomic && !result) {
            // Nothing is stored: every line before says so, and the lines after are not read.
            m_replica->rollBackAll();
            const Error rolledBack { u"rolled_back"_s,
                                     u"not stored: line %1 was refused (--atomic)"_s.arg(lineNumber) };
            for (qint64 before = 1; before < lineNumber; ++before)
                out() << resultLine(before, rolledBack);
            out() << resultLine(lineNumber, result);
            out().flush();
            err() << "werkstattplan-cli: line " << lineNumber << ": " << firstError.message << " ["
                  << firstError.code << "]; nothing was stored" << Qt::endl;
            return ExitUsage;
        }
        waiting.append({ lineNumber, result });
        if (!atomic && (waiting.size() >= groupLines || sinceGroup.elapsed() >= groupMs)) {
            if (Status committed = commitGroup(); !committed)
                return fail(committed.error());
        }
    }
    if (Status committed = commitGroup(); !committed)
        return fail(committed.error());
    if (firstRefused == 0)
        return ExitOk;
    err() << "werkstattplan-cli: line " << firstRefused << ": " << firstError.message << " [" << firstError.code
          << "]; " << refusals << " of " << lineNumber << " line(s) refused, the others applied" << Qt::endl;
    return ExitUsage;
}

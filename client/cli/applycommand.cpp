// SPDX-License-Identifier: GPL-3.0-or-later
// werkstattplan-cli apply: edits as JSON lines, each checked as the single commands check it (docs/cli.md).
#include "commands.h"

#include "editline.h"
#include "output.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;
using Output::err;
using Output::out;

namespace {

/** Results wait for the disk: printed after the synced write that makes their edits durable. */
constexpr int syncEveryLines = 1000;
constexpr qint64 syncEveryMs = 200;

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
    QFile input(source == u"-"_s ? QString() : source);
    const bool opened = source == u"-"_s ? input.open(stdin, QIODevice::ReadOnly) : input.open(QIODevice::ReadOnly);
    if (!opened)
        return fail(u"cannot read %1: %2"_s.arg(source, input.errorString()));

    const bool atomic = m_options.atomic;
    Status begun = atomic ? m_replica->beginAll() : m_replica->deferSync(true);
    if (!begun)
        return fail(begun.error());

    QList<QByteArray> waiting; // results of edits not yet on the disk
    auto publish = [&]() -> Status {
        if (Status synced = m_replica->syncEdits(); !synced)
            return synced;
        for (const QByteArray &line : std::as_const(waiting))
            out() << line;
        out().flush();
        waiting.clear();
        return Ok {};
    };

    qint64 lineNumber = 0;
    qint64 firstRefused = 0;
    Error firstError;
    qint64 refusals = 0;
    QElapsedTimer sinceSync;
    sinceSync.start();
    while (true) {
        const auto line = EditLine::read(input);
        if (!line)
            break;
        ++lineNumber;
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
        waiting << resultLine(lineNumber, result);
        if (!atomic && (waiting.size() >= syncEveryLines || sinceSync.elapsed() >= syncEveryMs)) {
            if (Status published = publish(); !published)
                return fail(published.error());
            sinceSync.restart();
        }
    }
    if (atomic) {
        if (Status committed = m_replica->commitAll(); !committed)
            return fail(committed.error());
    }
    if (Status published = publish(); !published)
        return fail(published.error());
    if (!atomic) {
        if (Status durable = m_replica->deferSync(false); !durable)
            return fail(durable.error());
    }
    if (firstRefused == 0)
        return ExitOk;
    err() << "werkstattplan-cli: line " << firstRefused << ": " << firstError.message << " [" << firstError.code
          << "]; " << refusals << " of " << lineNumber << " line(s) refused, the others applied" << Qt::endl;
    return ExitUsage;
}

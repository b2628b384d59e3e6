// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A real server (SQLite, in a folder) holding every plan of the benchmarks: one account per
// municipality, each plan pushed by its owner's laptop as PlanGenerator builds it.

#include "benchreport.h"
#include "plangenerator.h"
#include "helpers/serverprocess.h"
#include "helpers/syncclient.h"
#include "sync/protocol.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace SeededServer {

using namespace Qt::Literals::StringLiterals;

inline const QString password = u"bench-passwort-2026"_s;
/** The account whose client is measured: "my plan" is its plan. */
inline const QString me = u"gemeinde-01"_s;

/** Starts server in folder with plans accounts gemeinde-01 … and their plans of measures each; the changes pushed. */
inline qint64 start(ServerProcess &server, const QString &folder, int plans, int measures)
{
    using BenchReport::fail;
    using BenchReport::progress;
    QElapsedTimer timer;
    timer.start();
    const QString serverDir = QDir(folder).filePath(u"server"_s);
    QDir().mkpath(serverDir);
    if (!server.prepareStore(ServerProcess::Store::Folder, serverDir))
        fail(u"cannot prepare the server's data folder"_s);
    QStringList users;
    {
        QFile file(QDir(folder).filePath(u"accounts.txt"_s));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
            fail(u"cannot write %1"_s.arg(file.fileName()));
        QTextStream lines(&file);
        for (int i = 1; i <= plans; ++i) {
            users << u"gemeinde-%1"_s.arg(i, 2, 10, QLatin1Char('0'));
            lines << users.last() << ';' << password << ';' << u"Gemeinde %1"_s.arg(i, 2, 10, QLatin1Char('0')) << ';'
                  << PlanGenerator::federalStates[i % PlanGenerator::federalStates.size()] << u";Cluster %1\n"_s.arg(i % 8 + 1);
        }
        lines.flush();
        const auto imported = server.admin({ u"import-accounts"_s, file.fileName() });
        if (!imported.ok())
            fail(u"import-accounts failed: %1"_s.arg(QString::fromUtf8(imported.err + imported.out)));
    }
    if (!server.start(ServerProcess::Store::Folder, serverDir))
        fail(u"the server did not start"_s);

    // Each municipality pushes its own plan, as its laptop would.
    qint64 pushedChanges = 0;
    SyncClient client(server.baseUrl());
    for (int i = 0; i < users.size(); ++i) {
        const QString device = u"laptop-%1"_s.arg(i + 1);
        const HttpResponse login = client.login(users[i], password, device);
        if (login.status != 200)
            fail(u"login %1: %2"_s.arg(users[i], login.describe()));
        auto built = PlanGenerator::buildPlan(client.account().value(u"plan"_s).toString(), users[i], device,
                                              measures, quint32(i + 1));
        if (!built)
            fail(built.errorMessage());
        const QList<Change> &changes = built.value();
        for (qsizetype at = 0; at < changes.size(); at += 1000) {
            const QJsonObject body { { u"changes"_s, Protocol::toJson(changes.mid(at, 1000)) } };
            const PushResult pushed = SyncClient::pushResult(
                    client.request("POST", u"/v1/push"_s, QJsonDocument(body).toJson(QJsonDocument::Compact)));
            if (pushed.status() != 200 || !pushed.rejected.isEmpty())
                fail(u"push by %1: %2"_s.arg(users[i], pushed.response.describe()));
        }
        pushedChanges += changes.size();
        progress() << "\rpushed " << i + 1 << "/" << users.size() << " plans" << Qt::flush;
    }
    progress() << " in " << qRound(BenchReport::msSince(timer) / 1000) << " s" << Qt::endl;
    return pushedChanges;
}

} // namespace SeededServer

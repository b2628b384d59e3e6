// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// How the benchmarks seed a real server: accounts by its admin command
// (import-accounts, as an operator would), plans pushed by their owners; and
// the seeded server of client_bench and cli_bench (start()): one account per
// municipality, each plan pushed by its owner's laptop as PlanGenerator
// builds it.

#include "benchreport.h"
#include "plangenerator.h"
#include "helpers/serverprocess.h"
#include "helpers/syncclient.h"

#include "model/change.h"
#include "sync/protocol.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTextStream>

#include <algorithm>

namespace BenchSeed {

using namespace Qt::Literals::StringLiterals;

/** One line of an import-accounts file; an empty municipality makes an office account. */
struct AccountLine
{
    QString user;
    QString password;
    QString municipality;
    QString state;
    QString cluster;
};

/** Adds the accounts with `import-accounts` (files written in folder); exits on failure. */
inline void importAccounts(const ServerProcess &server, const QString &folder, const QList<AccountLine> &accounts)
{
    // Chunks: each admin command must finish within the helper's 60 s, and hashing costs ~0.1 s per account.
    constexpr qsizetype chunk = 100;
    for (qsizetype from = 0; from < accounts.size(); from += chunk) {
        QFile file(QDir(folder).filePath(u"accounts-%1.txt"_s.arg(from)));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
            BenchReport::fail(u"cannot write %1"_s.arg(file.fileName()));
        QTextStream lines(&file);
        for (qsizetype i = from; i < std::min(from + chunk, accounts.size()); ++i) {
            const AccountLine &a = accounts[i];
            lines << a.user << ';' << a.password << ';' << a.municipality << ';' << a.state << ';' << a.cluster << '\n';
        }
        lines.flush();
        file.close();
        const auto imported = server.admin({ u"import-accounts"_s, file.fileName() });
        if (!imported.ok())
            BenchReport::fail(u"import-accounts failed: %1"_s.arg(QString::fromUtf8(imported.err + imported.out)));
    }
}

/** Pushes changes as the signed-in client, in batches of 1,000; exits if any is refused. */
inline void pushAll(SyncClient &client, const QList<Change> &changes, const QString &who)
{
    for (qsizetype at = 0; at < changes.size(); at += 1000) {
        const QJsonObject body { { u"changes"_s, Protocol::toJson(changes.mid(at, 1000)) } };
        const PushResult pushed = SyncClient::pushResult(
                client.request("POST", u"/v1/push"_s, QJsonDocument(body).toJson(QJsonDocument::Compact)));
        if (pushed.status() != 200 || !pushed.rejected.isEmpty())
            BenchReport::fail(u"push by %1: %2"_s.arg(who, pushed.response.describe()));
    }
}

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
    QList<AccountLine> accounts;
    for (int i = 1; i <= plans; ++i)
        accounts.append({ u"gemeinde-%1"_s.arg(i, 2, 10, QLatin1Char('0')), password,
                          u"Gemeinde %1"_s.arg(i, 2, 10, QLatin1Char('0')),
                          PlanGenerator::federalStates[i % PlanGenerator::federalStates.size()],
                          u"Cluster %1"_s.arg(i % 8 + 1) });
    importAccounts(server, folder, accounts);
    if (!server.start(ServerProcess::Store::Folder, serverDir))
        fail(u"the server did not start"_s);

    // Each municipality pushes its own plan, as its laptop would.
    qint64 pushedChanges = 0;
    SyncClient client(server.baseUrl());
    for (qsizetype i = 0; i < accounts.size(); ++i) {
        const QString &user = accounts[i].user;
        const QString device = u"laptop-%1"_s.arg(i + 1);
        const HttpResponse login = client.login(user, password, device);
        if (login.status != 200)
            fail(u"login %1: %2"_s.arg(user, login.describe()));
        auto built = PlanGenerator::buildPlan(client.account().value(u"plan"_s).toString(), user, device, measures,
                                              quint32(i + 1));
        if (!built)
            fail(built.errorMessage());
        pushAll(client, built.value(), user);
        pushedChanges += built.value().size();
        progress() << "\rpushed " << i + 1 << "/" << accounts.size() << " plans" << Qt::flush;
    }
    progress() << " in " << qRound(BenchReport::msSince(timer) / 1000) << " s" << Qt::endl;
    return pushedChanges;
}

} // namespace BenchSeed

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// How the benchmarks seed a real server: accounts by its admin command
// (import-accounts, as an operator would), plans pushed by their owners.

#include "benchreport.h"
#include "helpers/serverprocess.h"
#include "helpers/syncclient.h"

#include "model/change.h"
#include "sync/protocol.h"

#include <QDir>
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

} // namespace BenchSeed

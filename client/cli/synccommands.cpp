// SPDX-License-Identifier: GPL-3.0-or-later
// werkstattplan-cli: the commands that talk to the server (connect, sync) and the sync status.
#include "commands.h"

#include "output.h"
#include "syncengine.h"
#include "syncstatus.h"
#include "tlstrust.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;
using Output::err;
using Output::out;

namespace {

/** Signs in and waits for the answer: a command line has no other work meanwhile. */
Status signInAndWait(SyncEngine &engine, const QUrl &server, const QString &user, const QString &password)
{
    std::optional<Status> result;
    QEventLoop loop;
    QObject::connect(&engine, &SyncEngine::loginFinished, &loop, [&](const Status &finished) {
        result = finished;
        loop.quit();
    });
    engine.login(server, user, password);
    if (!result)
        loop.exec();
    return *result;
}

} // namespace

// Sync ------------------------------------------------------------------------------------------

int Commands::applyCaFile(SyncEngine &engine)
{
    if (!m_options.hasCaFile)
        return ExitOk;
    if (Status trusted = engine.setCaFile(m_options.caFile); !trusted)
        return fail(trusted.error());
    return ExitOk;
}

void Commands::warnIfInsecure(const QUrl &server)
{
    if (!TlsTrust::isInsecure(server))
        return;
    err() << "werkstattplan-cli: warning: " << server.toDisplayString()
          << " is not encrypted (http://): the password, the sign-in token and the plans travel readable "
             "for anyone on the network; use https://"
          << Qt::endl;
}

int Commands::failRemote(const Error &error, int code)
{
    if (error.code == u"tls_untrusted"_s)
        return fail(Error { error.code, error.message + u"; if the server's certificate comes from your own "
                                                         "certificate authority, give its certificate with "
                                                         "--ca-file FILE"_s },
                    code);
    return fail(error, code);
}

int Commands::connect(const QStringList &args)
{
    const QUrl url(args[0], QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s) || url.host().isEmpty())
        return fail(u"\"%1\" is not a server address such as https://werkstattplan.example.org"_s.arg(args[0]));
    if (m_options.user.isEmpty())
        return fail(u"connect needs --user USER"_s);
    // Said before the password is read or anything is sent.
    warnIfInsecure(url);
    if (TlsTrust::isInsecure(url) && !m_options.allowInsecure)
        return fail(Error { u"insecure_connection"_s,
                            u"not signing in over an unencrypted connection; use https://, or give "
                            "--allow-insecure to send the password in clear anyway"_s });
    SyncEngine engine(*m_replica);
    if (int rc = applyCaFile(engine); rc != ExitOk)
        return rc;

    QFile source;
    const bool fromFile = !m_options.passwordFile.isEmpty();
    if (fromFile)
        source.setFileName(m_options.passwordFile);
    if (!(fromFile ? source.open(QIODevice::ReadOnly) : source.open(stdin, QIODevice::ReadOnly)))
        return fail(u"cannot read the password from %1"_s.arg(
            fromFile ? m_options.passwordFile : u"standard input"_s));
    // Only the first line counts, trimmed the way the server's add-account reads it.
    const QString password = QString::fromUtf8(source.readLine()).trimmed();
    if (password.isEmpty())
        return fail(u"the password is empty"_s);

    if (Status loggedIn = signInAndWait(engine, url, m_options.user, password); !loggedIn) {
        // Only what happened between us and the server is a sync error; the rest the user fixes here.
        static const QStringList local { u"account_mismatch"_s, u"invalid_url"_s, u"storage_error"_s,
                                         u"ca_file_unreadable"_s, u"ca_file_invalid"_s };
        return failRemote(loggedIn.error(), local.contains(loggedIn.errorCode()) ? ExitUsage : ExitSync);
    }
    const auto account = m_replica->account();
    if (account) {
        out() << "connected to " << account->serverUrl << " as " << account->user << " (" << account->role;
        if (!account->planId.isEmpty())
            out() << ", plan " << account->planId;
        out() << ')' << Qt::endl;
    }
    return ExitOk;
}

int Commands::sync()
{
    if (!m_replica->account())
        return fail(u"this replica is not connected to a server; run connect URL --user USER first"_s);
    if (m_replica->token().isEmpty())
        return fail(
            Error { u"unauthorized"_s, u"signed out (the server refused the token); run connect again"_s },
            ExitSync);
    warnIfInsecure(QUrl(m_replica->account()->serverUrl));
    SyncEngine engine(*m_replica);
    if (int rc = applyCaFile(engine); rc != ExitOk)
        return rc;
    SyncSummary total;
    // syncOnce() pushes and pulls what it can; go on while a round still moves the outbox.
    for (;;) {
        const int pendingBefore = m_replica->pendingCount();
        auto round = engine.syncOnce();
        if (!round) {
            static const QStringList local { u"ca_file_unreadable"_s, u"ca_file_invalid"_s };
            return failRemote(Error { round.errorCode(), u"sync failed: %1"_s.arg(round.errorMessage()) },
                              local.contains(round.errorCode()) ? ExitUsage : ExitSync);
        }
        total.pushed += round->pushed;
        total.rejected += round->rejected;
        total.pulled += round->pulled;
        total.bootstrapped += round->bootstrapped;
        total.cursor = round->cursor;
        const int pendingAfter = m_replica->pendingCount();
        if (pendingAfter == 0 || pendingAfter >= pendingBefore)
            break;
    }
    const int pending = m_replica->pendingCount();
    const int conflicts = int(m_replica->store().conflicts().size());
    out() << (pending == 0 ? "sync complete: " : "sync incomplete: ") << "pushed " << total.pushed
          << ", rejected " << total.rejected << ", pulled " << total.pulled
          << (total.bootstrapped ? " (first sync)" : "") << ", pending " << pending << ", open conflicts "
          << conflicts << ", cursor " << total.cursor << Qt::endl;
    if (total.rejected > 0)
        err() << "werkstattplan-cli: the server rejected " << total.rejected
              << " change(s); see: list rejected" << Qt::endl;
    return pending == 0 ? ExitOk : ExitSync;
}

int Commands::status()
{
    SyncEngine engine(*m_replica);
    QJsonObject status = engine.status()->toJson();
    const auto account = m_replica->account();
    if (account) {
        status.insert(u"account"_s,
            QJsonObject { { u"server"_s, account->serverUrl }, { u"user"_s, account->user },
                { u"role"_s, account->role }, { u"municipality"_s, account->municipalityId },
                { u"plan"_s, account->planId }, { u"signed_in"_s, !m_replica->token().isEmpty() },
                { u"ca_file"_s, m_replica->caFile().isEmpty() ? QJsonValue() : QJsonValue(m_replica->caFile()) } });
    } else {
        status.insert(u"account"_s, QJsonValue());
    }
    status.insert(u"replica"_s, m_replica->folder());
    if (m_options.json) {
        Output::printJson(out(), status);
        return ExitOk;
    }
    auto text = [](const QJsonValue &value) {
        if (value.isNull() || value.isUndefined())
            return u"-"_s;
        if (value.isDouble())
            return QString::number(value.toDouble(), 'g', 15);
        if (value.isBool())
            return value.toBool() ? u"yes"_s : u"no"_s;
        if (value.isString())
            return value.toString();
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    };
    Output::Table table({ u"KEY"_s, u"VALUE"_s });
    if (account)
        table.addRow(
            { u"server"_s, u"%1 (user %2, %3)"_s.arg(account->serverUrl, account->user, account->role) });
    else
        table.addRow({ u"server"_s, u"none (local only; run connect)"_s });
    table.addRow({ u"replica"_s, m_replica->folder() });
    for (const QString &key : { u"state"_s, u"pending"_s, u"last_complete_sync"_s, u"progress"_s, u"error"_s,
             u"rejected"_s, u"conflicts"_s, u"cursor"_s, u"notice"_s }) {
        const QJsonValue value = status.value(key);
        table.addRow({ key, value.isArray() ? QString::number(value.toArray().size()) : text(value) });
    }
    table.print(out());
    return ExitOk;
}


void Commands::fetchHistoryIfPartial(const QString &id)
{
    // A compact first sync left the older versions on the server: fetch them when they are asked for.
    if (!m_replica->hasPartialHistory(id))
        return;
    if (!m_replica->account() || m_replica->token().isEmpty()) {
        err() << "werkstattplan-cli: only the current versions of " << id
              << " are on this computer; the older ones come with a connection to the server" << Qt::endl;
        return;
    }
    SyncEngine engine(*m_replica);
    if (Status fetched = engine.fetchHistoryOnce(id); !fetched) {
        err() << "werkstattplan-cli: only the current versions of " << id << " are on this computer ("
              << fetched.errorMessage() << " [" << fetched.errorCode() << "])" << Qt::endl;
    }
}

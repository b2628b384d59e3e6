// SPDX-License-Identifier: GPL-3.0-or-later
// werkstattplan-server: the sync server and its admin commands.

#include "common/allocator.h"
#include "common/logging.h"
#include "demodata.h"
#include "httpfrontend.h"
#include "metrics.h"
#include "notifier.h"
#include "serverlimits.h"
#include "serverstore.h"
#include "syncservice.h"
#include "systemdnotify.h"
#include "sync/localeditor.h"
#include "tlscredentials.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QRandomGenerator>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QTextStream>

#include <csignal>
#include <functional>
#include <optional>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

int fail(const QString &message)
{
    QTextStream(stderr) << "werkstattplan-server: " << message << Qt::endl;
    return 1;
}

int sigPipe[2] = { -1, -1 };

void onSignal(int signal)
{
    const char byte = char(signal);
    [[maybe_unused]] const auto written = ::write(sigPipe[0], &byte, 1);
}

/**
 * Quits the event loop on SIGTERM or SIGINT and calls reload on SIGHUP, between two requests,
 * never in the middle of one.
 */
void quitOnSignals(const std::function<void()> &reload)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, sigPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(sigPipe[1], QSocketNotifier::Read, qApp);
    QObject::connect(notifier, &QSocketNotifier::activated, qApp, [reload] {
        char byte = 0;
        [[maybe_unused]] const auto got = ::read(sigPipe[1], &byte, 1);
        if (byte == SIGHUP) {
            SystemdNotify::reloading();
            reload();
            SystemdNotify::ready();
            return;
        }
        qCInfo(lcServer) << "stopping";
        SystemdNotify::stopping();
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGHUP, &action, nullptr);
}

/** The certificate and key files of `serve --tls-cert --tls-key`; both empty: plain HTTP. */
struct TlsFiles
{
    QString certificate;
    QString key;
};

/**
 * SIGHUP: reads the certificate and key again (they were renewed). Connections accepted from
 * now on use the new ones; bad files are logged and the server goes on with the ones it has.
 */
void reloadTls(HttpFrontend &frontend, const TlsFiles &files)
{
    if (files.certificate.isEmpty()) {
        qCInfo(lcServerTls) << "SIGHUP: nothing to reload (no TLS)";
        return;
    }
    const auto loaded = TlsCredentials::load(files.certificate, files.key);
    if (!loaded) {
        qCWarning(lcServerTls).noquote() << "TLS reload failed, still serving the previous certificate:" << loaded.errorMessage();
        return;
    }
    frontend.setTlsConfiguration(loaded->serverConfiguration());
    qCInfo(lcServerTls).noquote() << "TLS reloaded:" << loaded->describe();
}

QString randomPassword()
{
    static const QString alphabet = u"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"_s;
    QString password;
    for (int i = 0; i < 14; ++i)
        password += alphabet[QRandomGenerator::system()->bounded(int(alphabet.size()))];
    return password;
}

int serve(ServerStore &store, const QString &listen, const TlsFiles &tls)
{
    const qsizetype colon = listen.lastIndexOf(u':');
    const QHostAddress address(listen.left(colon));
    bool portOk = false;
    const int port = listen.mid(colon + 1).toInt(&portOk);
    if (colon < 0 || address.isNull() || !portOk || port < 0 || port > 65535)
        return fail(u"--listen wants ADDRESS:PORT, e.g. 127.0.0.1:8470"_s);

    if (tls.certificate.isEmpty() != tls.key.isEmpty())
        return fail(u"--tls-cert FILE and --tls-key FILE go together: give both or neither"_s);
    std::optional<TlsCredentials> credentials;
    if (!tls.certificate.isEmpty()) {
        auto loaded = TlsCredentials::load(tls.certificate, tls.key);
        if (!loaded)
            return fail(loaded.errorMessage());
        credentials = std::move(loaded).value();
    }

    QString limitsError;
    const ServerLimits limits = ServerLimits::fromEnvironment(&limitsError);
    if (!limitsError.isEmpty())
        return fail(limitsError);
    // Room for max_connections sockets besides the store's files: the usual soft limit is 1,024.
    if (struct rlimit files = {}; ::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &files);
    }
    Metrics metrics;
    SyncService service(store, metrics, limits);
    Notifier notifier(store, metrics, limits);
    QObject::connect(&service, &SyncService::changesAccepted, &notifier, &Notifier::changesAccepted);
    QObject::connect(&service, &SyncService::storeReconnected, &notifier, &Notifier::storeReconnected);
    HttpFrontend frontend([&service](const HttpRequest &request, const HttpReply &reply) { service.handle(request, reply); },
                          limits);
    frontend.setMetrics(&metrics);
    QObject::connect(&frontend, &HttpFrontend::webSocketOpened, &notifier, &Notifier::addSocket);
    if (credentials)
        frontend.setTlsConfiguration(credentials->serverConfiguration());
    const quint16 bound = frontend.listen(address, quint16(port));
    if (bound == 0)
        return fail(u"cannot listen on %1"_s.arg(listen));
    quitOnSignals([&frontend, tls] { reloadTls(frontend, tls); });
    qCInfo(lcServer) << "serving" << (store.isPostgres() ? "PostgreSQL" : qPrintable(store.location()));
    if (credentials)
        qCInfo(lcServerTls).noquote() << "TLS on (HTTPS and WSS only):" << credentials->describe();
    else
        qCInfo(lcServerTls) << "TLS off: plain HTTP (put a TLS reverse proxy in front, or give --tls-cert and --tls-key)";
    out() << "listening on " << address.toString() << ':' << bound << Qt::endl;
    SystemdNotify::ready(u"listening on %1:%2"_s.arg(address.toString()).arg(bound));
    return QCoreApplication::exec();
}

Result<QString> readPassword(const QString &file)
{
    QFile source;
    const bool opened = file.isEmpty() ? source.open(stdin, QIODevice::ReadOnly) : (source.setFileName(file), source.open(QIODevice::ReadOnly));
    if (!opened)
        return Error { u"bad_request"_s, u"cannot read the password from %1"_s.arg(file.isEmpty() ? u"standard input"_s : file) };
    return QString::fromUtf8(source.readLine()).trimmed();
}

/**
 * Lines "USER;PASSWORD;MUNICIPALITY;STATE;CLUSTER" (UTF-8); an empty
 * MUNICIPALITY makes an office account; '#' starts a comment line.
 */
Result<QList<ServerStore::AccountImport>> readAccountImport(const QString &file)
{
    QFile source(file);
    if (!source.open(QIODevice::ReadOnly | QIODevice::Text))
        return Error { u"bad_request"_s, u"cannot read %1"_s.arg(file) };
    QList<ServerStore::AccountImport> accounts;
    int lineNumber = 0;
    while (!source.atEnd()) {
        ++lineNumber;
        const QString line = QString::fromUtf8(source.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const QStringList parts = line.split(u';');
        if (parts.size() != 5 || (!parts[2].isEmpty() && (parts[3].isEmpty() || parts[4].isEmpty())))
            return Error { u"bad_request"_s, u"%1:%2: expected USER;PASSWORD;MUNICIPALITY;STATE;CLUSTER"_s.arg(file).arg(lineNumber) };
        accounts.append({ parts[0], parts[1], parts[2], parts[3], parts[4] });
    }
    return accounts;
}

int seedDemo(ServerStore &store)
{
    LocalEditor editor(store.clock(), ServerStore::adminAuthor);
    if (Status applied = store.applyAsAdmin(DemoData::changes(editor)); !applied)
        return fail(applied.errorMessage());
    auto addAccount = [&](const QString &user, Role role, const QString &municipalityId, const QString &label) {
        const QString password = randomPassword();
        if (Status added = store.addAccount(user, role, municipalityId, password); !added)
            return fail(added.errorMessage());
        out() << "account " << user << ' ' << password << ' ' << Account::roleName(role) << ' ' << label << Qt::endl;
        return 0;
    };
    for (const DemoMunicipality &m : DemoData::municipalities()) {
        if (int rc = addAccount(m.account, Role::Editor, m.id, m.id))
            return rc;
    }
    return addAccount(u"geschaeftsstelle"_s, Role::Office, {}, u"-"_s);
}

} // namespace

int main(int argc, char *argv[])
{
    // Whatever this program writes (the SQLite files, backups) holds password and token hashes
    // and unshared plans: readable by its own user only. Files made before are fixed on open.
    ::umask(077);
    keepLargeBuffersInHeap();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"werkstattplan-server"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(WERKSTATTPLAN_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Werkstattplan sync server.\n\nCommands:\n"
                                     "  serve                      run the server\n"
                                     "  add-municipality NAME      add a municipality and its plan (--state, --cluster)\n"
                                     "  add-account USER           add an account (--municipality NAME or --office)\n"
                                     "  import-accounts FILE       add many accounts: lines USER;PASSWORD;MUNICIPALITY;STATE;CLUSTER\n"
                                     "  list-accounts              list accounts: USER ROLE MUNICIPALITY LAST_LOGIN enabled|disabled\n"
                                     "  revoke-tokens USER         sign USER out on every device\n"
                                     "  set-password USER          new password (--password-file FILE, else standard input);\n"
                                     "                             signs USER out on every device\n"
                                     "  disable-account USER       refuse USER's logins and sign USER out on every device\n"
                                     "  enable-account USER        let a disabled USER sign in again\n"
                                     "  delete-account USER        remove USER; its changes stay in the plans' history\n"
                                     "  backup FILE                consistent copy of a running SQLite store\n"
                                     "  mark-restored              after putting back a copy or a dump of the store\n"
                                     "                             (stopped): clients learn of it at once\n"
                                     "  seed-demo                  add the demo municipalities, plans and accounts"_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption data(u"data"_s, u"Data folder of the SQLite store."_s, u"DIR"_s);
    const QCommandLineOption db(u"db"_s, u"PostgreSQL store, postgresql://user:password@host:port/database."_s, u"URL"_s);
    const QCommandLineOption listen(u"listen"_s, u"Address and port to serve on (port 0: any free port)."_s,
                                    u"ADDRESS:PORT"_s, u"127.0.0.1:8470"_s);
    const QCommandLineOption state(u"state"_s, u"Federal state of a new municipality."_s, u"STATE"_s);
    const QCommandLineOption cluster(u"cluster"_s, u"Regional cluster of a new municipality."_s, u"CLUSTER"_s);
    const QCommandLineOption kind(u"kind"_s, u"Kind of a new municipality: city, community or initiative."_s, u"KIND"_s,
                                  u"community"_s);
    const QCommandLineOption municipality(u"municipality"_s, u"The account's municipality (by name)."_s, u"NAME"_s);
    const QCommandLineOption office(u"office"_s, u"The account belongs to the project office."_s);
    const QCommandLineOption passwordFile(u"password-file"_s, u"Read the password from this file (else standard input)."_s,
                                          u"FILE"_s);
    const QCommandLineOption tlsCert(u"tls-cert"_s, u"serve: HTTPS and WSS with this PEM certificate chain (the server's first; reread on SIGHUP)."_s,
                                     u"FILE"_s);
    const QCommandLineOption tlsKey(u"tls-key"_s, u"serve: the certificate's PEM private key, unencrypted (reread on SIGHUP)."_s,
                                    u"FILE"_s);
    parser.addOptions({ data, db, listen, state, cluster, kind, municipality, office, passwordFile, tlsCert, tlsKey });
    parser.addPositionalArgument(u"command"_s, u"What to do (see above)."_s);
    parser.process(app);

    const QStringList args = parser.positionalArguments();
    if (args.isEmpty())
        return fail(u"no command given; see --help"_s);
    const QString command = args.first();
    const QStringList rest = args.mid(1);
    static const QHash<QString, int> arity { { u"serve"_s, 0 }, { u"add-municipality"_s, 1 }, { u"add-account"_s, 1 }, { u"import-accounts"_s, 1 },
                                             { u"list-accounts"_s, 0 }, { u"revoke-tokens"_s, 1 }, { u"backup"_s, 1 },
                                             { u"seed-demo"_s, 0 }, { u"set-password"_s, 1 }, { u"disable-account"_s, 1 },
                                             { u"enable-account"_s, 1 }, { u"delete-account"_s, 1 },
                                             { u"mark-restored"_s, 0 } };
    if (!arity.contains(command))
        return fail(u"unknown command \"%1\"; see --help"_s.arg(command));
    if (rest.size() != arity.value(command))
        return fail(u"%1 takes %2 argument(s); see --help"_s.arg(command).arg(arity.value(command)));
    if (parser.isSet(data) && parser.isSet(db))
        return fail(u"give either --data or --db, not both"_s);

    const QString location = parser.isSet(db)
            ? parser.value(db)
            : (parser.isSet(data) ? parser.value(data) : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    if (parser.isSet(db) && !location.startsWith(u"postgres"_s))
        return fail(u"--db wants a postgresql:// URL"_s);
    auto opened = ServerStore::open(location);
    if (!opened)
        return fail(opened.errorMessage());
    ServerStore &store = *opened.value();

    if (command == u"serve"_s)
        return serve(store, parser.value(listen), TlsFiles { parser.value(tlsCert), parser.value(tlsKey) });
    if (command == u"add-municipality"_s) {
        if (!parser.isSet(state) || !parser.isSet(cluster))
            return fail(u"add-municipality needs --state and --cluster"_s);
        const auto added = store.addMunicipality(rest[0], parser.value(state), parser.value(cluster), parser.value(kind));
        if (!added)
            return fail(added.errorMessage());
        out() << "municipality " << added->first << ' ' << added->second << Qt::endl;
        return 0;
    }
    if (command == u"add-account"_s) {
        if (parser.isSet(office) == parser.isSet(municipality))
            return fail(u"add-account needs either --municipality NAME or --office"_s);
        QString municipalityId;
        if (parser.isSet(municipality)) {
            const auto found = store.municipalityByName(parser.value(municipality));
            if (!found)
                return fail(found.errorMessage());
            municipalityId = found.value();
        }
        const auto password = readPassword(parser.value(passwordFile));
        if (!password)
            return fail(password.errorMessage());
        if (Status added = store.addAccount(rest[0], parser.isSet(office) ? Role::Office : Role::Editor, municipalityId,
                                            password.value());
            !added)
            return fail(added.errorMessage());
        out() << "account " << rest[0] << Qt::endl;
        return 0;
    }
    if (command == u"import-accounts"_s) {
        const auto accounts = readAccountImport(rest[0]);
        if (!accounts)
            return fail(accounts.errorMessage());
        if (Status imported = store.importAccounts(accounts.value()); !imported)
            return fail(imported.errorMessage());
        out() << "imported " << accounts->size() << " account(s)" << Qt::endl;
        return 0;
    }
    if (command == u"list-accounts"_s) {
        const auto accounts = store.accounts();
        if (!accounts)
            return fail(accounts.errorMessage());
        // New fields go at the end of the line: scripts that read the first four keep working.
        for (const Account &account : accounts.value())
            out() << "account " << account.user << ' ' << Account::roleName(account.role) << ' '
                  << (account.municipalityId.isEmpty() ? u"-"_s : account.municipalityId) << ' '
                  << (account.lastLogin.isEmpty() ? u"never"_s : account.lastLogin) << ' '
                  << (account.disabled ? "disabled" : "enabled") << Qt::endl;
        return 0;
    }
    if (command == u"revoke-tokens"_s) {
        const auto revoked = store.revokeTokens(rest[0]);
        if (!revoked)
            return fail(revoked.errorMessage());
        out() << "revoked " << revoked.value() << " token(s) of " << rest[0] << Qt::endl;
        return 0;
    }
    if (command == u"set-password"_s) {
        if (const auto known = store.account(rest[0]); !known) // before asking for a password
            return fail(known.errorMessage());
        const auto password = readPassword(parser.value(passwordFile));
        if (!password)
            return fail(password.errorMessage());
        const auto revoked = store.setPassword(rest[0], password.value());
        if (!revoked)
            return fail(revoked.errorMessage());
        out() << "password of " << rest[0] << " set; revoked " << revoked.value()
              << " token(s): every device signs in again with the new password" << Qt::endl;
        return 0;
    }
    if (command == u"disable-account"_s || command == u"enable-account"_s) {
        const bool disable = command == u"disable-account"_s;
        const auto revoked = store.setDisabled(rest[0], disable);
        if (!revoked)
            return fail(revoked.errorMessage());
        if (disable)
            out() << "disabled " << rest[0] << "; revoked " << revoked.value() << " token(s)" << Qt::endl;
        else
            out() << "enabled " << rest[0] << Qt::endl;
        return 0;
    }
    if (command == u"delete-account"_s) {
        const auto revoked = store.deleteAccount(rest[0]);
        if (!revoked)
            return fail(revoked.errorMessage());
        out() << "deleted " << rest[0] << "; revoked " << revoked.value()
              << " token(s); its changes stay in the plans' history" << Qt::endl;
        return 0;
    }
    if (command == u"backup"_s) {
        if (Status done = store.backup(rest[0]); !done)
            return fail(done.errorMessage());
        out() << "backup " << rest[0] << Qt::endl;
        return 0;
    }
    if (command == u"mark-restored"_s) {
        if (Status done = store.markRestored(); !done)
            return fail(done.errorMessage());
        out() << "marked restored: the next start begins a new epoch" << Qt::endl;
        return 0;
    }
    return seedDemo(store);
}

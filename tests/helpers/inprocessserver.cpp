// SPDX-License-Identifier: GPL-3.0-or-later
#include "helpers/inprocessserver.h"

#include "common/gzip.h"
#include "localreplica.h"
#include "serverlimits.h"
#include "sync/protocol.h"

#include <QJsonDocument>
#include <QMetaObject>
#include <QMutexLocker>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

/** An answer from the in-process server, delivered in the thread the request was sent from. */
class InProcessReply final : public TransportReply
{
public:
    InProcessReply(InProcessServer &server, int transferTimeoutMs, QObject *parent)
        : TransportReply(parent), m_server(server)
    {
        if (transferTimeoutMs > 0)
            QTimer::singleShot(transferTimeoutMs, this, [this] {
                m_timedOut = true;
                end(0, {}, u"Operation canceled"_s);
            });
    }
    ~InProcessReply() override { m_server.forget(this); }
    Q_DISABLE_COPY_MOVE(InProcessReply)

    bool isFinished() const override { return m_finished; }
    int status() const override { return m_status; }
    QString errorString() const override { return m_errorString; }
    std::optional<Error> tlsError() const override { return std::nullopt; }
    bool timedOut() const override { return m_timedOut; }
    QByteArray peek(qint64 maxBytes) override { return m_body.left(maxBytes); }
    QByteArray readAll() override { return std::exchange(m_body, {}); }
    void abort() override { end(0, {}, u"Operation canceled"_s); }

    /** The answer arrived: status 0 stands for a network error. */
    void end(int status, const QByteArray &body, const QString &errorString = {})
    {
        if (m_finished)
            return; // aborted or timed out before
        m_finished = true;
        m_status = status;
        m_body = body;
        m_errorString = status == 0 && errorString.isEmpty() ? u"Connection closed"_s : errorString;
        if (!m_body.isEmpty())
            Q_EMIT readyRead();
        Q_EMIT finished();
    }

private:
    InProcessServer &m_server;
    bool m_finished = false;
    bool m_timedOut = false;
    int m_status = 0;
    QByteArray m_body;
    QString m_errorString;
};

namespace {

QString socketText(const QJsonObject &message)
{
    return QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact));
}

} // namespace

/** The client's end of a live socket; the server's end is InProcessServer::m_sockets. Everything arrives queued, as over a network. */
class InProcessSocket final : public TransportSocket
{
public:
    InProcessSocket(InProcessServer &server, QObject *parent) : TransportSocket(parent), m_server(&server) { }

    void open(const QUrl &, const QList<QPair<QByteArray, QByteArray>> &) override
    {
        later([this] { m_server->openSocket(this); });
    }
    void sendText(const QString &message) override
    {
        later([this, message] { m_server->socketMessage(this, message); });
    }
    void abort() override { m_aborted = true; }

    [[nodiscard]] bool isAborted() const { return m_aborted; }
    bool signedIn = false;

    /** The server's side: accepts, sends and ends. */
    void accepted()
    {
        later([this] { Q_EMIT connected(); });
    }
    void receive(const QString &message)
    {
        later([this, message] { Q_EMIT textReceived(message); });
    }
    void end()
    {
        m_aborted = true;
        QMetaObject::invokeMethod(this, [this] { Q_EMIT closed(); }, Qt::QueuedConnection);
    }

private:
    template<typename F>
    void later(F f)
    {
        QMetaObject::invokeMethod(this, [this, f] {
            if (!m_aborted && m_server)
                f();
        }, Qt::QueuedConnection);
    }

    QPointer<InProcessServer> m_server;
    bool m_aborted = false;
};

/** The client's end: hands requests to the server's thread. */
class InProcessTransport final : public SyncTransport
{
public:
    explicit InProcessTransport(InProcessServer &server) : m_server(server) { }
    TransportReply *send(const TransportRequest &request, const TlsTrust &, QObject *parent) override
    {
        return m_server.submit(request, parent);
    }
    TransportSocket *socket(const TlsTrust &, QObject *parent) override
    {
        return new InProcessSocket(m_server, parent);
    }
    std::unique_ptr<SyncTransport> forAnotherThread() const override
    {
        return std::make_unique<InProcessTransport>(m_server);
    }

private:
    InProcessServer &m_server;
};

InProcessServer::Fault InProcessServer::Fault::delay(int ms)
{
    Fault fault = of(Kind::Delay);
    fault.delayMs = ms;
    return fault;
}

InProcessServer::Fault InProcessServer::Fault::truncate(qsizetype keepBytes)
{
    Fault fault = of(Kind::Truncate);
    fault.keepBytes = keepBytes;
    return fault;
}

InProcessServer::Fault InProcessServer::Fault::answer(int status, const QByteArray &body)
{
    Fault fault = of(Kind::Status);
    fault.status = status;
    fault.body = body;
    return fault;
}

InProcessServer::Fault InProcessServer::Fault::rewriteBody(std::function<QByteArray(const QByteArray &)> rewrite)
{
    Fault fault = of(Kind::Rewrite);
    fault.rewrite = std::move(rewrite);
    return fault;
}

InProcessServer::Fault InProcessServer::Fault::rewriteJson(std::function<void(QJsonObject &)> edit)
{
    return rewriteBody([edit = std::move(edit)](const QByteArray &body) {
        QJsonObject object = QJsonDocument::fromJson(body).object();
        edit(object);
        return QJsonDocument(object).toJson(QJsonDocument::Compact);
    });
}

InProcessServer::InProcessServer()
{
    auto opened = ServerStore::open(m_dir.path());
    if (!opened) {
        m_openError = opened.errorMessage();
        return;
    }
    m_store = std::move(opened).value();
    m_service = std::make_unique<SyncService>(*m_store, m_metrics, ServerLimits {});
    connect(m_service.get(), &SyncService::changesAccepted, this, &InProcessServer::announce);
}

InProcessServer::~InProcessServer() = default;

std::shared_ptr<SyncTransport> InProcessServer::transport()
{
    return std::make_shared<InProcessTransport>(*this);
}

Result<QString> InProcessServer::addMunicipalityAccount(const QString &municipality, const QString &user)
{
    auto added = m_store->addMunicipality(municipality, u"Bayern"_s, u"Süd"_s);
    if (!added)
        return added.error();
    if (Status account = m_store->addAccount(user, Role::Editor, added->first, u"geheim-und-lang"_s); !account)
        return account.error();
    return added->second;
}

Status InProcessServer::signIn(LocalReplica &replica, const QString &user)
{
    auto token = m_store->issueToken(user, replica.device());
    if (!token)
        return token.error();
    auto account = m_store->account(user);
    if (!account)
        return account.error();
    const AccountInfo info { baseUrl().toString(), account->user, Account::roleName(account->role),
                             account->municipalityId, account->planId };
    return replica.setAccount(info, token.value());
}

void InProcessServer::inject(const QString &path, const Fault &fault, int times)
{
    for (int i = 0; i < times; ++i)
        m_faults.push_back({ path, fault });
}

void InProcessServer::clearFaults(const QString &path)
{
    std::erase_if(m_faults, [&](const Pending &pending) { return pending.path == path; });
}

QList<InProcessServer::Exchange> InProcessServer::exchangesOf(const QString &path) const
{
    QList<Exchange> found;
    for (const Exchange &exchange : m_exchanges) {
        if (exchange.path == path)
            found << exchange;
    }
    return found;
}

void InProcessServer::closeSockets()
{
    for (const QPointer<InProcessSocket> &socket : std::exchange(m_sockets, {})) {
        if (socket)
            socket->end();
    }
}

int InProcessServer::liveSockets() const
{
    return int(std::count_if(m_sockets.cbegin(), m_sockets.cend(), [](const QPointer<InProcessSocket> &socket) {
        return socket && !socket->isAborted() && socket->signedIn;
    }));
}

void InProcessServer::openSocket(InProcessSocket *socket)
{
    ++m_socketOpenings;
    if (m_refuseSockets)
        return socket->end();
    m_sockets.append(socket);
    socket->accepted();
}

void InProcessServer::socketMessage(InProcessSocket *socket, const QString &message)
{
    if (!m_sockets.contains(socket) || socket->signedIn)
        return;
    const QJsonObject auth = QJsonDocument::fromJson(message.toUtf8()).object();
    QString refusal;
    if (auth.value(u"type"_s).toString() != u"auth"_s)
        refusal = u"bad_request"_s;
    else if (auth.value(u"protocol"_s).toInt() != Protocol::version)
        refusal = u"unsupported_protocol"_s;
    else if (!m_store->accountForToken(auth.value(u"token"_s).toString()))
        refusal = u"unauthorized"_s;
    if (!refusal.isEmpty()) {
        socket->receive(socketText({ { u"type"_s, u"error"_s }, { u"error"_s, refusal } }));
        m_sockets.removeAll(socket);
        return socket->end();
    }
    socket->signedIn = true;
    socket->receive(socketText({ { u"type"_s, u"cursor"_s }, { u"cursor"_s, m_store->replica().lastSequence() } }));
}

void InProcessServer::announce(qint64 cursor)
{
    const QString message = socketText({ { u"type"_s, u"cursor"_s }, { u"cursor"_s, cursor } });
    for (const QPointer<InProcessSocket> &socket : std::as_const(m_sockets)) {
        if (socket && socket->signedIn)
            socket->receive(message);
    }
}

TransportReply *InProcessServer::submit(const TransportRequest &request, QObject *parent)
{
    auto *reply = new InProcessReply(*this, request.transferTimeoutMs, parent);
    {
        QMutexLocker lock(&m_liveMutex);
        m_live.insert(reply);
    }
    // Never at once, as over a network: the caller connects to the reply first.
    QMetaObject::invokeMethod(this, [this, request, reply] { answer(request, reply); }, Qt::QueuedConnection);
    return reply;
}

void InProcessServer::answer(const TransportRequest &request, InProcessReply *reply)
{
    const QString path = request.url.path();
    std::optional<Fault> fault;
    const auto it = std::find_if(m_faults.begin(), m_faults.end(), [&](const Pending &p) { return p.path == path; });
    if (it != m_faults.end()) {
        fault = it->fault;
        m_faults.erase(it);
    }
    if (fault && fault->kind == Fault::Kind::Drop)
        return deliver(request, reply, fault, HttpResponse {});
    if (fault && fault->kind == Fault::Kind::Status)
        return deliver(request, reply, fault, { fault->status, "application/json", fault->body });

    HttpRequest httpRequest;
    httpRequest.method = request.method;
    httpRequest.path = path;
    httpRequest.query = QUrlQuery(request.url);
    for (const auto &[name, value] : request.headers)
        httpRequest.headers.insert(name.toLower(), value);
    httpRequest.body = request.body;
    httpRequest.remote = QHostAddress::LocalHost;
    m_service->handle(httpRequest, [this, request, reply, fault](const HttpResponse &response) {
        // A login answers from a worker thread: deliver from this one.
        QMetaObject::invokeMethod(this, [=, this] { deliver(request, reply, fault, response); });
    });
}

void InProcessServer::deliver(const TransportRequest &request, InProcessReply *reply, const std::optional<Fault> &fault,
                              const HttpResponse &response)
{
    using Kind = Fault::Kind;
    int status = response.status;
    QByteArray body = response.body;
    if (fault && (fault->kind == Kind::Drop || fault->kind == Kind::LoseAnswer)) {
        status = 0;
        body.clear();
    } else if (fault && fault->kind == Kind::Truncate) {
        body.truncate(fault->keepBytes);
    } else if (fault && fault->kind == Kind::Rewrite) {
        body = fault->rewrite(body);
    }
    QByteArray encoding;
    for (const auto &[name, value] : request.headers) {
        if (name.compare("Content-Encoding", Qt::CaseInsensitive) == 0)
            encoding = value;
    }
    const auto unpacked = encoding == "gzip" ? Gzip::decompress(request.body, 64 * 1024 * 1024)
                                             : Result<QByteArray>(request.body);
    m_exchanges.append({ request.method, request.url.path(), request.url.query(),
                         unpacked ? unpacked.value() : request.body, encoding, request.body.size(), status, body });
    if (fault && fault->kind == Kind::Delay) {
        QTimer::singleShot(fault->delayMs, this, [this, reply, status, body] { post(reply, status, body); });
        return;
    }
    post(reply, status, body);
}

void InProcessServer::post(InProcessReply *reply, int status, const QByteArray &body)
{
    // Under the lock the reply cannot be destroyed; once posted, its destruction drops the call.
    QMutexLocker lock(&m_liveMutex);
    if (!m_live.contains(reply))
        return;
    QMetaObject::invokeMethod(reply, [reply, status, body] { reply->end(status, body); }, Qt::QueuedConnection);
}

void InProcessServer::forget(InProcessReply *reply)
{
    QMutexLocker lock(&m_liveMutex);
    m_live.remove(reply);
}

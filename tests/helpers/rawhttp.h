// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// HTTP on a raw socket, for what no well-behaved client sends (partial requests, lies about lengths), over TLS
// when the server speaks it (ServerProcess::usesTls()).

#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>

#include "helpers/serverprocess.h"

#include <memory>

namespace RawHttp {

using namespace Qt::Literals::StringLiterals;

/** One HTTP answer read off a raw socket. */
struct RawAnswer
{
    int status = 0;
    QByteArray head;
    QByteArray body;
    [[nodiscard]] QString code() const { return QJsonDocument::fromJson(body).object().value(u"error"_s).toString(); }
    [[nodiscard]] QString describe() const { return u"%1 %2"_s.arg(status).arg(QString::fromUtf8(body.left(200))); }
};

/**
 * A raw TCP connection to the server, optionally from another loopback address (127.0.0.2, …),
 * to send what no well-behaved HTTP client sends: partial requests, lies about lengths.
 */
class RawConnection
{
public:
    /**
     * tls: speak HTTPS, verified with trust (by default the process's configuration, which trusts the
     * test servers' authority under WERKSTATTPLAN_TEST_TLS=1); by default as the test's servers do.
     */
    explicit RawConnection(bool tls = ServerProcess::tlsRequested(),
                           const QSslConfiguration &trust = QSslConfiguration::defaultConfiguration())
        : m_tls(tls), m_socket(tls ? std::unique_ptr<QTcpSocket>(new QSslSocket) : std::make_unique<QTcpSocket>())
    {
        if (tls)
            static_cast<QSslSocket *>(m_socket.get())->setSslConfiguration(trust);
    }

    bool open(quint16 port, const QHostAddress &from = {})
    {
        if (!from.isNull() && !m_socket->bind(from))
            return false;
        if (m_tls) {
            auto *tls = static_cast<QSslSocket *>(m_socket.get());
            tls->connectToHostEncrypted(u"127.0.0.1"_s, port);
            return tls->waitForEncrypted(10'000);
        }
        m_socket->connectToHost(QHostAddress::LocalHost, port);
        return m_socket->waitForConnected(5000);
    }
    void send(const QByteArray &data)
    {
        m_socket->write(data);
        m_socket->waitForBytesWritten(2000);
    }
    /**
     * Writes total bytes of body in chunks, stopping as soon as the server answers or closes:
     * a server that refuses early costs the sender little. Returns the bytes written.
     */
    qint64 stream(qint64 total)
    {
        const QByteArray chunk(1024 * 1024, 'x');
        qint64 sent = 0;
        while (sent < total && m_socket->state() == QAbstractSocket::ConnectedState && !answered()) {
            const QByteArray piece = chunk.left(int(qMin<qint64>(chunk.size(), total - sent)));
            if (m_socket->write(piece) < 0)
                break;
            sent += piece.size();
            m_socket->waitForBytesWritten(5000);
            m_socket->waitForReadyRead(0);
        }
        return sent;
    }
    /** True once a complete answer arrived (reads what is there without waiting). */
    bool answered()
    {
        if (m_answer.status == 0 && m_socket->state() == QAbstractSocket::ConnectedState)
            m_socket->waitForReadyRead(0); // what the kernel holds already counts
        if (m_socket->bytesAvailable() > 0)
            m_buffer += m_socket->readAll();
        return parse(false);
    }
    /** Waits for a complete answer, or for the server to close (status 0 then). */
    RawAnswer answer(int timeoutMs = 30'000)
    {
        QElapsedTimer timer;
        timer.start();
        while (!answered() && m_socket->state() == QAbstractSocket::ConnectedState && timer.elapsed() < timeoutMs)
            m_socket->waitForReadyRead(100);
        answered();
        return m_answer;
    }
    /** True once the server closed the connection (waits at most timeoutMs). */
    bool waitClosed(int timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        while (m_socket->state() == QAbstractSocket::ConnectedState && timer.elapsed() < timeoutMs) {
            m_socket->waitForReadyRead(100);
            if (m_socket->bytesAvailable() > 0)
                m_buffer += m_socket->readAll();
        }
        m_buffer += m_socket->readAll();
        parse(false);
        return m_socket->state() != QAbstractSocket::ConnectedState;
    }
    [[nodiscard]] const RawAnswer &lastAnswer() const { return m_answer; }
    [[nodiscard]] QByteArray received() const { return m_buffer; }
    QTcpSocket &socket() { return *m_socket; }
    /** The socket as TLS socket (its peer's certificate, its errors); null for plain HTTP. */
    [[nodiscard]] QSslSocket *tlsSocket() const { return m_tls ? static_cast<QSslSocket *>(m_socket.get()) : nullptr; }

private:
    bool parse(bool)
    {
        if (m_answer.status != 0)
            return true;
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const QByteArray head = m_buffer.left(end);
        static const QRegularExpression length(u"(?i)content-length:\\s*(\\d+)"_s);
        const auto match = length.match(QString::fromLatin1(head));
        const qint64 bodyLength = match.hasMatch() ? match.captured(1).toLongLong() : 0;
        if (m_buffer.size() < end + 4 + bodyLength)
            return false;
        m_answer.head = head;
        m_answer.status = head.mid(9, 3).toInt();
        m_answer.body = m_buffer.mid(end + 4, bodyLength);
        return true;
    }

    bool m_tls;
    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_buffer;
    RawAnswer m_answer;
};

inline QByteArray requestHead(const QByteArray &method, const QByteArray &path, qint64 contentLength,
                              const QByteArray &extraHeaders = {})
{
    QByteArray head = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nWerkstattplan-Protocol: 1\r\n" + extraHeaders;
    if (contentLength >= 0)
        head += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    return head + "\r\n";
}

/** A complete request sent on a new raw connection, and its answer. */
inline RawAnswer rawRequest(quint16 port, const QHostAddress &from, const QByteArray &method, const QByteArray &path,
                            const QByteArray &body, const QByteArray &extraHeaders = {})
{
    RawConnection connection;
    if (!connection.open(port, from))
        return {};
    connection.send(requestHead(method, path, body.size(), extraHeaders) + body);
    return connection.answer();
}

} // namespace RawHttp

using RawHttp::RawAnswer;
using RawHttp::RawConnection;
using RawHttp::rawRequest;
using RawHttp::requestHead;

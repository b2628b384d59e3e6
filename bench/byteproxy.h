// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A loopback TCP relay that counts the bytes on the wire each way, one
// listening port per client, so a benchmark knows exactly what each client
// sent and received (headers included), independent of the server.

#include <QHostAddress>
#include <QList>
#include <QPointer>
#include <QSemaphore>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <atomic>
#include <memory>
#include <vector>

class ByteProxy
{
public:
    struct Bytes
    {
        qint64 toServer = 0;
        qint64 fromServer = 0;
        Bytes &operator+=(const Bytes &other)
        {
            toServer += other.toServer;
            fromServer += other.fromServer;
            return *this;
        }
        friend Bytes operator-(Bytes a, const Bytes &b) { return { a.toServer - b.toServer, a.fromServer - b.fromServer }; }
    };

    /**
     * Opens `clients` ports on 127.0.0.1 that relay to targetPort. Client i reaches the server from
     * 127.0.0.(i + 2), as clients of a real fleet come from their own addresses (the server's limits
     * per address apply to each alone). Relays on a thread of its own, so waiting callers stall nothing.
     */
    ByteProxy(quint16 targetPort, int clients) : m_target(targetPort), m_counters(size_t(clients))
    {
        m_thread.start();
        m_context = std::make_unique<QObject>();
        m_context->moveToThread(&m_thread);
        QSemaphore listening;
        QMetaObject::invokeMethod(m_context.get(), [this, clients, &listening] {
            for (int i = 0; i < clients; ++i) {
                auto *server = new QTcpServer(m_context.get());
                if (!server->listen(QHostAddress::LocalHost, 0))
                    qFatal("the byte proxy cannot listen: %s", qPrintable(server->errorString()));
                m_ports.append(server->serverPort());
                QObject::connect(server, &QTcpServer::newConnection, server, [this, server, i] {
                    while (QTcpSocket *client = server->nextPendingConnection())
                        relay(client, i);
                });
            }
            listening.release();
        });
        listening.acquire();
    }

    ~ByteProxy()
    {
        // The listeners and open connections go in their own thread; the context after it ended.
        QMetaObject::invokeMethod(m_context.get(), [this] { qDeleteAll(m_context->children()); },
                                  Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
        m_context.reset();
    }
    Q_DISABLE_COPY_MOVE(ByteProxy)

    [[nodiscard]] quint16 port(int client) const { return m_ports.at(client); }
    [[nodiscard]] Bytes bytes(int client) const
    {
        const Counter &counter = m_counters[size_t(client)];
        return { counter.toServer.load(), counter.fromServer.load() };
    }
    [[nodiscard]] Bytes total() const
    {
        Bytes sum;
        for (int i = 0; i < int(m_counters.size()); ++i)
            sum += bytes(i);
        return sum;
    }

private:
    struct Counter
    {
        std::atomic<qint64> toServer { 0 };
        std::atomic<qint64> fromServer { 0 };
    };

    void relay(QTcpSocket *client, int index)
    {
        Counter &counter = m_counters[size_t(index)];
        auto *upstream = new QTcpSocket(m_context.get());
        client->setParent(m_context.get());
        // What arrives before the upstream connection stands is held, then sent in order.
        auto held = std::make_shared<QByteArray>();
        const QPointer<QTcpSocket> up(upstream);
        const QPointer<QTcpSocket> down(client);
        QObject::connect(client, &QTcpSocket::readyRead, upstream, [client, upstream, held, &counter] {
            const QByteArray data = client->readAll();
            counter.toServer += data.size();
            if (upstream->state() == QAbstractSocket::ConnectedState)
                upstream->write(data);
            else
                held->append(data);
        });
        QObject::connect(upstream, &QTcpSocket::connected, upstream, [upstream, held] {
            upstream->write(*held);
            held->clear();
        });
        QObject::connect(upstream, &QTcpSocket::readyRead, client, [client, upstream, &counter] {
            const QByteArray data = upstream->readAll();
            counter.fromServer += data.size();
            client->write(data);
        });
        // Either side closing closes the other once what it still has to write is out.
        QObject::connect(client, &QTcpSocket::disconnected, upstream, [up, down] {
            if (up)
                up->disconnectFromHost();
            if (down)
                down->deleteLater();
        });
        QObject::connect(upstream, &QTcpSocket::disconnected, client, [up, down] {
            if (down)
                down->disconnectFromHost();
            if (up)
                up->deleteLater();
        });
        QObject::connect(upstream, &QTcpSocket::errorOccurred, client, [up, down](QAbstractSocket::SocketError) {
            if (up && up->state() == QAbstractSocket::UnconnectedState && down)
                down->disconnectFromHost();
        });
        if (!upstream->bind(QHostAddress(quint32(0x7f000002u + quint32(index)))))
            qWarning("the byte proxy cannot bind 127.0.0.%d: %s", index + 2, qPrintable(upstream->errorString()));
        upstream->connectToHost(QHostAddress::LocalHost, m_target);
    }

    quint16 m_target;
    std::vector<Counter> m_counters;
    QList<quint16> m_ports;
    QThread m_thread;
    std::unique_ptr<QObject> m_context;
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

/**
 * The real werkstattplan-server binary, started on loopback on a port the
 * OS picks, with its own store: a QTemporaryDir on SQLite, or the database
 * named by WERKSTATTPLAN_TEST_PG_URL on PostgreSQL. End-to-end tests drive
 * it over HTTP and run its admin commands against the same store.
 *
 * With WERKSTATTPLAN_TEST_TLS=1 every server serves HTTPS and WSS instead,
 * with a certificate of a throwaway certificate authority that this test
 * process then trusts (QSslConfiguration's default, so every client of the
 * test and the client core in it verify against it); baseUrl() is https://.
 */
class ServerProcess
{
public:
    /** What an admin command did. */
    struct AdminResult
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
        bool crashed = false;
        [[nodiscard]] bool ok() const { return !crashed && exitCode == 0; }
        /** stdout as trimmed, non-empty lines. */
        [[nodiscard]] QStringList lines() const;
    };

    /**
     * Starts a process that is set up (program, arguments, environment), writes input to it, and waits
     * for it to end, killing it after timeoutMs: how it ended and what it printed.
     */
    static AdminResult runToEnd(QProcess &process, const QByteArray &input, int timeoutMs);

    enum class Store {
        Fresh, ///< a new, empty store (PostgreSQL: every table of the test database dropped first)
        Shared, ///< PostgreSQL: the test database as it is (for a second process on one store)
        Folder, ///< SQLite: the folder given to start()
    };

    ServerProcess();
    ~ServerProcess();
    Q_DISABLE_COPY_MOVE(ServerProcess)

    /** The binary: $WERKSTATTPLAN_SERVER_BIN, else the compile definition of that name. */
    [[nodiscard]] static QString binary();
    /** The PostgreSQL base URL from $WERKSTATTPLAN_TEST_PG_URL; empty to test SQLite. */
    [[nodiscard]] static QString postgresUrl();
    [[nodiscard]] static bool usesPostgres() { return !postgresUrl().isEmpty(); }
    /** WERKSTATTPLAN_TEST_TLS=1: servers serve HTTPS by default. */
    [[nodiscard]] static bool tlsRequested();

    /** Serves HTTPS and WSS with these PEM files from the next start (caFile: what clients must trust). */
    void useTls(const QString &certificate, const QString &key, const QString &caFile);
    /** Serves plain HTTP from the next start. */
    void usePlainHttp();
    [[nodiscard]] bool usesTls() const { return !m_tlsCertificate.isEmpty(); }
    /** The certificate authority clients verify the server's certificate with (empty without TLS). */
    [[nodiscard]] QString caFile() const { return m_caFile; }
    /** Drops every table of the PostgreSQL test database (DROP SCHEMA public CASCADE). */
    static bool resetPostgres(QString *error = nullptr);

    /**
     * Starts `serve` and waits (at most 20 s) for its "listening on" line.
     * folder is only read for Store::Folder. Logs the server's output on failure.
     */
    bool start(Store store = Store::Fresh, const QString &folder = {});
    /** Where restart() listens: a new port (read baseUrl() again), or the one used before (clients keep their URL). */
    enum class Port { New, Same };
    /** Starts again on the same store. */
    bool restart(Port port = Port::New);
    /** SIGKILL, as a crash or power cut would end it; waits until it is gone. */
    void kill();
    /** SIGTERM and wait; true if it exited by itself with code 0. */
    bool terminate(int signal = 15);
    /** Sends a signal (e.g. SIGHUP) and returns at once. */
    void signal(int signal);

    [[nodiscard]] bool isRunning() const;
    /** The server's process id (0 if not running), e.g. to read its memory from /proc. */
    [[nodiscard]] qint64 processId() const { return m_process ? m_process->processId() : 0; }
    [[nodiscard]] QUrl baseUrl() const;
    [[nodiscard]] int port() const { return m_port; }
    /** The SQLite data folder (empty on PostgreSQL). */
    [[nodiscard]] QString dataDir() const { return m_dataDir; }
    /**
     * Chooses the store without starting the server (for admin commands on a
     * store no server has opened yet); start() does this itself.
     */
    bool prepareStore(Store store = Store::Fresh, const QString &folder = {});
    /** The arguments naming the store: "--data DIR" or "--db URL". */
    [[nodiscard]] QStringList storeArguments() const;

    /** Runs an admin command (e.g. {"add-municipality", "Adorf", ...}) against the same store. */
    AdminResult admin(const QStringList &arguments, const QByteArray &input = {}) const;

    /** Everything the server wrote to stderr (and stdout after its first line) so far. */
    [[nodiscard]] QByteArray log();
    /** Forgets the output so far, so a failing test shows only its own part. */
    void clearLog();
    /** Writes the server's output to the test log; call when a test failed. */
    void dumpLog(const char *why = "server output");

private:
    bool launch(int port = 0);
    void collectOutput();

    std::unique_ptr<QTemporaryDir> m_tempDir;
    QString m_dataDir;
    QString m_database;
    std::unique_ptr<QProcess> m_process;
    int m_port = 0;
    QString m_tlsCertificate;
    QString m_tlsKey;
    QString m_caFile;
    QByteArray m_log;
    QByteArray m_stdoutBuffer;
};

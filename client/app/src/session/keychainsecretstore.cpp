// SPDX-License-Identifier: GPL-3.0-or-later
#include "keychainsecretstore.h"

#include <qt6keychain/keychain.h>

#include <QSemaphore>
#include <QThread>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString service = u"Werkstattplan"_s;
/** How long a key store may take to answer. */
constexpr int answerTimeoutMs = 10'000;

/**
 * The key store's jobs run and answer in a thread of their own: the caller waits for the answer without an
 * event loop of its own, which on the GUI thread would run the interface's events in the middle of a sign-in.
 */
QObject *keychainContext()
{
    static QObject *context = [] {
        auto *thread = new QThread; // for the life of the program, like the key store's own job queue
        thread->setObjectName(u"keychain"_s);
        thread->start();
        auto *object = new QObject;
        object->moveToThread(thread);
        return object;
    }();
    return context;
}

struct Answer
{
    QSemaphore done;
    bool ok = false;
    QString text; ///< what a read job found
};

/** Runs the job made by makeJob in the key store's thread and waits for its answer (at most answerTimeoutMs). */
template<typename MakeJob>
std::optional<QString> run(MakeJob makeJob)
{
    auto answer = std::make_shared<Answer>();
    QMetaObject::invokeMethod(
            keychainContext(),
            [answer, makeJob] {
                QKeychain::Job *job = makeJob(); // deletes itself when finished
                QObject::connect(job, &QKeychain::Job::finished, job, [answer](QKeychain::Job *finished) {
                    answer->ok = finished->error() == QKeychain::NoError;
                    if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(finished))
                        answer->text = read->textData();
                    answer->done.release();
                });
                job->start();
            },
            Qt::QueuedConnection);
    if (!answer->done.tryAcquire(1, answerTimeoutMs) || !answer->ok)
        return std::nullopt;
    return answer->text;
}

} // namespace

std::shared_ptr<SecretStore> KeychainSecretStore::createIfAvailable()
{
#ifdef Q_OS_LINUX
    // The Secret Service and KWallet are reached over the session bus; without one there is no key store.
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return nullptr;
#endif
    return std::make_shared<KeychainSecretStore>();
}

bool KeychainSecretStore::write(const QString &key, const QString &secret)
{
    return run([key, secret] {
               auto *job = new QKeychain::WritePasswordJob(service);
               job->setInsecureFallback(false);
               job->setKey(key);
               job->setTextData(secret);
               return job;
           })
            .has_value();
}

std::optional<QString> KeychainSecretStore::read(const QString &key)
{
    return run([key] {
        auto *job = new QKeychain::ReadPasswordJob(service);
        job->setKey(key);
        return job;
    });
}

void KeychainSecretStore::remove(const QString &key)
{
    run([key] {
        auto *job = new QKeychain::DeletePasswordJob(service);
        job->setKey(key);
        return job;
    });
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "keychainsecretstore.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString service = u"Werkstattplan"_s;

/** Runs a key store job to its end (they are asynchronous; callers need the answer now), at most 10 s. */
bool run(QKeychain::Job &job)
{
    job.setAutoDelete(false);
    QEventLoop loop;
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(10'000, &loop, &QEventLoop::quit);
    job.start();
    if (!finished)
        loop.exec();
    return finished && job.error() == QKeychain::NoError;
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
    QKeychain::WritePasswordJob job(service);
    job.setInsecureFallback(false);
    job.setKey(key);
    job.setTextData(secret);
    return run(job);
}

std::optional<QString> KeychainSecretStore::read(const QString &key)
{
    QKeychain::ReadPasswordJob job(service);
    job.setKey(key);
    if (!run(job))
        return std::nullopt;
    return job.textData();
}

void KeychainSecretStore::remove(const QString &key)
{
    QKeychain::DeletePasswordJob job(service);
    job.setKey(key);
    run(job);
}

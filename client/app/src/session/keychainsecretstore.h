// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "localreplica.h"

/**
 * Tokens in the system's key store (Secret Service, KWallet, Windows
 * credentials) through QtKeychain. Unavailable (every write fails, so the
 * token stays in account.json) when the system has none, e.g. without a
 * D-Bus session on Linux. The key store's jobs run in a thread of their
 * own; the caller waits for the answer without running an event loop.
 */
class KeychainSecretStore : public SecretStore
{
public:
    /** Null if this system has no key store to talk to. */
    static std::shared_ptr<SecretStore> createIfAvailable();

    bool write(const QString &key, const QString &secret) override;
    std::optional<QString> read(const QString &key) override;
    void remove(const QString &key) override;
};

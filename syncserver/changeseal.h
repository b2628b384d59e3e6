// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/change.h"

#include <QByteArray>
#include <QString>

/**
 * The server's seal on a change it has accepted: a keyed digest (HMAC-SHA-256
 * with the store's own key) over every member of the change. Pulls hand it
 * out with each change; after a restore from an older backup, any replica
 * that holds a sealed change may send it back, and the server takes it on
 * the seal's word although another account made it: so a change is not lost
 * because the laptop it was made on is gone. Nobody without the key can seal
 * a change, so no account can pass off a change of its own as another's.
 */
class ChangeSeal
{
public:
    /** key: the store's seal key (ServerStore::Identity::sealKey); empty: seals nothing, verifies nothing. */
    explicit ChangeSeal(QByteArray key);

    [[nodiscard]] QString seal(const Change &change) const;
    [[nodiscard]] bool verify(const Change &change, const QString &seal) const;

    /** Length of a seal in characters (128 bits, base64url). */
    static constexpr int length = 22;

private:
    QByteArray m_key;
};

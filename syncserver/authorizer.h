// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "changeseal.h"
#include "model/permissions.h"
#include "serverstore.h"

/**
 * Admits the changes of one push: refuses changes whose author or device is
 * not the token's and stamps too far ahead of the server's clock, then
 * applies the role rules of Permissions against the store as it stands
 * within the push's transaction, and the batch rule of BatchWrites (a field
 * written twice in one push is written in sequence). A change of another
 * account that carries this server's seal was admitted before, and is again
 * as it is: a replica hands it back after a restore (ChangeSeal).
 */
class Authorizer
{
public:
    Authorizer(Account account, ReplicaStore &store, const HlcClock &serverClock, const ChangeSeal &seal);

    /**
     * Ok, or an error with code "author_mismatch", "clock_ahead", "forbidden" or "duplicate_field".
     * seal: what the push sent with the change (empty: none).
     */
    Status admit(const Change &change, const QString &seal = {});

private:
    Account m_account;
    const HlcClock &m_clock;
    const ChangeSeal &m_seal;
    Permissions m_permissions;
    BatchWrites m_batch;
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "syncengine.h"

#include <QSignalSpy>

/** Signs a sync engine in and waits for the answer (SyncEngine::login never blocks). */
inline Status signInAndWait(SyncEngine &engine, const QUrl &server, const QString &user, const QString &password)
{
    QSignalSpy finished(&engine, &SyncEngine::loginFinished);
    engine.login(server, user, password);
    // The engine gives up after its own timeout; wait a little longer than that.
    if (finished.isEmpty() && !finished.wait(SyncEngine::requestTimeoutMs + 5'000))
        return Error { QStringLiteral("test_timeout"), QStringLiteral("the sign-in never finished") };
    return finished.constFirst().constFirst().value<Status>();
}

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "syncengine.h"

#include <QTest>

#include <optional>

/** Signs a sync engine in and waits for the answer (SyncEngine::login never blocks). */
inline Status signInAndWait(SyncEngine &engine, const QUrl &server, const QString &user, const QString &password)
{
    std::optional<Status> result;
    const QMetaObject::Connection answered = QObject::connect(
            &engine, &SyncEngine::loginFinished, &engine, [&result](const Status &finished) { result = finished; });
    engine.login(server, user, password);
    // The engine gives up after its own timeout; wait a little longer than that.
    QTest::qWaitFor([&result] { return result.has_value(); }, SyncEngine::requestTimeoutMs + 5'000);
    QObject::disconnect(answered);
    return result ? *result : Status(Error { QStringLiteral("test_timeout"), QStringLiteral("the sign-in never finished") });
}

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "localreplica.h"
#include "signin.h"
#include "syncengine.h"

#include <QDebug>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

/** One laptop in a test: its own replica folder, replica and sync engine, driven in the test's process. */
struct Laptop
{
    QTemporaryDir folder;
    std::unique_ptr<LocalReplica> replica;
    std::unique_ptr<SyncEngine> engine;

    /** Opens (or reopens) the replica in its folder with a new engine. */
    bool open()
    {
        engine.reset();
        replica.reset();
        auto opened = LocalReplica::open(folder.path());
        if (!opened) {
            qWarning() << opened.errorMessage();
            return false;
        }
        replica = std::move(opened).value();
        engine = std::make_unique<SyncEngine>(*replica);
        return true;
    }
    /** Opens the replica and signs in (no sync yet). */
    bool signIn(const QUrl &server, const QString &user, const QString &password)
    {
        if (!open())
            return false;
        const Status in = signInAndWait(*engine, server, user, password);
        if (!in)
            qWarning() << in.errorMessage();
        return bool(in);
    }
    /** One sync round: empty on success, else "code: message" (for QCOMPARE against QString()). */
    QString sync()
    {
        const auto done = engine->syncOnce();
        return done ? QString() : done.errorCode() + QStringLiteral(": ") + done.errorMessage();
    }
    /** A live entity's field; "<missing>" when the entity is unknown or deleted. */
    QString value(const QString &id, const QString &field)
    {
        const auto record = replica->store().record(id);
        return record && record->isLive() ? record->value(field) : QStringLiteral("<missing>");
    }
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "helpers/sampleplan.h"
#include "localreplica.h"
#include "session.h"

#include <QDir>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

/**
 * A Session signed in (offline) as role of municipality on a replica of its own in a new temporary
 * folder, holding Adorf's sample plan; QML engines are given it (Session::setInstance). On failure the test has failed
 * and session stays empty; a test resets both (and the instance) in its cleanup.
 */
inline void openSampleSession(std::unique_ptr<QTemporaryDir> &dir, std::unique_ptr<Session> &session,
                              const QString &role, const QString &municipality)
{
    using namespace Qt::Literals::StringLiterals;
    dir = std::make_unique<QTemporaryDir>();
    QVERIFY(dir->isValid());
    {
        auto replica = LocalReplica::open(QDir(dir->path()).filePath(u"account"_s));
        QVERIFY(replica);
        SamplePlan plan;
        QVERIFY((*replica)->applyPulled(plan.changes, 41));
        QVERIFY((*replica)->setAccount({ u"http://127.0.0.1:1"_s, role, role, municipality,
                                         municipality == u"muni-adorf"_s ? u"plan-adorf"_s : QString() },
                                       u"wpt_x"_s));
    }
    QSettings settings(QDir(dir->path()).filePath(u"settings.ini"_s), QSettings::IniFormat);
    settings.setValue(u"replica"_s, u"account"_s);
    settings.setValue(u"work_offline"_s, true);
    settings.sync();
    session = std::make_unique<Session>(dir->path());
    Session::setInstance(session.get());
    QVERIFY(session->openLast());
}

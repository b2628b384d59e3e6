// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the Qt Quick tests in qml/ against the client's own QML module, with a real Session on a
// local replica in a temporary folder (components read and write through it), and a fixture that
// makes conflicts as a pull from a second replica would bring them.
#include "session/appsetup.h"
#include "session/session.h"
#include "localreplica.h"
#include "syncstatus.h"

#include <QQmlContext>
#include <QQmlEngine>
#include <QQmlEngineExtensionPlugin>
#include <QTemporaryDir>
#include <QTest>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(WerkstattplanPlugin)

using namespace Qt::Literals::StringLiterals;

/** Makes conflicts on demand, one fresh measure each, for the QML test ("fixture"). */
class ConflictFixture : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString measure READ measure NOTIFY measureChanged)

public:
    ConflictFixture()
    {
        m_session = std::make_unique<Session>(m_folder.path());
        Session::setInstance(m_session.get());
        m_session->startLocal(u"Adorf"_s);
        const QString field = m_session->addEntity(u"field_of_action"_s, m_session->planId(), u"Wohnen"_s);
        m_goal = m_session->addEntity(u"goal"_s, field, u"Leerstand nutzen"_s);
        m_second = LocalReplica::open(m_secondFolder.path()).value();
    }

    [[nodiscard]] QString measure() const { return m_measure; }

    /** The title of a new measure edited on both laptops; this one's edit stands. Returns the conflict's id. */
    Q_INVOKABLE QString makeConcurrentEdit(const QString &mine, const QString &theirs)
    {
        newMeasure();
        ensure(m_second->set(m_measure, { { u"title"_s, theirs } }));
        QTest::qWait(5);
        m_session->setField(m_measure, u"title"_s, mine);
        return arrive();
    }

    /** A new measure deleted here and edited (its responsible) on the other laptop. */
    Q_INVOKABLE QString makeEditVsDelete(const QString &theirs)
    {
        newMeasure();
        ensure(m_second->set(m_measure, { { u"responsible"_s, theirs } }));
        m_session->removeEntity(m_measure);
        return arrive();
    }

Q_SIGNALS:
    void measureChanged();

private:
    /** A fixture that cannot build its conflict makes every later check meaningless: stop at once. */
    static void ensure(const Status &status)
    {
        if (!status)
            qFatal("conflict fixture: %s", qPrintable(status.errorMessage()));
    }
    void newMeasure()
    {
        m_measure = m_session->addEntity(u"measure"_s, m_goal, u"Leerstandskataster"_s);
        Q_EMIT measureChanged();
        QList<Change> changes;
        for (const auto &[seq, change] : m_session->replica()->store().changesAfter(0, 100000))
            changes.append(change);
        ensure(m_second->applyPulled(changes, 0));
    }
    QString arrive()
    {
        ensure(m_session->replica()->applyPulled(m_second->outbox(1000), 0));
        for (const Conflict &conflict : m_session->replica()->store().conflicts()) {
            if (conflict.entityId == m_measure)
                return conflict.id;
        }
        return {};
    }

    QTemporaryDir m_folder;
    QTemporaryDir m_secondFolder;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<LocalReplica> m_second;
    QString m_goal;
    QString m_measure;
};

/**
 * A real SyncStatus for the status bar's test, set to one situation at a time through the setters the
 * sync engine uses (QML cannot write a SyncStatus), so the bar is tested with what the core would show.
 */
class StatusFixture : public QObject
{
    Q_OBJECT
    Q_PROPERTY(SyncStatus *status READ status CONSTANT)

public:
    [[nodiscard]] SyncStatus *status() { return &m_status; }

    /**
     * requested: the state the engine asks for, by name ("online", "offline", "syncing", "error",
     * "localonly"); the status applies its own rules to it (pending, offline by choice).
     */
    Q_INVOKABLE void set(const QString &requested, int pending, bool offlineByChoice, const QString &errorCode = {},
                         int conflicts = 0, int progressDone = 0, int progressTotal = 0)
    {
        static const QHash<QString, SyncStatus::State> states {
            { u"localonly"_s, SyncStatus::LocalOnly }, { u"offline"_s, SyncStatus::Offline },
            { u"online"_s, SyncStatus::Online }, { u"syncing"_s, SyncStatus::Syncing }, { u"error"_s, SyncStatus::Error },
        };
        if (!states.contains(requested))
            qFatal("status fixture: unknown state %s", qPrintable(requested));
        m_status.setPendingChanges(pending);
        m_status.setOfflineByChoice(offlineByChoice);
        m_status.setError(errorCode, errorCode.isEmpty() ? QString() : u"test"_s);
        m_status.setOpenConflicts(conflicts);
        m_status.setProgress(progressDone, progressTotal);
        m_status.setLastCompleteSync(QDateTime::currentDateTimeUtc());
        m_status.setState(states.value(requested));
    }

private:
    SyncStatus m_status;
};

class Setup : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(u"qrc:/"_s);
        AppSetup::applyLanguage(u"de"_s);
        // Each test file gets a fresh replica: no state leaks from one file into the next.
        m_fixture.reset();
        m_fixture = std::make_unique<ConflictFixture>();
        engine->rootContext()->setContextProperty(u"fixture"_s, m_fixture.get());
        engine->rootContext()->setContextProperty(u"statusFixture"_s, &m_statusFixture);
    }
    void cleanupTestCase() { m_fixture.reset(); }

private:
    std::unique_ptr<ConflictFixture> m_fixture;
    StatusFixture m_statusFixture;
};

QUICK_TEST_MAIN_WITH_SETUP(components, Setup)
#include "tst_components.moc"

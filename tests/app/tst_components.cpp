// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the Qt Quick tests in qml/ against the client's own QML module, with a real Session on a
// local replica in a temporary folder (components read and write through it).
#include "session/appsetup.h"
#include "session/session.h"

#include <QQmlEngine>
#include <QQmlEngineExtensionPlugin>
#include <QTemporaryDir>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(WerkstattplanPlugin)

using namespace Qt::Literals::StringLiterals;

class Setup : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(u"qrc:/"_s);
        AppSetup::applyLanguage(u"de"_s);
        // Each test file gets a fresh replica: no state leaks from one file into the next.
        m_session.reset();
        m_dir = std::make_unique<QTemporaryDir>();
        m_session = std::make_unique<Session>(m_dir->path());
        Session::setInstance(m_session.get());
        m_session->startLocal(u"Teststadt"_s);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Session> m_session;
};

QUICK_TEST_MAIN_WITH_SETUP(components, Setup)
#include "tst_components.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Drives the real desktop client in a test as a person would: started on a data folder as main() starts it,
// its items found by objectName, clicked, typed into, photographed. Used by the end-to-end tests of tests/app.
#include "helpers/laptop.h"
#include "helpers/serverprocess.h"
#include "localreplica.h"
#include "session/appsetup.h"
#include "session/session.h"
#include "syncengine.h"

#include <QDir>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

/** A real server with the demo data (`seed-demo`) and the demo accounts' passwords. */
class DemoServer
{
public:
    /** Starts the server and seeds it; false (with a warning) if either failed. */
    bool start()
    {
        if (!m_server.start())
            return false;
        const auto seeded = m_server.admin({ QStringLiteral("seed-demo") });
        if (!seeded.ok()) {
            qWarning("seed-demo failed: %s", seeded.err.constData());
            return false;
        }
        for (const QString &line : seeded.lines()) {
            const QStringList parts = line.split(u' ');
            if (parts.size() >= 3 && parts[0] == u"account")
                m_passwords.insert(parts[1], parts[2]);
        }
        return m_passwords.contains(QStringLiteral("adorf")) && m_passwords.contains(QStringLiteral("geschaeftsstelle"));
    }
    [[nodiscard]] QUrl url() const { return m_server.baseUrl(); }
    [[nodiscard]] QString password(const QString &user) const { return m_passwords.value(user); }
    ServerProcess &process() { return m_server; }

private:
    ServerProcess m_server;
    QHash<QString, QString> m_passwords;
};

/**
 * The desktop client in the test's process: a Session and the QML engine with the app's Main.qml, as
 * main() sets them up. Test functions call its helpers from Q_SLOTS (they use QVERIFY, so a failure
 * ends the calling test function: check QTest::currentTestFailed() after calls that must succeed).
 */
class AppDriver
{
public:
    /** Where screenshot() saves: a folder per language below it. */
    explicit AppDriver(QString screenshotDir = {}) : m_screenshotDir(std::move(screenshotDir)) { }
    ~AppDriver() { stop(); }
    Q_DISABLE_COPY_MOVE(AppDriver)

    /**
     * Starts the client on a data folder (openLast: on the replica used last, as main() does) and waits
     * for its window; size: the window's size if valid (as a screen of that size would give it).
     */
    void start(const QString &folder, const QString &language, bool openLast = false, QSize size = {})
    {
        stop();
        m_session = std::make_unique<Session>(folder);
        if (openLast)
            QVERIFY(m_session->openLast());
        m_session->setLanguage(language);
        m_language = language;
        m_engine = std::make_unique<QQmlApplicationEngine>();
        QVERIFY(AppSetup::load(*m_engine, *m_session));
        m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
        QVERIFY(m_window);
        if (size.isValid()) {
            m_window->setWindowStates(Qt::WindowNoState); // WindowSettings maximizes on a small screen
            m_window->resize(size);
        }
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }
    /** Ends the client: QML first, then the session (its replica and sync engine). */
    void stop()
    {
        m_engine.reset();
        m_session.reset();
        m_window = nullptr;
    }

    [[nodiscard]] Session *session() const { return m_session.get(); }
    [[nodiscard]] QQuickWindow *window() const { return m_window; }
    [[nodiscard]] QQmlApplicationEngine *engine() const { return m_engine.get(); }
    [[nodiscard]] SyncStatus *status() const { return m_session ? m_session->sync() : nullptr; }
    [[nodiscard]] QString language() const { return m_language; }
    void setLanguage(const QString &language)
    {
        m_session->setLanguage(language);
        m_language = language;
    }

    /** Signs in on the first-start page, as a person would, and waits until the first sync is done. */
    void signInThroughSetupPage(const QUrl &server, const QString &user, const QString &password)
    {
        typeInto(item(QStringLiteral("setupServer")), server.toString(), false);
        typeInto(item(QStringLiteral("setupUser")), user, false);
        typeInto(item(QStringLiteral("setupPassword")), password, false);
        clickNamed(QStringLiteral("setupSignIn"));
        QTRY_VERIFY_WITH_TIMEOUT(m_session->isReady() && !m_session->isBusy(), 30'000);
        QCOMPARE(m_session->user(), user);
        QTRY_COMPARE_WITH_TIMEOUT(status()->state(), SyncStatus::Online, 15'000);
    }

    /** An object of the window by objectName, through QObject children and visual children alike. */
    QObject *find(const QString &name, QObject *from = nullptr) const
    {
        QObject *start = from ? from : static_cast<QObject *>(m_window);
        if (start->objectName() == name)
            return start;
        if (QObject *found = start->findChild<QObject *>(name))
            return found;
        if (auto *item = qobject_cast<QQuickItem *>(start); item || start == m_window) {
            const auto children = item ? item->childItems() : QList<QQuickItem *> { m_window->contentItem() };
            for (QQuickItem *child : children) {
                if (QObject *found = find(name, child))
                    return found;
            }
        }
        return nullptr;
    }
    QQuickItem *item(const QString &name) const { return qobject_cast<QQuickItem *>(find(name)); }

    /** A visible item by objectName (pages keep hidden copies of some controls); open popups' items included. */
    QQuickItem *visibleItem(const QString &name, QQuickItem *from = nullptr) const
    {
        // The window's root item holds the pages and the overlay that open popups and dialogs live in.
        QQuickItem *start = from ? from : m_window->contentItem();
        if (start->objectName() == name && start->isVisible())
            return start;
        for (QQuickItem *child : start->childItems()) {
            if (!child->isVisible())
                continue;
            if (QQuickItem *found = visibleItem(name, child))
                return found;
        }
        return nullptr;
    }

    void click(QQuickItem *target)
    {
        QVERIFY(target);
        QVERIFY2(target->isVisible() && target->isEnabled(), qPrintable(target->objectName()));
        const QPointF centre = target->mapToScene(QPointF(target->width() / 2, target->height() / 2));
        QTest::mouseClick(m_window, Qt::LeftButton, {}, centre.toPoint());
    }
    void clickNamed(const QString &name)
    {
        QQuickItem *target = nullptr;
        QTRY_VERIFY2_WITH_TIMEOUT((target = visibleItem(name)) != nullptr, qPrintable(name), 5000);
        click(target);
    }

    /** Types text as key presses into whatever has the focus. */
    void typeKeys(const QString &text)
    {
        for (const QChar c : text)
            QTest::sendKeyEvent(QTest::Click, m_window, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
    /** Types into a text field as a person would, and leaves it with Enter. */
    void typeInto(QQuickItem *field, const QString &text, bool enter = true)
    {
        QVERIFY(field);
        field->forceActiveFocus();
        QTRY_VERIFY(field->hasActiveFocus());
        QMetaObject::invokeMethod(field, "selectAll");
        typeKeys(text);
        if (enter)
            QTest::keyClick(m_window, Qt::Key_Return);
    }

    void showPage(const QString &page)
    {
        m_window->setProperty("page", page);
        QTest::qWait(50);
    }

    /** Saves the window as <screenshotDir>/<language>/<name>.png. */
    void screenshot(const QString &name)
    {
        QVERIFY(!m_screenshotDir.isEmpty());
        QDir().mkpath(m_screenshotDir + u'/' + m_language);
        QTest::qWait(100); // let bindings and layouts settle
        const QImage image = m_window->grabWindow();
        QVERIFY(!image.isNull());
        QVERIFY(image.save(QStringLiteral("%1/%2/%3.png").arg(m_screenshotDir, m_language, name)));
    }

private:
    QString m_screenshotDir;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
    QString m_language = QStringLiteral("de");
};

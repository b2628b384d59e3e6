// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/allocator.h"
#include "common/logging.h"
#include "localreplica.h"
#include "session/appsetup.h"
#include "session/keychainsecretstore.h"
#include "session/session.h"

#include <QCommandLineParser>
#include <QFile>
#include <QApplication>
#include <QQmlApplicationEngine>
#include <QQmlEngineExtensionPlugin>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTimer>

#include <cstdio>

Q_IMPORT_QML_PLUGIN(WerkstattplanPlugin)

using namespace Qt::Literals::StringLiterals;

int main(int argc, char *argv[])
{
    keepLargeBuffersInHeap();
    // A QApplication, not only a QGuiApplication: the file and print dialogs are Qt Widgets' (src/dialogs/).
    QApplication app(argc, argv);
    QGuiApplication::setApplicationName(u"werkstattplan"_s);
    QGuiApplication::setOrganizationName(u"Werkstattplan"_s);
    QGuiApplication::setApplicationVersion(QStringLiteral(WERKSTATTPLAN_VERSION));
    // Wayland matches the window to its desktop entry (and icon) by this name; X11 by the class "werkstattplan".
    QGuiApplication::setDesktopFileName(u"de.werkstattplan.Werkstattplan"_s);
    QQuickStyle::setStyle(u"Basic"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Werkstattplan: the workshop plan of your municipality, offline first."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption data(u"data"_s, u"Folder of this device's replicas and settings."_s, u"DIR"_s,
                                  LocalReplica::defaultFolder());
    const QCommandLineOption server(u"server"_s, u"Sign in to this server at start (with --user)."_s, u"URL"_s);
    const QCommandLineOption user(u"user"_s, u"Account to sign in with."_s, u"USER"_s);
    const QCommandLineOption passwordFile(u"password-file"_s, u"File whose first line is the password."_s, u"FILE"_s);
    const QCommandLineOption language(u"language"_s, u"de (default) or en."_s, u"LANG"_s);
    const QCommandLineOption caFile(u"ca-file"_s,
                                    u"Also trust the certificate authorities in this PEM file (a municipal PKI), for the "
                                    "account and the next sign-in; kept with the account. Empty: the system's only."_s,
                                    u"FILE"_s);
    const QCommandLineOption screenshot(u"screenshot"_s,
                                        u"Save the window as an image after --screenshot-delay ms, then quit (for docs)."_s,
                                        u"FILE"_s);
    const QCommandLineOption screenshotDelay(u"screenshot-delay"_s, u"Default 3000."_s, u"MS"_s, u"3000"_s);
    parser.addOptions({ data, server, user, passwordFile, language, caFile, screenshot, screenshotDelay });
    parser.process(app);

    LocalReplica::setSecretStore(KeychainSecretStore::createIfAvailable());
    Session session(parser.value(data));
    if (parser.isSet(language))
        session.setLanguage(parser.value(language));
    const bool opened = session.openLast();
    if (parser.isSet(caFile)) {
        if (Status trusted = session.setCaFile(parser.value(caFile)); !trusted) {
            std::fprintf(stderr, "werkstattplan: --ca-file: %s\n", qPrintable(trusted.errorMessage()));
            return 2;
        }
    }
    QQmlApplicationEngine engine;
    if (!AppSetup::load(engine, session))
        return 1;
    if (parser.isSet(server) && (!opened || session.user() != parser.value(user))) {
        QFile file(parser.value(passwordFile));
        if (!parser.isSet(passwordFile) || !file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "werkstattplan: --server needs --user and a readable --password-file\n");
            return 2;
        }
        const QString password = QString::fromUtf8(file.readLine()).trimmed();
        session.signIn(parser.value(server), parser.value(user), password);
    }
    if (parser.isSet(screenshot)) {
        QTimer::singleShot(parser.value(screenshotDelay).toInt(), &app, [&] {
            auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
            const bool saved = window && window->grabWindow().save(parser.value(screenshot));
            QCoreApplication::exit(saved ? 0 : 1);
        });
    }
    return QApplication::exec();
}

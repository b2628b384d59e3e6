// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsetup.h"

#include "session.h"

#include <QCoreApplication>
#include <QLocale>
#include <QQmlApplicationEngine>
#include <QTranslator>

using namespace Qt::Literals::StringLiterals;

namespace {

QTranslator *installed = nullptr;

} // namespace

bool AppSetup::applyLanguage(const QString &language)
{
    if (installed) {
        QCoreApplication::removeTranslator(installed);
        delete installed;
        installed = nullptr;
    }
    QLocale::setDefault(QLocale(language == u"en"_s ? QLocale::English : QLocale::German,
                                language == u"en"_s ? QLocale::UnitedKingdom : QLocale::Germany));
    // German is the source language; its file holds the plural forms ("1 Änderung", "3 Änderungen").
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(u":/i18n/werkstattplan_%1.qm"_s.arg(language))) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    installed = translator;
    return true;
}

bool AppSetup::load(QQmlApplicationEngine &engine, Session &session)
{
    Session::setInstance(&session);
    applyLanguage(session.language());
    QObject::connect(&session, &Session::languageChanged, &engine, [&engine, &session] {
        applyLanguage(session.language());
        engine.retranslate();
    });
    engine.addImportPath(u"qrc:/"_s);
    engine.load(QUrl(mainQml));
    return !engine.rootObjects().isEmpty();
}

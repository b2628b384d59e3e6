// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsetup.h"
#include "applogging.h"

#include "session.h"

#include <QCoreApplication>
#include <QJSValue>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QQmlApplicationEngine>
#include <QThread>
#include <QTranslator>

using namespace Qt::Literals::StringLiterals;

namespace {

/** The translators installed for the language shown: the client's, then Qt's own. */
QList<QTranslator *> installed;

/**
 * Makes every QML binding that translates, also through C++ (Vocabulary::syncStateLabel(), a model's
 * tr()), depend on the language as one that calls qsTr() does, so QQmlEngine::retranslate() evaluates
 * it again. QML sees no dependency in a call into C++; qsTr() in JavaScript, run from the translation
 * the binding asked for, records one on the binding being evaluated. It translates nothing itself.
 */
class BindingTranslator final : public QTranslator
{
public:
    void setEngine(QQmlEngine *engine)
    {
        m_engine = engine;
        m_touch = engine ? engine->evaluate(u"(function() { return qsTr(\"\"); })"_s) : QJSValue();
    }
    [[nodiscard]] bool isEmpty() const override { return false; }
    [[nodiscard]] QString translate(const char *, const char *, const char *, int) const override
    {
        // Only in the engine's thread, and not for the qsTr("") of the touch itself.
        if (!m_busy && m_engine && m_touch.isCallable() && QThread::currentThread() == m_engine->thread()
            && !QCoreApplication::closingDown()) {
            m_busy = true;
            m_touch.call();
            m_busy = false;
        }
        return {};
    }

private:
    QPointer<QQmlEngine> m_engine;
    QJSValue m_touch;
    mutable bool m_busy = false;
};

BindingTranslator *bindingTranslator = nullptr;

/** Loads a translation; the translator if it was there. */
QTranslator *loadTranslation(const QString &name, const QString &folder)
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(name, folder)) {
        delete translator;
        return nullptr;
    }
    return translator;
}

} // namespace

bool AppSetup::applyLanguage(const QString &language)
{
    for (QTranslator *translator : std::as_const(installed)) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    installed.clear();
    QLocale::setDefault(QLocale(language == u"en"_s ? QLocale::English : QLocale::German,
                                language == u"en"_s ? QLocale::UnitedKingdom : QLocale::Germany));
    // German is the source language; its file holds the plural forms ("1 Änderung", "3 Änderungen").
    QTranslator *own = loadTranslation(u"werkstattplan_%1.qm"_s.arg(language), u":/i18n"_s);
    if (own)
        installed << own;
    // Qt's own words (the file and print dialogs, "OK", "Abbrechen", "Speichern") are English at source;
    // Debian ships their translations in qt6-translations-l10n.
    if (language != u"en"_s) {
        const QString folder = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
        for (const QString &module : { u"qtbase"_s, u"qtdeclarative"_s }) {
            if (QTranslator *qt = loadTranslation(u"%1_%2.qm"_s.arg(module, language), folder))
                installed << qt;
            else
                qCWarning(lcApp, "Qt's translation %s_%s.qm is missing in %s (Debian: qt6-translations-l10n)",
                         qPrintable(module), qPrintable(language), qPrintable(folder));
        }
    }
    for (QTranslator *translator : std::as_const(installed))
        QCoreApplication::installTranslator(translator);
    // Installed last, so it is asked first (and then lets the others answer).
    if (bindingTranslator) {
        QCoreApplication::removeTranslator(bindingTranslator);
        QCoreApplication::installTranslator(bindingTranslator);
    }
    return own != nullptr;
}

bool AppSetup::load(QQmlApplicationEngine &engine, Session &session)
{
    Session::setInstance(&session);
    if (!bindingTranslator)
        bindingTranslator = new BindingTranslator;
    bindingTranslator->setEngine(&engine);
    applyLanguage(session.language());
    QObject::connect(&session, &Session::languageChanged, &engine, [&engine, &session] {
        applyLanguage(session.language());
        engine.retranslate();
    });
    engine.addImportPath(u"qrc:/"_s);
    engine.load(QUrl(mainQml));
    // The engine installs Qt's words in the language of start-up (qt_LANG.qm) on its first load and keeps
    // them asked first for its life, so that a later switch would not reach Qt's dialogs; ours do that.
    for (QTranslator *own : engine.findChildren<QTranslator *>(Qt::FindDirectChildrenOnly)) {
        QCoreApplication::removeTranslator(own);
        delete own;
    }
    return !engine.rootObjects().isEmpty();
}

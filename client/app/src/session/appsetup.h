// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QQmlApplicationEngine;
class Session;

/**
 * What the program and its headless tests do alike to show the client:
 * install the session's language (and follow changes of it), load the
 * QML module, and open the main window.
 */
namespace AppSetup {

/** Where Main.qml is in the module's resources (Qt 6.4 has no loadFromModule). */
inline const QString mainQml = QStringLiteral("qrc:/Werkstattplan/qml/Main.qml");

/** Installs the translation for language ("de": only the plural forms of the German source). */
bool applyLanguage(const QString &language);

/** Makes session the one QML sees, follows its language, and loads the main window; false if QML failed. */
bool load(QQmlApplicationEngine &engine, Session &session);

} // namespace AppSetup

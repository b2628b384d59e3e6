// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QObject;
class QWidget;

/** What the client's widget dialogs (file, print) share: they open over the QML window that asked for them. */
namespace DialogWindow {

/**
 * Makes dialog modal to the window of the QML item at or above owner (QML's parent of the FileChooser or
 * PlanPrinter), so it opens centred over it and in front of it.
 */
void prepare(QWidget *dialog, QObject *owner);

} // namespace DialogWindow

// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogwindow.h"

#include <QGuiApplication>
#include <QQuickItem>
#include <QQuickWindow>
#include <QWidget>
#include <QWindow>

void DialogWindow::prepare(QWidget *dialog, QObject *owner)
{
    QWindow *window = nullptr;
    for (QObject *o = owner; o && !window; o = o->parent()) {
        if (auto *item = qobject_cast<QQuickItem *>(o))
            window = item->window();
        else if (auto *w = qobject_cast<QWindow *>(o))
            window = w;
    }
    if (!window)
        window = QGuiApplication::focusWindow();
    dialog->setWindowModality(Qt::WindowModal);
    dialog->winId(); // makes the window handle, to give it its parent
    if (window && dialog->windowHandle())
        dialog->windowHandle()->setTransientParent(window);
}

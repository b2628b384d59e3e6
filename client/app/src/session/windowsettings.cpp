// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowsettings.h"

#include "session.h"

#include <QDir>
#include <QGuiApplication>
#include <QQuickWindow>
#include <QScreen>
#include <QSettings>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

// Room a window manager's title bar and frame take beyond the client area.
constexpr int frameAllowance = 48; // px

} // namespace

WindowSettings::WindowSettings(QObject *parent)
    : QObject(parent)
{
    m_saveLater.setSingleShot(true);
    m_saveLater.setInterval(500); // ms: one write after a drag or resize, not one per step
    connect(&m_saveLater, &QTimer::timeout, this, &WindowSettings::save);
}

void WindowSettings::classBegin()
{
    if (Session *session = Session::of(this))
        m_settingsFile = QDir(session->dataFolder()).filePath(u"settings.ini"_s);
    QSettings settings(settingsFile(), QSettings::IniFormat);
    m_timelineCollapsed = settings.value(u"window/timelineCollapsed"_s, false).toBool();
}

WindowSettings::~WindowSettings()
{
    if (m_saveLater.isActive())
        save();
}

QString WindowSettings::settingsFile() const
{
    return m_settingsFile.isEmpty() ? QDir(QDir::tempPath()).filePath(u"settings.ini"_s) : m_settingsFile;
}

WindowSettings::Placement WindowSettings::place(const QRect &saved, bool savedMaximized, const QList<QRect> &screens,
                                                QSize preferred)
{
    if (screens.isEmpty())
        return { QRect(QPoint(0, 0), preferred), false };
    if (saved.isValid()) {
        for (const QRect &area : screens) {
            if (!area.contains(saved.center()))
                continue;
            QRect fitted(saved.topLeft(), saved.size().boundedTo(area.size() - QSize(0, frameAllowance)));
            fitted.moveLeft(std::clamp(fitted.left(), area.left(), area.right() + 1 - fitted.width()));
            fitted.moveTop(std::clamp(fitted.top(), area.top() + frameAllowance / 2,
                                      std::max(area.top() + frameAllowance / 2, area.bottom() + 1 - fitted.height())));
            return { fitted, savedMaximized };
        }
    }
    const QRect area = screens.constFirst();
    const bool fits = preferred.width() <= area.width() && preferred.height() + frameAllowance <= area.height();
    QRect geometry(QPoint(0, 0), fits ? preferred : preferred.boundedTo(area.size() - QSize(0, frameAllowance)));
    geometry.moveCenter(area.center());
    return { geometry, !fits };
}

void WindowSettings::setWindow(QQuickWindow *window)
{
    if (window == m_window)
        return;
    if (m_window)
        disconnect(m_window, nullptr, this, nullptr);
    m_window = window;
    if (m_window) {
        QSettings settings(settingsFile(), QSettings::IniFormat);
        QList<QRect> screens;
        if (QScreen *primary = QGuiApplication::primaryScreen())
            screens << primary->availableGeometry();
        for (QScreen *screen : QGuiApplication::screens()) {
            if (screen != QGuiApplication::primaryScreen())
                screens << screen->availableGeometry();
        }
        const Placement placement = place(settings.value(u"window/geometry"_s).toRect(),
                                          settings.value(u"window/maximized"_s, false).toBool(), screens);
        m_window->setGeometry(placement.geometry);
        if (placement.maximized)
            m_window->setWindowStates(Qt::WindowMaximized);
        const auto changed = [this] { m_saveLater.start(); };
        connect(m_window, &QWindow::xChanged, this, changed);
        connect(m_window, &QWindow::yChanged, this, changed);
        connect(m_window, &QWindow::widthChanged, this, changed);
        connect(m_window, &QWindow::heightChanged, this, changed);
        connect(m_window, &QWindow::windowStateChanged, this, changed);
        // Closing hides the window first: the last place is written then, before the window goes.
        connect(m_window, &QWindow::visibleChanged, this, [this](bool visible) {
            if (!visible)
                save();
        });
    }
    Q_EMIT windowChanged();
}

void WindowSettings::setTimelineCollapsed(bool collapsed)
{
    if (collapsed == m_timelineCollapsed)
        return;
    m_timelineCollapsed = collapsed;
    QSettings(settingsFile(), QSettings::IniFormat).setValue(u"window/timelineCollapsed"_s, collapsed);
    Q_EMIT timelineCollapsedChanged();
}

void WindowSettings::save()
{
    m_saveLater.stop();
    if (!m_window)
        return;
    QSettings settings(settingsFile(), QSettings::IniFormat);
    const bool maximized = m_window->windowStates() & (Qt::WindowMaximized | Qt::WindowFullScreen);
    settings.setValue(u"window/maximized"_s, maximized);
    // The normal geometry only: a maximized window comes back maximized, and un-maximizes to where it was.
    if (!maximized && !(m_window->windowStates() & Qt::WindowMinimized))
        settings.setValue(u"window/geometry"_s, m_window->geometry());
}

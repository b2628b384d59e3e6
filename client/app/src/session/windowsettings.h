// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QQuickWindow>
#include <QRect>
#include <QTimer>


/**
 * The main window's place and size, and the layout choices that go with it (timeline shown or folded),
 * kept in the data folder's settings.ini. The window opens where it was left if that still lies on a
 * screen, always within a screen's free area, and maximized where the preferred size does not fit
 * (a 1366×768 laptop), so the status bar is never off-screen.
 */
class WindowSettings : public QObject, public QQmlParserStatus
{
    Q_OBJECT
    QML_ELEMENT
    Q_INTERFACES(QQmlParserStatus)
    Q_PROPERTY(QQuickWindow *window READ window WRITE setWindow NOTIFY windowChanged)
    Q_PROPERTY(bool timelineCollapsed READ timelineCollapsed WRITE setTimelineCollapsed NOTIFY timelineCollapsedChanged)

public:
    explicit WindowSettings(QObject *parent = nullptr);
    ~WindowSettings() override;
    Q_DISABLE_COPY_MOVE(WindowSettings)

    /** The size the window asks for when nothing is saved and the screen has room for it. */
    static constexpr QSize preferredSize { 1360, 860 };

    struct Placement
    {
        QRect geometry; ///< the window's normal geometry (client area)
        bool maximized = false;
    };
    /**
     * Where the window goes, given the saved normal geometry (invalid: none saved), whether it was
     * maximized, and the free areas of the screens (the first is the primary screen). A saved geometry
     * counts where its centre lies on a screen; it is shrunk and moved to fit that screen. Without one,
     * preferred centred on the primary screen, or maximized there if it does not fit (room left for a
     * title bar).
     */
    [[nodiscard]] static Placement place(const QRect &saved, bool savedMaximized, const QList<QRect> &screens,
                                         QSize preferred = preferredSize);

    [[nodiscard]] QQuickWindow *window() const { return m_window; }
    /** Places the window as saved (or to fit its screen) and follows its geometry from then on. */
    void setWindow(QQuickWindow *window);
    [[nodiscard]] bool timelineCollapsed() const { return m_timelineCollapsed; }
    void setTimelineCollapsed(bool collapsed);

    /** Made by QML: reads the settings of its engine's session. */
    void classBegin() override;
    void componentComplete() override { }

    /** Writes the window's geometry now (also done shortly after every change, and at the end). */
    Q_INVOKABLE void save();

Q_SIGNALS:
    void windowChanged();
    void timelineCollapsedChanged();

private:
    [[nodiscard]] QString settingsFile() const;

    QPointer<QQuickWindow> m_window;
    QString m_settingsFile; ///< in the session's data folder; known from classBegin()
    QTimer m_saveLater;
    bool m_timelineCollapsed = false;
};

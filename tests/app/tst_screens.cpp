// SPDX-License-Identifier: GPL-3.0-or-later
// The real desktop client on a laptop's screen (issue 12, items 6, 9 and 13): run on a virtual 1366×768
// screen, against the real server with the demo data. The window opens within the screen and remembers
// its place; at 1366×768 and 1280×720 the status bar and ten outline rows are in sight; the sign-in page
// has the focus; Tab keeps the focused field in view; every interactive control has an accessible name;
// the help page lists every shortcut of the window; nav buttons and cut-off texts have tooltips.
#include "appdriver.h"
#include "planoutlinemodel.h"
#include "session/vocabulary.h"

#include <QAccessible>
#include <QApplication>
#include <QGuiApplication>
#include <QKeySequence>
#include <QQmlEngineExtensionPlugin>
#include <QQmlProperty>
#include <QScreen>
#include <QSettings>

Q_IMPORT_QML_PLUGIN(WerkstattplanPlugin)

using namespace Qt::Literals::StringLiterals;

namespace {

const QSize laptop { 1366, 768 };

bool isA(const QObject *object, const char *className) { return object->inherits(className); }

/** Every item below from that is visible (including from). */
void visibleItems(QQuickItem *from, QList<QQuickItem *> &items)
{
    if (!from->isVisible() || from->opacity() == 0)
        return;
    items << from;
    for (QQuickItem *child : from->childItems())
        visibleItems(child, items);
}

/** The item's rectangle in the window's coordinates. */
QRectF sceneRect(const QQuickItem *item) { return item->mapRectToScene(QRectF(0, 0, item->width(), item->height())); }

/** The nearest Flickable that item lies in (its content scrolls), or null. */
QQuickItem *flickableOf(QQuickItem *item)
{
    for (QQuickItem *p = item ? item->parentItem() : nullptr; p; p = p->parentItem()) {
        if (isA(p, "QQuickFlickable"))
            return p;
    }
    return nullptr;
}

/** Portable texts of the sequences a Shortcut object answers to (a standard key: its first binding). */
QStringList shortcutKeys(const QObject *shortcut)
{
    QVariantList sequences = shortcut->property("sequences").toList();
    if (sequences.isEmpty())
        sequences << shortcut->property("sequence");
    QStringList keys;
    for (const QVariant &sequence : sequences) {
        if (sequence.typeId() == QMetaType::QString) {
            keys << QKeySequence(sequence.toString()).toString(QKeySequence::PortableText);
        } else if (sequence.canConvert<int>()) {
            const auto bindings = QKeySequence::keyBindings(QKeySequence::StandardKey(sequence.toInt()));
            if (!bindings.isEmpty())
                keys << bindings.constFirst().toString(QKeySequence::PortableText);
        }
    }
    keys.removeAll(QString());
    return keys;
}

void collectShortcuts(QObject *from, QList<QObject *> &found, QSet<QObject *> &seen)
{
    if (seen.contains(from))
        return;
    seen.insert(from);
    if (isA(from, "QQuickShortcut"))
        found << from;
    for (QObject *child : from->children())
        collectShortcuts(child, found, seen);
    if (auto *item = qobject_cast<QQuickItem *>(from)) {
        for (QQuickItem *child : item->childItems())
            collectShortcuts(child, found, seen);
    }
}

} // namespace

class TestScreens : public QObject
{
    Q_OBJECT

private:
    DemoServer m_demo;
    QTemporaryDir m_data;
    AppDriver m_app { QStringLiteral(WERKSTATTPLAN_SCREENSHOTS) };
    QString m_measure; ///< a measure of Adorf's plan, the longest editor

    QQuickWindow *window() const { return m_app.window(); }

    /** The window made this size as a person would: not maximized, then resized. */
    void setWindowSize(QSize size)
    {
        window()->setWindowStates(Qt::WindowNoState);
        window()->setGeometry(QRect(QPoint(0, 0), size));
        QTRY_COMPARE(window()->size(), size);
        QTRY_COMPARE(m_app.item(u"syncStatusBar"_s) ? qRound(sceneRect(m_app.item(u"syncStatusBar"_s)).bottom()) : -1,
                     size.height());
    }

    PlanOutlineModel *outlineModel() const
    {
        auto *outline = m_app.item(u"planOutline"_s);
        return outline ? qobject_cast<PlanOutlineModel *>(outline->property("model").value<QObject *>()) : nullptr;
    }

    /** Outline rows a person sees: inside the window and inside the outline's viewport, not clipped. */
    int visibleOutlineRows() const
    {
        auto *outline = m_app.visibleItem(u"planOutline"_s);
        if (!outline)
            return 0;
        const QRectF viewport = sceneRect(outline).intersected(QRectF(QPointF(0, 0), window()->size()));
        QList<QQuickItem *> items;
        visibleItems(outline, items);
        int rows = 0;
        for (QQuickItem *item : items) {
            if (isA(item, "QQuickItemDelegate") && item->parentItem() == outline->property("contentItem").value<QQuickItem *>()
                && viewport.contains(sceneRect(item)))
                ++rows;
        }
        return rows;
    }

    /** A text for each interactive control without an accessible name, on what is shown now. */
    QStringList unnamedControls(int *checked = nullptr) const
    {
        QList<QQuickItem *> items;
        visibleItems(window()->contentItem(), items); // with the overlay (a child of it): open popups count
        QStringList unnamed;
        for (QQuickItem *item : items) {
            const bool control = isA(item, "QQuickAbstractButton") || isA(item, "QQuickTextInput")
                    || isA(item, "QQuickTextEdit") || isA(item, "QQuickComboBox")
                    || isA(item, "QQuickSlider") || isA(item, "QQuickSpinBox");
            bool handler = isA(item, "QQuickMouseArea") && item->isEnabled();
            for (QObject *child : item->children())
                handler |= isA(child, "QQuickTapHandler");
            if (!control && !handler)
                continue;
            // Parts of a control that the control names (a ComboBox's field, a SpinBox's buttons).
            if (item->parentItem() && (isA(item->parentItem(), "QQuickComboBox") || isA(item->parentItem(), "QQuickSpinBox")))
                continue;
            // A text shown read-only is no control.
            if ((isA(item, "QQuickTextInput") || isA(item, "QQuickTextEdit")) && item->property("readOnly").toBool()
                && !item->activeFocusOnTab())
                continue;
            QString name;
            for (QQuickItem *named = item; named && name.isEmpty() && (named == item || handler); named = named->parentItem()) {
                if (QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(named))
                    name = accessible->text(QAccessible::Name).trimmed();
                if (name.isEmpty())
                    name = named->property("text").toString().trimmed(); // a button's text names it
                if (!handler)
                    break;
            }
            if (checked)
                ++*checked;
            if (name.isEmpty())
                unnamed << u"%1 \"%2\" in %3"_s.arg(QString::fromLatin1(item->metaObject()->className()), item->objectName(),
                                                    item->parentItem() ? QString::fromLatin1(item->parentItem()->metaObject()->className())
                                                                       : QString());
        }
        return unnamed;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Controls set their accessible names when assistive technology is on; a screen reader would turn it on.
        QAccessible::setActive(true);
        QCOMPARE(QGuiApplication::primaryScreen()->size(), laptop);
        QVERIFY(m_demo.start());
        m_app.start(m_data.filePath(u"client"_s), u"de"_s);
    }

    void signInPageHasTheFocus()
    {
        QVERIFY(!m_app.session()->isReady());
        QTRY_COMPARE(window()->activeFocusItem(), m_app.item(u"setupServer"_s));
        // Typing goes straight into it.
        m_app.typeKeys(u"abc"_s);
        QCOMPARE(m_app.item(u"setupServer"_s)->property("text").toString(), u"abc"_s);
        QStringList unnamed = unnamedControls();
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u"; "_s)));
    }

    void windowOpensWithinTheScreen()
    {
        // Nothing saved yet: the preferred 1360×860 does not fit a 1366×768 laptop, so it opens maximized.
        const QRect available = window()->screen()->availableGeometry();
        QVERIFY2(available.contains(window()->geometry()),
                 qPrintable(u"%1,%2 %3×%4"_s.arg(window()->x()).arg(window()->y()).arg(window()->width()).arg(window()->height())));
        QVERIFY(window()->height() <= available.height());
        const QRectF bar = sceneRect(m_app.item(u"syncStatusBar"_s));
        QVERIFY(QRectF(QPointF(0, 0), window()->size()).contains(bar) || !m_app.item(u"syncStatusBar"_s)->isVisible());
    }

    void signIn()
    {
        m_app.item(u"setupServer"_s)->setProperty("text", QString());
        m_app.signInThroughSetupPage(m_demo.url(), u"adorf"_s, m_demo.password(u"adorf"_s));
        PlanOutlineModel *model = outlineModel();
        QVERIFY(model);
        QTRY_VERIFY(model->count() > 5);
        for (int row = 0; row < model->count() && m_measure.isEmpty(); ++row) {
            if (model->get(row).value(u"entityType"_s) == u"measure"_s)
                m_measure = model->get(row).value(u"entityId"_s).toString();
        }
        QVERIFY(!m_measure.isEmpty());
        // Enough entries that ten rows can show at all.
        for (int i = model->count(); i < 14; ++i)
            QVERIFY(!m_app.session()->addEntity(u"measure"_s, m_app.session()->fieldValue(m_measure, u"goal"_s),
                                                u"Maßnahme %1"_s.arg(i)).isEmpty());
        QTRY_VERIFY(model->count() >= 14);
    }

    void fitsALaptop_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("timelineCollapsed");
        QTest::addRow("1366×768") << laptop << false;
        QTest::addRow("1280×720") << QSize(1280, 720) << false;
        QTest::addRow("1280×720, timeline folded") << QSize(1280, 720) << true;
    }
    void fitsALaptop()
    {
        QFETCH(QSize, size);
        QFETCH(bool, timelineCollapsed);
        m_app.showPage(u"plan"_s);
        window()->setProperty("timelineCollapsed", timelineCollapsed);
        setWindowSize(size);
        QQuickItem *bar = m_app.visibleItem(u"syncStatusBar"_s);
        QVERIFY(bar);
        QVERIFY2(QRectF(QPointF(0, 0), window()->size()).contains(sceneRect(bar)), "the status bar is not in the window");
        QVERIFY(m_app.visibleItem(u"timelineStrip"_s));
        m_app.screenshot(u"plan-%1x%2%3"_s.arg(size.width()).arg(size.height()).arg(timelineCollapsed ? u"-folded"_s : QString()));
        QTRY_VERIFY2(visibleOutlineRows() >= 10, qPrintable(u"%1 outline rows in sight"_s.arg(visibleOutlineRows())));
        window()->setProperty("timelineCollapsed", false);
    }

    void sizePlaceAndTimelineAreRemembered()
    {
        m_app.showPage(u"plan"_s);
        window()->setWindowStates(Qt::WindowNoState);
        const QRect left(60, 70, 1100, 640);
        window()->setGeometry(left);
        QTRY_COMPARE(window()->geometry(), left);
        m_app.clickNamed(u"timelineToggle"_s);
        QTRY_VERIFY(window()->property("timelineCollapsed").toBool());
        // The program ends (the window closes), and starts again on the same data folder.
        window()->close();
        m_app.start(m_data.filePath(u"client"_s), u"de"_s, true);
        QCOMPARE(window()->geometry(), left);
        QVERIFY(window()->property("timelineCollapsed").toBool());
        m_app.clickNamed(u"timelineToggle"_s);
        QTRY_VERIFY(!window()->property("timelineCollapsed").toBool());
        // A place saved on a screen that is gone (a monitor unplugged) falls back into the screen.
        window()->close();
        QSettings(m_data.filePath(u"client/settings.ini"_s), QSettings::IniFormat)
                .setValue(u"window/geometry"_s, QRect(3000, 2000, 1600, 1000));
        m_app.start(m_data.filePath(u"client"_s), u"de"_s, true);
        QVERIFY(window()->screen()->availableGeometry().contains(window()->geometry()));
    }

    void tabKeepsTheFocusInView()
    {
        setWindowSize(QSize(1280, 720));
        m_app.showPage(u"plan"_s);
        auto *outline = m_app.item(u"planOutline"_s);
        outline->setProperty("currentIndex", outlineModel()->indexOf(m_measure));
        QTRY_COMPARE(m_app.item(u"entityEditor"_s)->property("entityId").toString(), m_measure);
        QQuickItem *title = m_app.visibleItem(u"field_title"_s);
        QVERIFY(title);
        QQuickItem *fields = flickableOf(title);
        QVERIFY(fields);
        m_app.screenshot(u"editor-1280x720"_s);
        QVERIFY2(fields->property("contentHeight").toReal() > fields->height(),
                 qPrintable(u"the editor is not longer than its view: %1 in %2"_s.arg(fields->property("contentHeight").toReal()).arg(fields->height())));
        title->forceActiveFocus();
        QTRY_VERIFY(title->hasActiveFocus());
        bool scrolled = false;
        for (int step = 0; step < 40; ++step) {
            QTest::keyClick(window(), Qt::Key_Tab);
            QQuickItem *focused = window()->activeFocusItem();
            QVERIFY(focused);
            if (flickableOf(focused) != fields && flickableOf(flickableOf(focused)) != fields)
                continue; // left the editor's fields (tabs, outline): fine, they are not scrolled
            const QRectF view = sceneRect(fields);
            const QRectF shown = sceneRect(focused);
            QTRY_VERIFY2(view.top() - 1 <= sceneRect(focused).top()
                                 && sceneRect(focused).top() + std::min(shown.height(), view.height()) <= view.bottom() + 1,
                         qPrintable(u"%1 at %2–%3, view %4–%5"_s.arg(focused->objectName()).arg(sceneRect(focused).top())
                                            .arg(sceneRect(focused).bottom()).arg(view.top()).arg(view.bottom())));
            scrolled |= fields->property("contentY").toReal() > 0;
        }
        QVERIFY2(scrolled, "Tab never reached a field below the first screenful");
    }

    void everyControlHasAnAccessibleName_data()
    {
        QTest::addColumn<QString>("page");
        for (const char *page : { "plan", "peers", "search", "meetings", "synopsis", "charts", "conflicts", "sync",
                                  "settings", "help" })
            QTest::addRow("%s", page) << QString::fromLatin1(page);
    }
    void everyControlHasAnAccessibleName()
    {
        QFETCH(QString, page);
        setWindowSize(laptop);
        m_app.showPage(page);
        if (page == u"peers"_s)
            m_app.clickNamed(u"peer_Furth"_s);
        if (page == u"search"_s)
            m_app.typeInto(m_app.visibleItem(u"searchQuery"_s), u"Fachkräfte"_s);
        if (page == u"plan"_s)
            m_app.item(u"planOutline"_s)->setProperty("currentIndex", outlineModel()->indexOf(m_measure));
        QTest::qWait(100); // let the page's lists fill
        int checked = 0;
        const QStringList unnamed = unnamedControls(&checked);
        QVERIFY2(checked >= 12, qPrintable(u"only %1 controls found"_s.arg(checked))); // the sidebar alone has 12
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u"; "_s)));
    }

    void helpListsEveryShortcut()
    {
        QTest::keyClick(window(), Qt::Key_F1);
        QTRY_COMPARE(window()->property("page").toString(), u"help"_s);
        QQuickItem *help = m_app.visibleItem(u"helpPage"_s);
        QVERIFY(help);
        QList<QQuickItem *> items;
        visibleItems(help, items);
        QStringList listed;
        for (QQuickItem *item : items) {
            if (item->objectName() == u"shortcutRow"_s) {
                for (const QString &key : item->property("keys").toStringList())
                    listed << QKeySequence(key).toString(QKeySequence::PortableText);
            }
        }
        QList<QObject *> shortcuts;
        QSet<QObject *> seen;
        collectShortcuts(window(), shortcuts, seen);
        QVERIFY(shortcuts.size() >= 10);
        for (QObject *shortcut : std::as_const(shortcuts)) {
            const QStringList keys = shortcutKeys(shortcut);
            QVERIFY(!keys.isEmpty());
            for (const QString &key : keys)
                QVERIFY2(listed.contains(key), qPrintable(u"%1 is not on the help page"_s.arg(key)));
        }
    }

    void navButtonsShowTheirShortcut()
    {
        setWindowSize(laptop);
        QQuickItem *nav = m_app.visibleItem(u"navSearch"_s);
        QVERIFY(nav);
        // Reached by Tab, as a keyboard user reaches it (a mouse user's hover shows the same tooltip).
        QMetaObject::invokeMethod(nav, "forceActiveFocus", Q_ARG(Qt::FocusReason, Qt::TabFocusReason));
        QTRY_VERIFY(QQmlProperty::read(nav, u"ToolTip.visible"_s, qmlContext(nav)).toBool());
        QVERIFY(QQmlProperty::read(nav, u"ToolTip.text"_s, qmlContext(nav)).toString().contains(Vocabulary::shortcutText(u"Ctrl+3"_s)));
        // The shortcut does what the tooltip says.
        QTest::keyClick(window(), Qt::Key_3, Qt::ControlModifier);
        QTRY_COMPARE(window()->property("page").toString(), u"search"_s);
    }

    void newMeasureByKeyboard()
    {
        m_app.showPage(u"help"_s);
        PlanOutlineModel *model = outlineModel();
        const int before = model->count();
        QTest::keyClick(window(), Qt::Key_N, Qt::ControlModifier);
        QTRY_COMPARE(window()->property("page").toString(), u"plan"_s);
        QTRY_COMPARE(model->count(), before + 1);
        const QString added = m_app.item(u"entityEditor"_s)->property("entityId").toString();
        QCOMPARE(m_app.session()->entityType(added), u"measure"_s);
    }

    void cutOffOutlineTitlesHaveATooltip()
    {
        // A narrow outline (as beside a peer's plan) cuts long titles: the whole title shows on hover.
        setWindowSize(QSize(1000, 700));
        m_app.showPage(u"plan"_s);
        const QString longTitle = u"Eine sehr lange Maßnahme, deren Titel nicht in die Spalte der Gliederung passt und abgeschnitten wird"_s;
        QVERIFY(m_app.session()->setField(m_measure, u"title"_s, longTitle));
        auto *outline = m_app.item(u"planOutline"_s);
        const int row = outlineModel()->indexOf(m_measure);
        outline->setProperty("currentIndex", row);
        QMetaObject::invokeMethod(outline, "positionViewAtIndex", Q_ARG(int, row), Q_ARG(int, 0 /* ListView.Beginning */));
        const auto current = [outline] { return qvariant_cast<QQuickItem *>(outline->property("currentItem")); };
        QTRY_VERIFY(current() && current()->property("title").toString() == longTitle);
        QQuickItem *delegate = current();
        outline->forceActiveFocus(); // the row chosen by keyboard in the outline
        QVERIFY(delegate->property("current").toBool());
        QTRY_VERIFY(QQmlProperty::read(delegate, u"ToolTip.visible"_s, qmlContext(delegate)).toBool());
        QCOMPARE(QQmlProperty::read(delegate, u"ToolTip.text"_s, qmlContext(delegate)).toString(), longTitle);
    }

    void cleanupTestCase() { m_app.stop(); }
};

int main(int argc, char *argv[])
{
    // A virtual laptop screen of 1366×768 for the offscreen platform (its config file names the screens).
    QTemporaryDir config;
    const QString file = config.filePath(u"screens.json"_s);
    QFile json(file);
    if (!json.open(QIODevice::WriteOnly))
        return 1;
    json.write(R"({"synchronousWindowSystemEvents": true, "windowFrameMargins": false,
                   "screens": [{"name": "Laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
                                "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})");
    json.close();
    qputenv("QT_QPA_PLATFORM", QByteArray("offscreen:configfile=") + file.toLocal8Bit());
    QApplication app(argc, argv); // the file and print dialogs are Qt Widgets
    TestScreens test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_screens.moc"

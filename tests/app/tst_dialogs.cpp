// SPDX-License-Identifier: GPL-3.0-or-later
// Every dialog of the real client, headless, in German and in English: every Qt Quick popup and dialog
// (found in the QML object tree, whoever added it), the file dialogs (a PDF and a CSV saved under a typed
// new name, the extension added, replacing a file asked first) and the print dialog. Each visible button
// speaks the language chosen. A change of language reaches Qt's words and the client's at once.
#include "appdriver.h"
#include "session/vocabulary.h"
#include "syncstatus.h"

#include <QAbstractButton>
#include <QApplication>
#include <QFileDialog>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QTimer>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace Qt::Literals::StringLiterals;

namespace {

/** The client's English translation: German source → English, for the entries whose words differ. */
QHash<QString, QString> clientTranslation()
{
    QHash<QString, QString> words;
    QFile file(QStringLiteral(WERKSTATTPLAN_SOURCE_DIR) + u"/client/app/i18n/werkstattplan_en.ts"_s);
    if (!file.open(QIODevice::ReadOnly))
        return words;
    QXmlStreamReader xml(&file);
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"source"_s)
            source = xml.readElementText();
        else if (xml.name() == u"translation"_s) {
            const QString english = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (!english.isEmpty() && english != source)
                words.insert(source, english);
        }
    }
    return words;
}

/** The Qt contexts whose words appear on the dialogs' buttons. */
const char *const qtContexts[] = { "QPlatformTheme", "QFileDialog", "QPrintDialog", "QMessageBox", "QDialogButtonBox",
                                   "QUnixPrintWidget", "QPrintPropertiesDialog" };

} // namespace

class TestDialogs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyDialogSpeaksTheLanguage_data();
    void everyDialogSpeaksTheLanguage();
    void savingUnderANewNameAddsTheExtensionAndAsksBeforeReplacing_data();
    void savingUnderANewNameAddsTheExtensionAndAsksBeforeReplacing();
    void printingGoesThroughQtsPrintDialog();
    void aLanguageSwitchReachesQtAndTheClientAtOnce();

private:
    /** The client on a local plan, in language, with every page made once (so every dialog exists). */
    void startClient(const QString &language);
    /** Why text is not in the language shown; empty if it is. */
    QString wrongLanguage(const QString &text) const;
    void checkButtons(const QList<QAbstractButton *> &buttons, const QString &where);
    QFileDialog *openFileDialog(const QString &button);
    template<typename T>
    T *visibleTopLevel()
    {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            if (auto *found = qobject_cast<T *>(widget); found && found->isVisible())
                return found;
        }
        return nullptr;
    }

    QTemporaryDir m_data;
    QTemporaryDir m_out;
    std::unique_ptr<AppDriver> m_app;
    QHash<QString, QString> m_english; ///< the client's: German → English
    QTranslator m_qtGerman;
};

void TestDialogs::initTestCase()
{
    QVERIFY(qobject_cast<QApplication *>(QCoreApplication::instance()));
    m_english = clientTranslation();
    QVERIFY(!m_english.isEmpty());
    QVERIFY2(m_qtGerman.load(u"qtbase_de.qm"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)),
             "Qt's translations are missing (qt6-translations-l10n); run scripts/install-deps");
}

void TestDialogs::startClient(const QString &language)
{
    m_app = std::make_unique<AppDriver>();
    m_app->start(m_data.path(), language, QFileInfo::exists(m_data.filePath(u"settings.ini"_s)), QSize(1366, 768));
    if (QTest::currentTestFailed())
        return;
    if (!m_app->session()->isReady())
        QVERIFY(m_app->session()->startLocal(u"Adorf"_s));
    QTRY_VERIFY(!m_app->session()->planId().isEmpty());
    // Pages are made when first shown; their dialogs with them.
    const QStringList pages = m_app->window()->property("pages").toStringList();
    QVERIFY(!pages.isEmpty());
    for (const QString &page : pages)
        m_app->showPage(page);
    m_app->showPage(u"plan"_s);
}

QString TestDialogs::wrongLanguage(const QString &text) const
{
    const QString plain = QString(text).remove(u'&').trimmed();
    if (plain.isEmpty())
        return {};
    if (m_app->language() == u"de"_s) {
        // A word of Qt's that has a German one, or the English of one of the client's words.
        for (const char *context : qtContexts) {
            const QString german = m_qtGerman.translate(context, plain.toUtf8().constData());
            if (!german.isEmpty() && german != plain)
                return u"„%1“ is Qt's English (German: „%2“)"_s.arg(plain, german);
        }
        for (auto it = m_english.cbegin(); it != m_english.cend(); ++it) {
            if (it.value() == plain && it.key() != plain)
                return u"„%1“ is the English of „%2“"_s.arg(plain, it.key());
        }
        return {};
    }
    if (m_english.contains(plain))
        return u"„%1“ is German (English: „%2“)"_s.arg(plain, m_english.value(plain));
    static const QStringList qtGermanWords { u"Abbrechen"_s, u"Speichern"_s, u"Öffnen"_s, u"Schließen"_s, u"Ja"_s,
                                             u"Nein"_s, u"Drucken"_s, u"Übernehmen"_s, u"Hilfe"_s, u"Verwerfen"_s };
    if (qtGermanWords.contains(plain))
        return u"„%1“ is German"_s.arg(plain);
    return {};
}

void TestDialogs::checkButtons(const QList<QAbstractButton *> &buttons, const QString &where)
{
    int checked = 0;
    for (QAbstractButton *button : buttons) {
        if (!button->isVisibleTo(button->window()) || button->text().isEmpty())
            continue;
        ++checked;
        const QString problem = wrongLanguage(button->text());
        QVERIFY2(problem.isEmpty(), qPrintable(where + u": "_s + problem));
    }
    QVERIFY2(checked > 0, qPrintable(where + u": no button with a text"_s));
}

void TestDialogs::everyDialogSpeaksTheLanguage_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("de") << u"de"_s;
    QTest::newRow("en") << u"en"_s;
}

void TestDialogs::everyDialogSpeaksTheLanguage()
{
    QFETCH(QString, language);
    startClient(language);
    if (QTest::currentTestFailed())
        return;

    // The plan page with its print buttons, for a person to look at.
    QDir().mkpath(QStringLiteral(WERKSTATTPLAN_SCREENSHOTS "/") + language);
    QVERIFY(m_app->window()->grabWindow().save(QStringLiteral(WERKSTATTPLAN_SCREENSHOTS "/%1/plan-print.png").arg(language)));

    // Every popup and dialog of the QML scene, whatever page declares it.
    QList<QObject *> popups;
    for (QObject *object : m_app->window()->findChildren<QObject *>()) {
        if (object->inherits("QQuickPopup") && !object->inherits("QQuickToolTip") && !object->inherits("QQuickMenu"))
            popups << object;
    }
    QVERIFY2(popups.size() >= 4, qPrintable(u"only %1 dialogs found"_s.arg(popups.size())));
    for (QObject *popup : std::as_const(popups)) {
        const QString name = popup->objectName().isEmpty() ? QString::fromUtf8(popup->metaObject()->className())
                                                           : popup->objectName();
        QVERIFY(QMetaObject::invokeMethod(popup, "open"));
        QTRY_VERIFY2(popup->property("opened").toBool(), qPrintable(name));
        int buttons = 0;
        // The dialog's items: its header, content and footer (the standard buttons).
        for (const char *part : { "header", "contentItem", "footer" }) {
            auto *root = qvariant_cast<QQuickItem *>(popup->property(part));
            if (!root)
                continue;
            QList<QQuickItem *> items { root };
            while (!items.isEmpty()) {
                QQuickItem *item = items.takeFirst();
                if (!item->isVisible())
                    continue;
                items << item->childItems();
                if (!item->inherits("QQuickAbstractButton"))
                    continue;
                const QString text = item->property("text").toString();
                if (text.isEmpty())
                    continue;
                ++buttons;
                const QString problem = wrongLanguage(text);
                QVERIFY2(problem.isEmpty(), qPrintable(name + u": "_s + problem));
            }
        }
        qInfo("%s: %d buttons", qPrintable(name), buttons);
        QMetaObject::invokeMethod(popup, "close");
        QTRY_VERIFY(!popup->property("visible").toBool());
    }

    // The file dialogs (the plan as PDF, the synopsis to and from CSV) and the print dialog.
    const QList<std::pair<QString, QString>> fileButtons { { u"plan"_s, u"planSavePdf"_s },
                                                          { u"synopsis"_s, u"exportSynopsisCsv"_s },
                                                          { u"synopsis"_s, u"importSynopsisCsv"_s } };
    for (const auto &[page, button] : fileButtons) {
        m_app->showPage(page);
        if (!m_app->visibleItem(button))
            continue; // the office's import, on a municipality's client
        QFileDialog *dialog = openFileDialog(button);
        QVERIFY(dialog);
        checkButtons(dialog->findChildren<QAbstractButton *>(), button);
        const bool saving = dialog->acceptMode() == QFileDialog::AcceptSave;
        QCOMPARE(dialog->labelText(QFileDialog::Accept),
                 language == u"de"_s ? (saving ? u"Speichern"_s : u"Öffnen"_s) : (saving ? u"Save"_s : u"Open"_s));
        dialog->reject();
        QTRY_VERIFY(!visibleTopLevel<QFileDialog>());
    }
    m_app->showPage(u"plan"_s);
    m_app->clickNamed(u"planPrint"_s);
    QPrintDialog *print = nullptr;
    QTRY_VERIFY((print = visibleTopLevel<QPrintDialog>()) != nullptr);
    checkButtons(print->findChildren<QAbstractButton *>(), u"print dialog"_s);
    print->reject();
    QTRY_VERIFY(!visibleTopLevel<QPrintDialog>());
    m_app->stop();
}

QFileDialog *TestDialogs::openFileDialog(const QString &button)
{
    m_app->clickNamed(button);
    QFileDialog *dialog = nullptr;
    [&] { QTRY_VERIFY2((dialog = visibleTopLevel<QFileDialog>()) != nullptr, qPrintable(button)); }();
    return dialog;
}

void TestDialogs::savingUnderANewNameAddsTheExtensionAndAsksBeforeReplacing_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("de") << u"de"_s;
    QTest::newRow("en") << u"en"_s;
}

void TestDialogs::savingUnderANewNameAddsTheExtensionAndAsksBeforeReplacing()
{
    QFETCH(QString, language);
    startClient(language);
    if (QTest::currentTestFailed())
        return;
    const bool german = language == u"de"_s;

    // A new name, typed without extension, confirmed with Return.
    QFileDialog *dialog = openFileDialog(u"planSavePdf"_s);
    QVERIFY(dialog);
    auto *name = dialog->findChild<QLineEdit *>(u"fileNameEdit"_s);
    QVERIFY(name);
    const QString pdf = m_out.filePath(u"plan-%1"_s.arg(language));
    name->clear();
    QTest::keyClicks(name, pdf);
    QTest::keyClick(name, Qt::Key_Return);
    QTRY_VERIFY(!visibleTopLevel<QFileDialog>());
    QFile written(pdf + u".pdf"_s);
    QVERIFY2(written.open(QIODevice::ReadOnly), qPrintable(written.fileName()));
    QCOMPARE(written.read(5), QByteArray("%PDF-"));
    QVERIFY(!QFileInfo::exists(pdf));
    QCOMPARE(m_app->find(u"noticeText"_s)->property("text").toString(),
             (german ? u"Gespeichert: %1"_s : u"Saved: %1"_s).arg(QDir::toNativeSeparators(written.fileName())));

    // An existing name: the dialog asks; "no" keeps the file and the dialog, "yes" replaces it.
    const QString csv = m_out.filePath(u"synopse-%1.csv"_s.arg(language));
    {
        QFile old(csv);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("alt\n");
    }
    m_app->showPage(u"synopsis"_s);
    dialog = openFileDialog(u"exportSynopsisCsv"_s);
    QVERIFY(dialog);
    name = dialog->findChild<QLineEdit *>(u"fileNameEdit"_s);
    QVERIFY(name);
    name->clear();
    QTest::keyClicks(name, csv.chopped(4)); // without ".csv": the same file once the extension is added
    struct Asked
    {
        QString question;
        QStringList buttons;
    };
    // The question is a modal message box in a loop of its own: it is answered from within that loop.
    auto answer = [&](QMessageBox::StandardButton choice) {
        Asked asked;
        QTimer poll;
        int polls = 0;
        connect(&poll, &QTimer::timeout, this, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if ((!box || !box->isVisible()) && ++polls < 500)
                return;
            poll.stop();
            if (!box)
                return;
            asked.question = box->text();
            for (QAbstractButton *button : box->buttons())
                asked.buttons << button->text().remove(u'&');
            box->button(choice)->click();
        });
        poll.start(10);
        QTest::keyClick(name, Qt::Key_Return);
        poll.stop();
        return asked;
    };
    const Asked first = answer(QMessageBox::No);
    QVERIFY2(!first.question.isEmpty(), "replacing a file was not asked");
    QVERIFY2(first.question.contains(QFileInfo(csv).fileName()), qPrintable(first.question));
    QVERIFY2(german ? first.question.contains(u"existiert bereits"_s) : first.question.contains(u"replace"_s),
             qPrintable(first.question));
    QCOMPARE(first.buttons.size(), 2);
    QVERIFY2(first.buttons.contains(german ? u"Ja"_s : u"Yes"_s), qPrintable(first.buttons.join(u", "_s)));
    QVERIFY2(first.buttons.contains(german ? u"Nein"_s : u"No"_s), qPrintable(first.buttons.join(u", "_s)));
    QVERIFY(visibleTopLevel<QFileDialog>());
    {
        QFile kept(csv);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), QByteArray("alt\n"));
    }
    QVERIFY(!answer(QMessageBox::Yes).question.isEmpty());
    QTRY_VERIFY(!visibleTopLevel<QFileDialog>());
    QFile replaced(csv);
    QVERIFY(replaced.open(QIODevice::ReadOnly));
    QVERIFY(replaced.readLine().startsWith("# synced_at="));
    m_app->stop();
}

void TestDialogs::printingGoesThroughQtsPrintDialog()
{
    startClient(u"de"_s);
    if (QTest::currentTestFailed())
        return;
    m_app->clickNamed(u"planPrint"_s);
    QPrintDialog *print = nullptr;
    QTRY_VERIFY((print = visibleTopLevel<QPrintDialog>()) != nullptr);
    // Printed to a file, as the dialog's "print to file" does: the pages of the PDF export.
    const QString file = m_out.filePath(u"gedruckt.pdf"_s);
    print->printer()->setOutputFormat(QPrinter::PdfFormat);
    print->printer()->setOutputFileName(file);
    for (QLineEdit *edit : print->findChildren<QLineEdit *>()) {
        if (edit->text().endsWith(u".pdf"_s))
            edit->setText(file); // the dialog's own file field wins over the printer's when it is accepted
    }
    print->accept();
    QTRY_VERIFY(!visibleTopLevel<QPrintDialog>());
    QFile printed(file);
    QTRY_VERIFY(printed.exists() && printed.size() > 0);
    QVERIFY(printed.open(QIODevice::ReadOnly));
    QCOMPARE(printed.read(5), QByteArray("%PDF-"));
    QCOMPARE(m_app->find(u"noticeText"_s)->property("text").toString(), u"Der Plan wurde zum Drucken gegeben."_s);
    m_app->stop();
}

void TestDialogs::aLanguageSwitchReachesQtAndTheClientAtOnce()
{
    startClient(u"de"_s);
    if (QTest::currentTestFailed())
        return;
    QObject *label = m_app->find(u"syncStateLabel"_s);
    QVERIFY(label);
    const int state = m_app->session()->sync() ? int(m_app->session()->sync()->state()) : int(SyncStatus::LocalOnly);
    // Qt's own words, as the file dialog shows them: its cancel button.
    auto cancelText = [&] {
        QFileDialog *dialog = openFileDialog(u"planSavePdf"_s);
        if (dialog) // as the person sees it after each switch
            dialog->grab().save(QStringLiteral(WERKSTATTPLAN_SCREENSHOTS "/file-dialog-%1.png").arg(m_app->language()));
        QString text;
        for (QAbstractButton *button : dialog ? dialog->findChildren<QAbstractButton *>() : QList<QAbstractButton *> {}) {
            if (button->isVisibleTo(dialog) && !button->text().isEmpty()
                && button->text().remove(u'&') != dialog->labelText(QFileDialog::Accept).remove(u'&'))
                text = button->text().remove(u'&');
        }
        if (dialog)
            dialog->reject();
        return text;
    };
    const QString german = Vocabulary::syncStateLabel(state);
    QVERIFY(!german.isEmpty());
    QVERIFY2(label->property("text").toString().contains(german), qPrintable(label->property("text").toString()));
    QCOMPARE(cancelText(), u"Abbrechen"_s);

    m_app->setLanguage(u"en"_s);
    // At once: no event needs to pass for the status bar's words.
    const QString english = Vocabulary::syncStateLabel(state);
    QVERIFY(english != german);
    QVERIFY2(label->property("text").toString().contains(english), qPrintable(label->property("text").toString()));
    // Qt's words too, on the next dialog.
    QCOMPARE(cancelText(), u"Cancel"_s);
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"Cancel"_s);

    m_app->setLanguage(u"de"_s);
    QVERIFY2(label->property("text").toString().contains(german), qPrintable(label->property("text").toString()));
    QCOMPARE(cancelText(), u"Abbrechen"_s);
    m_app->stop();
}

QTEST_MAIN(TestDialogs)
#include "tst_dialogs.moc"

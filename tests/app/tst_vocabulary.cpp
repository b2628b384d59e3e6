// SPDX-License-Identifier: GPL-3.0-or-later
// The wording rules every view shares through Vocabulary (issue 12, item 13): a title in quotation marks
// keeps its own quotes single; a relative time depends only on the one clock it is given; a sync time is
// local with its zone, the same words as the PDF's stamp, while the CSV's comment line stays ISO 8601 UTC.
#include "office/exports.h"
#include "session/appsetup.h"
#include "session/vocabulary.h"

#include <QTest>

#include <ctime>

using namespace Qt::Literals::StringLiterals;

class TestVocabulary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // A German office's clock, whatever the machine's zone.
        qputenv("TZ", "Europe/Berlin");
        tzset();
        QVERIFY(AppSetup::applyLanguage(u"de"_s));
    }
    void cleanup() { QVERIFY(AppSetup::applyLanguage(u"de"_s)); }

    void quotedTitleKeepsItsQuotesSingle_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("shown");
        QTest::addRow("plain") << u"de"_s << u"Ausbildungsmesse"_s << u"„Ausbildungsmesse“"_s;
        QTest::addRow("German quotes inside") << u"de"_s << u"Aktion „Gute Arbeit vor Ort“"_s
                                              << u"„Aktion ‚Gute Arbeit vor Ort‘“"_s;
        QTest::addRow("English quotes inside") << u"de"_s << u"Aktion “Gute Arbeit”"_s << u"„Aktion ‘Gute Arbeit’“"_s;
        QTest::addRow("straight quotes inside") << u"de"_s << u"Aktion \"Vor Ort\""_s << u"„Aktion 'Vor Ort'“"_s;
        QTest::addRow("English") << u"en"_s << u"Aktion „Gute Arbeit vor Ort“"_s << u"“Aktion ‚Gute Arbeit vor Ort‘”"_s;
        QTest::addRow("English, English quotes inside") << u"en"_s << u"Campaign “Good work”"_s
                                                        << u"“Campaign ‘Good work’”"_s;
    }
    void quotedTitleKeepsItsQuotesSingle()
    {
        QFETCH(QString, language);
        QFETCH(QString, title);
        QFETCH(QString, shown);
        QVERIFY(AppSetup::applyLanguage(language));
        QCOMPARE(Vocabulary::quoted(title), shown);
    }

    void relativeTimeDependsOnlyOnTheClockGiven_data()
    {
        QTest::addColumn<int>("secondsAgo");
        QTest::addColumn<QString>("shown");
        QTest::addRow("59 s") << 59 << u"gerade eben"_s;
        QTest::addRow("60 s") << 60 << u"vor 1 Minute"_s;
        QTest::addRow("119 s") << 119 << u"vor 1 Minute"_s;
        QTest::addRow("5 min") << 300 << u"vor 5 Minuten"_s;
        QTest::addRow("1 h") << 3600 << u"vor 1 Stunde"_s;
        QTest::addRow("13 h: the time itself") << 13 * 3600 << u"02.12.2026, 02:05 Uhr CET"_s;
    }
    void relativeTimeDependsOnlyOnTheClockGiven()
    {
        QFETCH(int, secondsAgo);
        QFETCH(QString, shown);
        const QDateTime now(QDate(2026, 12, 2), QTime(14, 5), Qt::UTC);
        QCOMPARE(Vocabulary::since(now.addSecs(-secondsAgo), now), shown);
    }

    void everyViewSharesOneClock()
    {
        // Two views that read the shared clock at different moments between two ticks see the same time.
        Vocabulary vocabulary;
        const QDateTime first = vocabulary.now();
        QTest::qWait(20);
        QCOMPARE(vocabulary.now(), first);
        const QDateTime synced = first.addSecs(-59);
        QCOMPARE(Vocabulary::since(synced, vocabulary.now()), Vocabulary::since(synced, first));
    }

    void syncTimeIsLocalWithItsZone_data()
    {
        QTest::addColumn<QDateTime>("when");
        QTest::addColumn<QString>("shown");
        QTest::addRow("winter") << QDateTime(QDate(2026, 11, 25), QTime(13, 5), Qt::UTC) << u"25.11.2026, 14:05 Uhr CET"_s;
        QTest::addRow("summer") << QDateTime(QDate(2026, 6, 25), QTime(13, 5), Qt::UTC) << u"25.06.2026, 15:05 Uhr CEST"_s;
    }
    void syncTimeIsLocalWithItsZone()
    {
        QFETCH(QDateTime, when);
        QFETCH(QString, shown);
        QCOMPARE(Vocabulary::syncTime(when), shown);
        // The PDF's stamp says it in the same words, from the same function.
        QCOMPARE(ExportStamp::localTimeText(when, u"dd.MM.yyyy, HH:mm 'Uhr'"_s), shown);
        QCOMPARE(Vocabulary::syncTime(QDateTime()), u"noch nie"_s);
    }

    void csvStampStaysMachineReadable()
    {
        const ExportStamp stamp { QDateTime(QDate(2026, 11, 25), QTime(13, 5), Qt::UTC), 2 };
        QCOMPARE(stamp.csvCommentLine(), u"# synced_at=2026-11-25T13:05:00Z pending=2\r\n"_s);
    }
};

QTEST_GUILESS_MAIN(TestVocabulary)
#include "tst_vocabulary.moc"

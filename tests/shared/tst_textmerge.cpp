// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/textmerge.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestTextMerge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void merge_data();
    void merge();
    void largeTextWithDistantEdits();
};

void TestTextMerge::merge_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("ours");
    QTest::addColumn<QString>("theirs");
    QTest::addColumn<bool>("mergeable");
    QTest::addColumn<QString>("expected");

    const QString fox = u"the quick brown fox jumps over the lazy dog"_s;

    QTest::addRow("disjoint edits merged")
            << fox << u"the slow brown fox jumps over the lazy dog"_s
            << u"the quick brown fox jumps over the sleepy dog"_s << true
            << u"the slow brown fox jumps over the sleepy dog"_s;
    QTest::addRow("overlapping edits conflict")
            << fox << u"the quick red fox jumps over the lazy dog"_s
            << u"the quick green fox jumps over the lazy dog"_s << false << QString();
    QTest::addRow("overlapping ranges of different length conflict")
            << fox << u"the quick red cat jumps over the lazy dog"_s
            << u"the quick brown wolf jumps over the lazy dog"_s << false << QString();
    QTest::addRow("edits at start and end merged")
            << fox << u"A quick brown fox jumps over the lazy dog"_s
            << u"the quick brown fox jumps over the lazy dog!"_s << true
            << u"A quick brown fox jumps over the lazy dog!"_s;
    QTest::addRow("prepend and append merged")
            << fox << u"Look: the quick brown fox jumps over the lazy dog"_s
            << u"the quick brown fox jumps over the lazy dog. Done."_s << true
            << u"Look: the quick brown fox jumps over the lazy dog. Done."_s;
    QTest::addRow("both sides identical edit")
            << fox << u"the quick brown cat jumps over the lazy dog"_s
            << u"the quick brown cat jumps over the lazy dog"_s << true
            << u"the quick brown cat jumps over the lazy dog"_s;
    QTest::addRow("identical edit plus disjoint edit")
            << fox << u"the quick brown cat jumps over the lazy dog"_s
            << u"a quick brown cat jumps over the lazy dog"_s << true
            << u"a quick brown cat jumps over the lazy dog"_s;
    QTest::addRow("one side unchanged")
            << fox << fox << u"the quick brown fox sleeps"_s << true << u"the quick brown fox sleeps"_s;
    QTest::addRow("empty base, two different inserts conflict")
            << QString() << u"hello"_s << u"world"_s << false << QString();
    QTest::addRow("empty base, one insert")
            << QString() << u"hello world"_s << QString() << true << u"hello world"_s;
    QTest::addRow("deletion vs edit elsewhere")
            << fox << u"the brown fox jumps over the lazy dog"_s
            << u"the quick brown fox jumps over the lazy cat"_s << true << u"the brown fox jumps over the lazy cat"_s;
    QTest::addRow("deletion vs edit of the deleted part conflict")
            << fox << u"the fox jumps over the lazy dog"_s
            << u"the quick red fox jumps over the lazy dog"_s << false << QString();
    QTest::addRow("both delete the same word")
            << fox << u"the brown fox jumps over the lazy dog"_s << u"the brown fox jumps over the lazy dog"_s
            << true << u"the brown fox jumps over the lazy dog"_s;
    QTest::addRow("insertion inside deleted range conflicts")
            << u"one two three four"_s << u"one four"_s << u"one two and a half three four"_s << false << QString();
    QTest::addRow("insertion at boundary of edited word conflicts")
            << u"one two three"_s << u"one 2 three"_s << u"one twotwo three"_s << false << QString();
    QTest::addRow("same-position different inserts conflict")
            << u"a b"_s << u"a x b"_s << u"a y b"_s << false << QString();
    QTest::addRow("multi-line edits on different lines")
            << u"Schritt 1: Rad aufbocken\nSchritt 2: Kette ölen\nSchritt 3: Bremsen prüfen\n"_s
            << u"Schritt 1: Rad sicher aufbocken\nSchritt 2: Kette ölen\nSchritt 3: Bremsen prüfen\n"_s
            << u"Schritt 1: Rad aufbocken\nSchritt 2: Kette ölen\nSchritt 3: Bremsen und Licht prüfen\nSchritt 4: Probefahrt\n"_s
            << true
            << u"Schritt 1: Rad sicher aufbocken\nSchritt 2: Kette ölen\nSchritt 3: Bremsen und Licht prüfen\nSchritt 4: Probefahrt\n"_s;
    QTest::addRow("multi-line edits of the same line conflict")
            << u"line one\nline two\nline three"_s << u"line one\nline 2\nline three"_s
            << u"line one\nline II\nline three"_s << false << QString();
    QTest::addRow("unicode words merged")
            << u"Maßnahme für Ältere im Quartier"_s << u"Maßnahme für Ältere im Stadtteil"_s
            << u"Neue Maßnahme für Ältere im Quartier"_s << true << u"Neue Maßnahme für Ältere im Stadtteil"_s;
    QTest::addRow("unicode same word conflict")
            << u"Maßnahme für Ältere"_s << u"Maßnahme für Jüngere"_s << u"Maßnahme für Ältere!"_s << false
            << QString();
    QTest::addRow("emoji edits merged")
            << u"Reparatur 🚲 am Samstag 🔧"_s << u"Reparatur 🚲🚲 am Samstag 🔧"_s
            << u"Reparatur 🚲 am Sonntag 🔧"_s << true << u"Reparatur 🚲🚲 am Sonntag 🔧"_s;
    QTest::addRow("emoji same word conflict")
            << u"Fahrrad 🚲 Werkstatt"_s << u"Fahrrad 🛴 Werkstatt"_s << u"Fahrrad 🚗 Werkstatt"_s << false
            << QString();
    QTest::addRow("adjacent-word edits merged")
            << fox << u"the slow brown fox jumps over the lazy dog"_s
            << u"the quick red fox jumps over the lazy dog"_s << true
            << u"the slow red fox jumps over the lazy dog"_s;
    QTest::addRow("touching ranges merged")
            << u"a b c d"_s << u"a c d"_s << u"a b C d"_s << true << u"a C d"_s;
    QTest::addRow("whitespace change vs word edit merged")
            << u"alpha beta gamma"_s << u"alpha  beta gamma"_s << u"alpha beta delta"_s << true
            << u"alpha  beta delta"_s;
}

void TestTextMerge::merge()
{
    QFETCH(QString, base);
    QFETCH(QString, ours);
    QFETCH(QString, theirs);
    QFETCH(bool, mergeable);
    QFETCH(QString, expected);

    const std::optional<QString> result = TextMerge::merge3(base, ours, theirs);
    QCOMPARE(result.has_value(), mergeable);
    if (mergeable)
        QCOMPARE(*result, expected);

    // Symmetry: swapping the edits must not change the outcome.
    const std::optional<QString> swapped = TextMerge::merge3(base, theirs, ours);
    QCOMPARE(swapped.has_value(), mergeable);
    if (mergeable)
        QCOMPARE(*swapped, expected);
}

void TestTextMerge::largeTextWithDistantEdits()
{
    QString base;
    for (int i = 0; base.size() < 20000; ++i)
        base += u"Wort%1 "_s.arg(i) + ((i % 12 == 11) ? u"\n"_s : QString());
    QVERIFY(base.size() >= 20000);

    QString ours = base;
    ours.replace(u"Wort10 "_s, u"Anfang "_s);
    QString theirs = base;
    theirs.replace(u"Wort2000 "_s, u"Ende und mehr "_s);
    QVERIFY(ours != base);
    QVERIFY(theirs != base);

    QString expected = base;
    expected.replace(u"Wort10 "_s, u"Anfang "_s);
    expected.replace(u"Wort2000 "_s, u"Ende und mehr "_s);

    QElapsedTimer timer;
    timer.start();
    const std::optional<QString> result = TextMerge::merge3(base, ours, theirs);
    qInfo("merge of %lld chars took %lld ms", qint64(base.size()), timer.elapsed());
    QVERIFY(result.has_value());
    QCOMPARE(*result, expected);
    QCOMPARE(TextMerge::merge3(base, theirs, ours), result);
}

QTEST_GUILESS_MAIN(TestTextMerge)
#include "tst_textmerge.moc"

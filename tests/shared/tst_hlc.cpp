// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/hlc.h"

#include <QDateTime>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

Hlc stamp(qint64 wallMs, quint32 counter, const QString &device)
{
    return Hlc { wallMs, counter, device };
}

/** A physical clock the test moves by hand. */
struct ManualTime
{
    std::shared_ptr<qint64> now = std::make_shared<qint64>(1'700'000'000'000);
    HlcClock::TimeSource source() const
    {
        return [now = now] { return *now; };
    }
    void set(qint64 ms) { *now = ms; }
    qint64 get() const { return *now; }
};

} // namespace

class TestHlc : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ordering_data();
    void ordering();
    void textRoundTrip_data();
    void textRoundTrip();
    void textOrderMatchesStampOrder_data();
    void textOrderMatchesStampOrder();
    void malformedText_data();
    void malformedText();
    void nullStamp();
    void tickIsStrictlyIncreasing_data();
    void tickIsStrictlyIncreasing();
    void tickUsesPhysicalTime();
    void counterOverflowBorrowsMillisecond();
    void observeAdvancesPastRemote_data();
    void observeAdvancesPastRemote();
    void observeRefusesStampBeyondDrift();
    void observeAcceptsStampAtDriftBound();
    void withinDrift_data();
    void withinDrift();
    void defaultClockUsesSystemTime();
};

void TestHlc::ordering_data()
{
    QTest::addColumn<Hlc>("smaller");
    QTest::addColumn<Hlc>("greater");

    QTest::addRow("wall time decides first") << stamp(1000, 99, u"z"_s) << stamp(1001, 0, u"a"_s);
    QTest::addRow("counter decides on equal wall time") << stamp(1000, 1, u"z"_s) << stamp(1000, 2, u"a"_s);
    QTest::addRow("device decides on equal wall time and counter") << stamp(1000, 5, u"alpha"_s)
                                                                    << stamp(1000, 5, u"beta"_s);
    QTest::addRow("device comparison is case sensitive (upper before lower)") << stamp(1000, 5, u"Z"_s)
                                                                              << stamp(1000, 5, u"a"_s);
    QTest::addRow("device prefix is smaller") << stamp(1000, 5, u"dev"_s) << stamp(1000, 5, u"dev2"_s);
    QTest::addRow("null stamp is smallest") << Hlc() << stamp(1, 0, u"a"_s);
}

void TestHlc::ordering()
{
    QFETCH(Hlc, smaller);
    QFETCH(Hlc, greater);

    QVERIFY(smaller < greater);
    QVERIFY(greater > smaller);
    QVERIFY(smaller != greater);
    QVERIFY(!(greater < smaller));
    QVERIFY((smaller <=> greater) == std::strong_ordering::less);
    QVERIFY((greater <=> smaller) == std::strong_ordering::greater);
    QVERIFY((smaller <=> smaller) == std::strong_ordering::equal);
    QCOMPARE(smaller, smaller);
}

void TestHlc::textRoundTrip_data()
{
    QTest::addColumn<Hlc>("hlc");
    QTest::addColumn<QString>("text");

    QTest::addRow("typical stamp") << stamp(1'700'000'000'123, 7, u"laptop-1"_s)
                                   << u"001700000000123-00007-laptop-1"_s;
    QTest::addRow("smallest wall time") << stamp(1, 0, u"d"_s) << u"000000000000001-00000-d"_s;
    QTest::addRow("zero wall time with a device") << stamp(0, 0, u"d"_s) << u"000000000000000-00000-d"_s;
    QTest::addRow("largest counter") << stamp(42, 99999, u"d"_s) << u"000000000000042-99999-d"_s;
    QTest::addRow("largest fifteen-digit wall time") << stamp(999'999'999'999'999, 3, u"d"_s)
                                                     << u"999999999999999-00003-d"_s;
    QTest::addRow("device with dashes and colons") << stamp(5, 5, u"a-b:c-00001"_s)
                                                   << u"000000000000005-00005-a-b:c-00001"_s;
    QTest::addRow("device with non-ASCII letters") << stamp(5, 5, u"Gemeinde-Müritz"_s)
                                                   << u"000000000000005-00005-Gemeinde-Müritz"_s;
}

void TestHlc::textRoundTrip()
{
    QFETCH(Hlc, hlc);
    QFETCH(QString, text);

    QCOMPARE(hlc.toString(), text);
    const Hlc parsed = Hlc::fromString(text);
    QVERIFY(!parsed.isNull());
    QCOMPARE(parsed, hlc);
    QCOMPARE(parsed.toString(), text);
}

void TestHlc::textOrderMatchesStampOrder_data()
{
    QTest::addColumn<Hlc>("a");
    QTest::addColumn<Hlc>("b");

    QTest::addRow("wall times of different magnitude") << stamp(9, 0, u"d"_s) << stamp(10, 0, u"d"_s);
    QTest::addRow("wall times far apart") << stamp(999, 99999, u"d"_s) << stamp(1'700'000'000'000, 0, u"d"_s);
    QTest::addRow("counters of different magnitude") << stamp(5, 9, u"d"_s) << stamp(5, 10, u"d"_s);
    QTest::addRow("counter 99 vs 100") << stamp(5, 99, u"d"_s) << stamp(5, 100, u"d"_s);
    QTest::addRow("larger counter, smaller wall time") << stamp(5, 99999, u"d"_s) << stamp(6, 0, u"d"_s);
    QTest::addRow("device breaks the tie") << stamp(5, 1, u"a"_s) << stamp(5, 1, u"b"_s);
    QTest::addRow("device prefix") << stamp(5, 1, u"dev"_s) << stamp(5, 1, u"dev-2"_s);
    QTest::addRow("short device vs long device, later counter") << stamp(5, 1, u"zzzz"_s)
                                                                << stamp(5, 2, u"a"_s);
    QTest::addRow("equal stamps") << stamp(5, 1, u"a"_s) << stamp(5, 1, u"a"_s);
    QTest::addRow("reversed: greater first") << stamp(8, 0, u"a"_s) << stamp(7, 3, u"b"_s);
}

void TestHlc::textOrderMatchesStampOrder()
{
    QFETCH(Hlc, a);
    QFETCH(Hlc, b);

    const int textOrder = QString::compare(a.toString(), b.toString(), Qt::CaseSensitive);
    const auto stampOrder = a <=> b;
    QCOMPARE(textOrder < 0, stampOrder < 0);
    QCOMPARE(textOrder == 0, stampOrder == 0);
    QCOMPARE(textOrder > 0, stampOrder > 0);
    // And the order survives a round trip.
    QVERIFY((Hlc::fromString(a.toString()) <=> Hlc::fromString(b.toString())) == stampOrder);
}

void TestHlc::malformedText_data()
{
    QTest::addColumn<QString>("text");

    QTest::addRow("empty") << QString();
    QTest::addRow("no device") << u"000000000000001-00000-"_s;
    QTest::addRow("too short") << u"1-0-d"_s;
    QTest::addRow("missing first separator") << u"000000000000001_00000-d"_s;
    QTest::addRow("missing second separator") << u"000000000000001-00000_d"_s;
    QTest::addRow("wall field too short") << u"00000000000001-00000-dd"_s;
    QTest::addRow("wall field not a number") << u"00000000000000x-00000-d"_s;
    QTest::addRow("counter field not a number") << u"000000000000001-0000x-d"_s;
    QTest::addRow("negative wall time") << u"-00000000000001-00000-d"_s;
    QTest::addRow("negative counter") << u"000000000000001--0001-d"_s;
    QTest::addRow("letters only") << u"this-is-not-a-stamp-at-all"_s;
    QTest::addRow("ISO date instead of milliseconds") << u"2026-03-31T10:00-00000-d"_s;
}

void TestHlc::malformedText()
{
    QFETCH(QString, text);

    const Hlc parsed = Hlc::fromString(text);
    QVERIFY2(parsed.isNull(), qPrintable(parsed.toString()));
    QCOMPARE(parsed, Hlc());
}

void TestHlc::nullStamp()
{
    QVERIFY(Hlc().isNull());
    QVERIFY(!stamp(0, 0, u"d"_s).isNull());
    QVERIFY(!stamp(0, 1, QString()).isNull());
    QVERIFY(!stamp(1, 0, QString()).isNull());
}

void TestHlc::tickIsStrictlyIncreasing_data()
{
    QTest::addColumn<QList<qint64>>("times");

    const qint64 t = 1'700'000'000'000;
    QTest::addRow("time moves forward") << QList<qint64> { t, t + 1, t + 2, t + 100 };
    QTest::addRow("time stands still") << QList<qint64> { t, t, t, t, t, t };
    QTest::addRow("time goes backwards") << QList<qint64> { t, t - 1, t - 1000, t - 60'000, t - 1 };
    QTest::addRow("time jumps back by a day, then forward") << QList<qint64> { t, t - 86'400'000, t + 5, t + 5,
                                                                            t + 4, t + 6 };
    QTest::addRow("time jumps forward, then resumes normally") << QList<qint64> { t, t + 3'600'000, t + 1, t + 2 };
    QTest::addRow("time is zero") << QList<qint64> { 0, 0, 0 };
}

void TestHlc::tickIsStrictlyIncreasing()
{
    QFETCH(QList<qint64>, times);

    ManualTime time;
    HlcClock clock(u"dev"_s, HlcClock::defaultMaxDriftMs, time.source());
    Hlc previous;
    qint64 maxPhysical = 0;
    for (qint64 physical : times) {
        time.set(physical);
        maxPhysical = std::max(maxPhysical, physical);
        const Hlc next = clock.tick();
        QVERIFY2(previous < next, qPrintable(previous.toString() + u" !< "_s + next.toString()));
        QCOMPARE(next.device, u"dev"_s);
        QCOMPARE(clock.last(), next);
        // Never behind the physical clock, never ahead of the greatest time seen (no overflow here).
        QVERIFY(next.wallMs >= physical);
        QCOMPARE(next.wallMs, maxPhysical);
        // The text form orders the same way.
        QVERIFY(previous.isNull() || previous.toString() < next.toString());
        previous = next;
    }
}

void TestHlc::tickUsesPhysicalTime()
{
    ManualTime time;
    HlcClock clock(u"dev"_s, HlcClock::defaultMaxDriftMs, time.source());
    QCOMPARE(clock.device(), u"dev"_s);
    QCOMPARE(clock.physicalNowMs(), time.get());

    const Hlc first = clock.tick();
    QCOMPARE(first, stamp(time.get(), 0, u"dev"_s));
    const Hlc second = clock.tick();
    QCOMPARE(second, stamp(time.get(), 1, u"dev"_s));
    time.set(time.get() + 10);
    const Hlc third = clock.tick();
    QCOMPARE(third, stamp(time.get(), 0, u"dev"_s)); // the counter restarts in a new millisecond
}

void TestHlc::counterOverflowBorrowsMillisecond()
{
    ManualTime time;
    const qint64 t = time.get();
    HlcClock clock(u"dev"_s, HlcClock::defaultMaxDriftMs, time.source());

    Hlc previous = clock.tick();
    QCOMPARE(previous, stamp(t, 0, u"dev"_s));
    for (int i = 1; i <= 99999; ++i) {
        const Hlc next = clock.tick();
        if (!(previous < next))
            QFAIL(qPrintable(u"not increasing at tick %1"_s.arg(i)));
        previous = next;
    }
    QCOMPARE(previous, stamp(t, 99999, u"dev"_s));

    // The counter field has five digits: the next stamp borrows the next millisecond.
    const Hlc borrowed = clock.tick();
    QCOMPARE(borrowed, stamp(t + 1, 0, u"dev"_s));
    QVERIFY(previous < borrowed);
    QVERIFY(previous.toString() < borrowed.toString());

    // The physical clock catching up to the borrowed millisecond still gives a greater stamp.
    time.set(t + 1);
    const Hlc caughtUp = clock.tick();
    QCOMPARE(caughtUp, stamp(t + 1, 1, u"dev"_s));
    time.set(t + 2);
    QCOMPARE(clock.tick(), stamp(t + 2, 0, u"dev"_s));
}

void TestHlc::observeAdvancesPastRemote_data()
{
    QTest::addColumn<qint64>("localOffset"); // local last stamp's wall time relative to physical now
    QTest::addColumn<Hlc>("remote"); // wall time relative to physical now
    QTest::addColumn<Hlc>("expectedNext"); // wall time relative to physical now

    QTest::addRow("remote ahead by a few seconds") << qint64(0) << stamp(5000, 3, u"remote"_s)
                                                   << stamp(5000, 4, u"local"_s);
    QTest::addRow("remote in the same millisecond, larger counter") << qint64(0) << stamp(0, 41, u"remote"_s)
                                                                   << stamp(0, 42, u"local"_s);
    QTest::addRow("remote in the same millisecond, larger device only") << qint64(0) << stamp(0, 0, u"zzz"_s)
                                                                       << stamp(0, 1, u"local"_s);
    QTest::addRow("remote behind: nothing to catch up") << qint64(0) << stamp(-5000, 7, u"remote"_s)
                                                        << stamp(0, 1, u"local"_s);
    QTest::addRow("local clock already ahead of the remote") << qint64(10'000) << stamp(5000, 3, u"remote"_s)
                                                            << stamp(10'000, 1, u"local"_s);
    QTest::addRow("remote with a full counter") << qint64(0) << stamp(100, 99999, u"remote"_s)
                                                << stamp(101, 0, u"local"_s);
    QTest::addRow("remote ahead exactly by the drift bound") << qint64(0)
                                                            << stamp(HlcClock::defaultMaxDriftMs, 0, u"remote"_s)
                                                            << stamp(HlcClock::defaultMaxDriftMs, 1, u"local"_s);
}

void TestHlc::observeAdvancesPastRemote()
{
    QFETCH(qint64, localOffset);
    QFETCH(Hlc, remote);
    QFETCH(Hlc, expectedNext);

    ManualTime time;
    const qint64 t = time.get();
    HlcClock clock(u"local"_s, HlcClock::defaultMaxDriftMs, time.source());
    time.set(t + localOffset);
    const Hlc first = clock.tick();
    QCOMPARE(first, stamp(t + localOffset, 0, u"local"_s));
    time.set(t);

    remote.wallMs += t;
    expectedNext.wallMs += t;
    QVERIFY(clock.observe(remote));
    const Hlc next = clock.tick();
    QCOMPARE(next, expectedNext);
    QVERIFY(remote < next);
    QVERIFY(first < next);
    QVERIFY(remote.toString() < next.toString());
}

void TestHlc::observeRefusesStampBeyondDrift()
{
    ManualTime time;
    const qint64 t = time.get();
    HlcClock clock(u"local"_s, HlcClock::defaultMaxDriftMs, time.source());
    QCOMPARE(clock.maxDriftMs(), HlcClock::defaultMaxDriftMs);
    const Hlc first = clock.tick();

    const qint64 twoDays = 2 * 24 * 3600 * 1000LL;
    QVERIFY(!clock.observe(stamp(t + twoDays, 0, u"remote"_s)));
    QCOMPARE(clock.last(), first); // the clock did not move
    QVERIFY(!clock.observe(stamp(t + HlcClock::defaultMaxDriftMs + 1, 0, u"remote"_s)));
    QCOMPARE(clock.last(), first);

    const Hlc next = clock.tick();
    QCOMPARE(next, stamp(t, 1, u"local"_s)); // not dragged into the future

    // A custom, tighter bound.
    HlcClock strict(u"strict"_s, 10, time.source());
    QCOMPARE(strict.maxDriftMs(), 10);
    QVERIFY(!strict.observe(stamp(t + 11, 0, u"remote"_s)));
    QCOMPARE(strict.last().wallMs, 0);
    QVERIFY(strict.observe(stamp(t + 10, 0, u"remote"_s)));
    QCOMPARE(strict.tick(), stamp(t + 10, 1, u"strict"_s));
}

void TestHlc::observeAcceptsStampAtDriftBound()
{
    ManualTime time;
    const qint64 t = time.get();
    HlcClock clock(u"local"_s, HlcClock::defaultMaxDriftMs, time.source());
    QVERIFY(clock.observe(stamp(t + HlcClock::defaultMaxDriftMs, 5, u"remote"_s)));
    // Once the physical clock passes the remote stamp, physical time takes over again.
    time.set(t + HlcClock::defaultMaxDriftMs + 1);
    QCOMPARE(clock.tick(), stamp(t + HlcClock::defaultMaxDriftMs + 1, 0, u"local"_s));
}

void TestHlc::withinDrift_data()
{
    QTest::addColumn<qint64>("maxDrift");
    QTest::addColumn<qint64>("offset"); // stamp wall time relative to physical now
    QTest::addColumn<bool>("within");

    const qint64 d = HlcClock::defaultMaxDriftMs;
    QTest::addRow("now") << d << qint64(0) << true;
    QTest::addRow("in the past") << d << qint64(-86'400'000) << true;
    QTest::addRow("ahead by less than the bound") << d << d - 1 << true;
    QTest::addRow("ahead exactly by the bound") << d << d << true;
    QTest::addRow("ahead by one millisecond more than the bound") << d << d + 1 << false;
    QTest::addRow("two days ahead") << d << qint64(2 * 86'400'000) << false;
    QTest::addRow("zero bound, now") << qint64(0) << qint64(0) << true;
    QTest::addRow("zero bound, one millisecond ahead") << qint64(0) << qint64(1) << false;
}

void TestHlc::withinDrift()
{
    QFETCH(qint64, maxDrift);
    QFETCH(qint64, offset);
    QFETCH(bool, within);

    ManualTime time;
    HlcClock clock(u"local"_s, maxDrift, time.source());
    QCOMPARE(clock.withinDrift(stamp(time.get() + offset, 0, u"remote"_s)), within);
    QCOMPARE(clock.withinDrift(stamp(time.get() + offset, 99999, u"remote"_s)), within); // wall time only
}

void TestHlc::defaultClockUsesSystemTime()
{
    HlcClock clock(u"dev"_s);
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const Hlc first = clock.tick();
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(first.wallMs >= before);
    QVERIFY(first.wallMs <= after);
    QVERIFY(first < clock.tick());
}

QTEST_GUILESS_MAIN(TestHlc)
#include "tst_hlc.moc"

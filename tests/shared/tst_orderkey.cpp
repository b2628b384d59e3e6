// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/orderkey.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestOrderKey : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isValid_data();
    void isValid();
    void betweenOpenEnds();
    void betweenRandomPairs();
    void betweenInvalidInputs_data();
    void betweenInvalidInputs();
    void spread_data();
    void spread();
    void appendStaysShort();
    void prependStaysShort();
    void repeatedInsertBetweenSameNeighbours();
    void neverEndsInZero();
    void concurrentInsertsMayTie();
};

namespace {

bool less(const QString &a, const QString &b)
{
    return QString::compare(a, b, Qt::CaseSensitive) < 0;
}

QString randomKey(QRandomGenerator &rng)
{
    const int length = rng.bounded(1, 8);
    QString key;
    for (int i = 0; i < length; ++i)
        key += OrderKey::alphabet[rng.bounded(int(OrderKey::alphabet.size()))];
    // Make it valid: no trailing '0'.
    if (key.back() == u'0')
        key.back() = u'1';
    return key;
}

} // namespace

void TestOrderKey::isValid_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("valid");
    QTest::addRow("single digit") << u"1"_s << true;
    QTest::addRow("mixed case") << u"aZ9"_s << true;
    QTest::addRow("leading zeros") << u"001"_s << true;
    QTest::addRow("empty") << QString() << false;
    QTest::addRow("trailing zero") << u"a0"_s << false;
    QTest::addRow("only zero") << u"0"_s << false;
    QTest::addRow("dash") << u"a-b"_s << false;
    QTest::addRow("space") << u"a b"_s << false;
    QTest::addRow("umlaut") << u"aä"_s << false;
}

void TestOrderKey::isValid()
{
    QFETCH(QString, key);
    QFETCH(bool, valid);
    QCOMPARE(OrderKey::isValid(key), valid);
}

void TestOrderKey::betweenOpenEnds()
{
    const QString first = OrderKey::between(QString(), QString());
    QVERIFY(OrderKey::isValid(first));

    const QString after = OrderKey::between(first, QString());
    QVERIFY(OrderKey::isValid(after));
    QVERIFY(less(first, after));

    const QString before = OrderKey::between(QString(), first);
    QVERIFY(OrderKey::isValid(before));
    QVERIFY(less(before, first));

    // Extremes of the key space still have room on the open side.
    const QString low = OrderKey::between(QString(), u"0001"_s);
    QVERIFY(OrderKey::isValid(low));
    QVERIFY(less(low, u"0001"_s));
    const QString high = OrderKey::between(u"zzzz"_s, QString());
    QVERIFY(OrderKey::isValid(high));
    QVERIFY(less(u"zzzz"_s, high));
}

void TestOrderKey::betweenRandomPairs()
{
    QRandomGenerator rng(20240611);
    for (int round = 0; round < 20000; ++round) {
        QString a = randomKey(rng);
        QString b = randomKey(rng);
        if (a == b)
            continue;
        if (less(b, a))
            std::swap(a, b);
        const QString mid = OrderKey::between(a, b);
        QVERIFY2(OrderKey::isValid(mid), qPrintable(a + u" < "_s + mid + u" < "_s + b));
        QVERIFY2(less(a, mid) && less(mid, b), qPrintable(a + u" < "_s + mid + u" < "_s + b));
        QVERIFY(mid.size() <= std::max(a.size(), b.size()) + 2);
    }
    // Keys that are prefixes of each other and adjacent digits.
    const QList<std::pair<QString, QString>> edges = {
        {u"V"_s, u"V1"_s}, {u"V"_s, u"W"_s}, {u"Vz"_s, u"W"_s}, {u"Vzz"_s, u"W"_s},
        {u"1"_s, u"2"_s}, {u"y"_s, u"z"_s}, {u"zy"_s, u"zz"_s}, {u"01"_s, u"02"_s},
        {u"0001"_s, u"01"_s}, {u"V"_s, u"V001"_s},
    };
    for (const auto &[a, b] : edges) {
        const QString mid = OrderKey::between(a, b);
        QVERIFY2(OrderKey::isValid(mid), qPrintable(a + u" .. "_s + b));
        QVERIFY2(less(a, mid) && less(mid, b), qPrintable(a + u" < "_s + mid + u" < "_s + b));
    }
}

void TestOrderKey::betweenInvalidInputs_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addRow("equal") << u"V"_s << u"V"_s;
    QTest::addRow("reversed") << u"W"_s << u"V"_s;
    QTest::addRow("prefix reversed") << u"V1"_s << u"V"_s;
    QTest::addRow("a trailing zero") << u"V0"_s << u"W"_s;
    QTest::addRow("b trailing zero") << u"V"_s << u"W0"_s;
    QTest::addRow("a bad char") << u"V-"_s << QString();
    QTest::addRow("b bad char") << QString() << u"ä"_s;
    QTest::addRow("b is zero") << QString() << u"0"_s;
}

void TestOrderKey::betweenInvalidInputs()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QVERIFY(OrderKey::between(a, b).isEmpty());
}

void TestOrderKey::spread_data()
{
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("maxLength");
    QTest::addRow("none") << 0 << 0;
    QTest::addRow("negative") << -3 << 0;
    QTest::addRow("one") << 1 << 1;
    QTest::addRow("ten") << 10 << 1;
    QTest::addRow("sixty-one") << 61 << 1;
    QTest::addRow("sixty-two") << 62 << 2;
    QTest::addRow("thousand") << 1000 << 2;
    QTest::addRow("ten thousand") << 10000 << 3;
}

void TestOrderKey::spread()
{
    QFETCH(int, n);
    QFETCH(int, maxLength);
    const QStringList keys = OrderKey::spread(n);
    QCOMPARE(keys.size(), std::max(n, 0));
    for (qsizetype i = 0; i < keys.size(); ++i) {
        QVERIFY2(OrderKey::isValid(keys[i]), qPrintable(keys[i]));
        QVERIFY(keys[i].size() <= maxLength);
        if (i > 0)
            QVERIFY2(less(keys[i - 1], keys[i]), qPrintable(keys[i - 1] + u" < "_s + keys[i]));
    }
    if (n == 1)
        QCOMPARE(keys.front(), OrderKey::between(QString(), QString()));
}

void TestOrderKey::appendStaysShort()
{
    QString last = OrderKey::between(QString(), QString());
    qsizetype longest = last.size();
    for (int i = 0; i < 1000; ++i) {
        const QString next = OrderKey::between(last, QString());
        QVERIFY(OrderKey::isValid(next));
        QVERIFY(less(last, next));
        longest = std::max(longest, next.size());
        last = next;
    }
    QVERIFY2(longest <= 10, qPrintable(QString::number(longest)));

    // Also from the top of the key space and after a long key.
    for (const QString &start : {u"zzz"_s, u"VkQ39xaB2"_s}) {
        last = start;
        for (int i = 0; i < 1000; ++i) {
            const QString next = OrderKey::between(last, QString());
            QVERIFY(less(last, next));
            last = next;
        }
        QVERIFY2(last.size() <= 10, qPrintable(last));
    }
}

void TestOrderKey::prependStaysShort()
{
    QString first = OrderKey::between(QString(), QString());
    qsizetype longest = first.size();
    for (int i = 0; i < 1000; ++i) {
        const QString next = OrderKey::between(QString(), first);
        QVERIFY(OrderKey::isValid(next));
        QVERIFY(less(next, first));
        longest = std::max(longest, next.size());
        first = next;
    }
    QVERIFY2(longest <= 10, qPrintable(QString::number(longest)));

    first = u"0001"_s;
    for (int i = 0; i < 1000; ++i) {
        const QString next = OrderKey::between(QString(), first);
        QVERIFY(OrderKey::isValid(next));
        QVERIFY(less(next, first));
        first = next;
    }
    QVERIFY2(first.size() <= 10, qPrintable(first));
}

void TestOrderKey::repeatedInsertBetweenSameNeighbours()
{
    // Worst case: always inserting directly after the same key. The key
    // grows linearly (about one character per log2(62) ~ 6 insertions),
    // which is accepted; it must stay correct.
    const QString low = u"V"_s;
    QString high = u"W"_s;
    for (int i = 0; i < 1000; ++i) {
        const QString mid = OrderKey::between(low, high);
        QVERIFY(OrderKey::isValid(mid));
        QVERIFY(less(low, mid) && less(mid, high));
        high = mid;
    }
    QVERIFY(high.size() < 1000 / 4);

    // And always inserting directly before the same key.
    QString lowKey = u"V"_s;
    const QString highKey = u"W"_s;
    for (int i = 0; i < 1000; ++i) {
        const QString mid = OrderKey::between(lowKey, highKey);
        QVERIFY(OrderKey::isValid(mid));
        QVERIFY(less(lowKey, mid) && less(mid, highKey));
        lowKey = mid;
    }
    QVERIFY(lowKey.size() <= 10);
}

void TestOrderKey::neverEndsInZero()
{
    QRandomGenerator rng(7);
    QStringList keys = OrderKey::spread(20);
    for (int i = 0; i < 5000; ++i) {
        // Insert at a random gap, including both open ends.
        const qsizetype gap = rng.bounded(int(keys.size()) + 1);
        const QString a = gap > 0 ? keys[gap - 1] : QString();
        const QString b = gap < keys.size() ? keys[gap] : QString();
        const QString key = OrderKey::between(a, b);
        QVERIFY2(!key.isEmpty() && key.back() != u'0', qPrintable(a + u" .. "_s + b));
        keys.insert(gap, key);
    }
    for (qsizetype i = 1; i < keys.size(); ++i)
        QVERIFY(less(keys[i - 1], keys[i]));
    // Because no key ends in '0', there is room before each of them.
    for (const QString &key : std::as_const(keys)) {
        const QString before = OrderKey::between(QString(), key);
        QVERIFY(OrderKey::isValid(before));
        QVERIFY(less(before, key));
    }
}

void TestOrderKey::concurrentInsertsMayTie()
{
    // Two replicas insert between the same neighbours without seeing each
    // other. between() is deterministic, so both get the same key: positions
    // alone cannot order the two items, and callers break the tie by entity
    // id. The tie does not block later inserts around either of them.
    const QStringList list = OrderKey::spread(3);
    const QString replicaA = OrderKey::between(list[0], list[1]);
    const QString replicaB = OrderKey::between(list[0], list[1]);
    QCOMPARE(replicaA, replicaB);

    struct Item
    {
        QString key;
        QString id;
    };
    QList<Item> merged = {{list[0], u"e1"_s}, {replicaB, u"e9"_s}, {replicaA, u"e4"_s}, {list[1], u"e2"_s}};
    std::sort(merged.begin(), merged.end(), [](const Item &x, const Item &y) {
        const int c = QString::compare(x.key, y.key, Qt::CaseSensitive);
        return c != 0 ? c < 0 : QString::compare(x.id, y.id, Qt::CaseSensitive) < 0;
    });
    QCOMPARE(merged[1].id, u"e4"_s);
    QCOMPARE(merged[2].id, u"e9"_s);

    // Moving an item between the tied pair is impossible by key alone, but
    // inserting after the pair works.
    QVERIFY(OrderKey::between(replicaA, replicaB).isEmpty());
    const QString afterPair = OrderKey::between(replicaA, list[1]);
    QVERIFY(less(replicaA, afterPair) && less(afterPair, list[1]));
}

QTEST_GUILESS_MAIN(TestOrderKey)
#include "tst_orderkey.moc"

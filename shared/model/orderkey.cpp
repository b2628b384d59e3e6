// SPDX-License-Identifier: GPL-3.0-or-later
#include "orderkey.h"

#include <algorithm>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int base = 62;
constexpr int maxDigit = base - 1;
constexpr int middleDigit = base / 2; // 'V'

int digitValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'A' && u <= u'Z')
        return u - u'A' + 10;
    if (u >= u'a' && u <= u'z')
        return u - u'a' + 36;
    return -1;
}

QChar digitChar(int value)
{
    return OrderKey::alphabet[value];
}

/** Digits of @p key, padded with zeros or truncated to @p length. */
std::vector<int> digits(const QString &key, qsizetype length)
{
    std::vector<int> out(length, 0);
    for (qsizetype i = 0; i < length && i < key.size(); ++i)
        out[i] = digitValue(key[i]);
    return out;
}

/** Formats digits without trailing zeros, so the key stays canonical. */
QString toKey(const std::vector<int> &d)
{
    qsizetype length = qsizetype(d.size());
    while (length > 0 && d[length - 1] == 0)
        --length;
    QString out;
    out.reserve(length);
    for (qsizetype i = 0; i < length; ++i)
        out += digitChar(d[i]);
    return out;
}

qsizetype leadingRun(const QString &key, QChar c)
{
    qsizetype n = 0;
    while (n < key.size() && key[n] == c)
        ++n;
    return n;
}

/*
 * Steps after/before a key are taken at the second digit behind the run of
 * leading 'z' (or '0'): each level then offers about 62 * 62 keys before the
 * keys get one character longer, so appending or prepending grows keys
 * logarithmically instead of by one character per 61 insertions.
 */

/** A key greater than the valid key @p a (less than 1.0). */
QString after(const QString &a)
{
    const qsizetype p = leadingRun(a, u'z') + 2;
    // Truncating to p digits and adding one unit at digit p gives a value
    // above a. The carry stops at the first non-'z' digit, which is within
    // the first p digits, so the result stays below 1.0.
    std::vector<int> d = digits(a, p);
    for (qsizetype i = p - 1; i >= 0; --i) {
        if (d[i] < maxDigit) {
            ++d[i];
            break;
        }
        d[i] = 0;
    }
    return toKey(d);
}

/** A key less than the valid key @p b (greater than 0). */
QString before(const QString &b)
{
    const qsizetype p = leadingRun(b, u'0') + 2;
    std::vector<int> d = digits(b, p);
    // If b has more than p digits, the truncation is already below b (b's
    // tail is not zero). Otherwise subtract one unit at digit p; b's first
    // non-zero digit lies before digit p, so the result stays above zero.
    if (b.size() <= p) {
        for (qsizetype i = p - 1; i >= 0; --i) {
            if (d[i] > 0) {
                --d[i];
                break;
            }
            d[i] = maxDigit;
        }
    }
    return toKey(d);
}

} // namespace

bool OrderKey::isValid(const QString &key)
{
    if (key.isEmpty() || key.back() == u'0')
        return false;
    return std::all_of(key.cbegin(), key.cend(), [](QChar c) { return digitValue(c) >= 0; });
}

QString OrderKey::between(const QString &a, const QString &b)
{
    if ((!a.isEmpty() && !isValid(a)) || (!b.isEmpty() && !isValid(b)))
        return {};
    if (a.isEmpty() && b.isEmpty())
        return QString(digitChar(middleDigit));
    if (a.isEmpty())
        return before(b);
    if (b.isEmpty())
        return after(a);
    // Without trailing zeros, string order equals numeric order.
    if (QString::compare(a, b, Qt::CaseSensitive) >= 0)
        return {};

    // First digit where they differ; a is padded with zeros (it may be a
    // prefix of b, and b may continue with zeros). Such a digit exists
    // within b because a < b and b does not end in '0'.
    const auto digitOfA = [&a](qsizetype i) { return i < a.size() ? digitValue(a[i]) : 0; };
    qsizetype i = 0;
    while (digitOfA(i) == digitValue(b[i]))
        ++i;
    const int da = digitOfA(i);
    const int db = digitValue(b[i]);
    const QString prefix = b.left(i);

    if (db - da >= 2)
        return prefix + digitChar((da + db) / 2);
    // Adjacent digits. If b continues after digit i, its truncation is
    // between a and b and ends in db >= 1.
    if (b.size() > i + 1)
        return b.left(i + 1);
    // Otherwise extend a: anything above a's remaining digits fits below b.
    const QString tail = a.mid(i + 1);
    return prefix + digitChar(da) + (tail.isEmpty() ? QString(digitChar(middleDigit)) : after(tail));
}

QStringList OrderKey::spread(int n)
{
    QStringList out;
    if (n <= 0)
        return out;
    // The shortest length whose key space has room for n distinct non-zero values.
    qsizetype length = 1;
    qint64 space = base;
    while (space < qint64(n) + 1) {
        space *= base;
        ++length;
    }
    const qint64 gaps = qint64(n) + 1;
    const qint64 whole = space / gaps;
    const qint64 rest = space % gaps;
    out.reserve(n);
    for (qint64 k = 1; k <= n; ++k) {
        // floor(k * space / gaps) without overflow; strictly increasing in k
        // because space >= gaps, and at least 1.
        qint64 value = k * whole + (k * rest) / gaps;
        std::vector<int> d(length, 0);
        for (qsizetype pos = length - 1; pos >= 0; --pos) {
            d[pos] = int(value % base);
            value /= base;
        }
        out.append(toKey(d));
    }
    return out;
}

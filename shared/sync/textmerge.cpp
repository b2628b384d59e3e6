// SPDX-License-Identifier: GPL-3.0-or-later
#include "textmerge.h"

#include <QHash>
#include <QList>
#include <QStringView>

#include <algorithm>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace {

struct Tokens
{
    QList<QStringView> text;
    std::vector<int> ids; // interned, so token comparison is an int comparison
};

bool isSpaceAt(QStringView s, qsizetype i, qsizetype *width)
{
    const QChar c = s[i];
    if (c.isHighSurrogate() && i + 1 < s.size() && s[i + 1].isLowSurrogate()) {
        *width = 2;
        return QChar::isSpace(QChar::surrogateToUcs4(c, s[i + 1]));
    }
    *width = 1;
    return c.isSpace();
}

Tokens tokenize(QStringView s, QHash<QStringView, int> &dictionary)
{
    Tokens out;
    qsizetype i = 0;
    while (i < s.size()) {
        const qsizetype start = i;
        qsizetype width = 0;
        const bool space = isSpaceAt(s, i, &width);
        i += width;
        while (i < s.size() && isSpaceAt(s, i, &width) == space)
            i += width;
        const QStringView token = s.sliced(start, i - start);
        const auto it = dictionary.constFind(token);
        const int id = it != dictionary.constEnd() ? *it : int(dictionary.size());
        if (it == dictionary.constEnd())
            dictionary.insert(token, id);
        out.text.append(token);
        out.ids.push_back(id);
    }
    return out;
}

/**
 * Linear-space Myers diff (divide and conquer on the middle snake). Marks
 * every base token that is not kept as deleted and every other token that
 * is not kept as inserted.
 */
class Differ
{
public:
    Differ(const std::vector<int> &a, const std::vector<int> &b)
        : m_a(a), m_b(b), m_deleted(a.size(), false), m_inserted(b.size(), false)
    {
    }

    void run() { compare(0, qsizetype(m_a.size()), 0, qsizetype(m_b.size())); }

    const std::vector<bool> &deleted() const { return m_deleted; }
    const std::vector<bool> &inserted() const { return m_inserted; }

private:
    struct Snake
    {
        qsizetype x0, y0, x1, y1; // relative to the sub-problem
    };

    void compare(qsizetype a0, qsizetype a1, qsizetype b0, qsizetype b1)
    {
        while (a0 < a1 && b0 < b1 && m_a[a0] == m_b[b0]) {
            ++a0;
            ++b0;
        }
        while (a0 < a1 && b0 < b1 && m_a[a1 - 1] == m_b[b1 - 1]) {
            --a1;
            --b1;
        }
        if (a0 == a1 || b0 == b1) {
            std::fill(m_deleted.begin() + a0, m_deleted.begin() + a1, true);
            std::fill(m_inserted.begin() + b0, m_inserted.begin() + b1, true);
            return;
        }
        const Snake s = middleSnake(a0, a1, b0, b1);
        // After trimming, the edit distance is at least 2, so both halves are
        // strictly smaller; the guard only protects against a logic error.
        if ((s.x1 == 0 && s.y1 == 0) || (s.x0 == a1 - a0 && s.y0 == b1 - b0)) {
            std::fill(m_deleted.begin() + a0, m_deleted.begin() + a1, true);
            std::fill(m_inserted.begin() + b0, m_inserted.begin() + b1, true);
            return;
        }
        compare(a0, a0 + s.x0, b0, b0 + s.y0);
        compare(a0 + s.x1, a1, b0 + s.y1, b1);
    }

    Snake middleSnake(qsizetype a0, qsizetype a1, qsizetype b0, qsizetype b1)
    {
        const qsizetype n = a1 - a0;
        const qsizetype m = b1 - b0;
        const qsizetype delta = n - m;
        const bool odd = (delta & 1) != 0;
        const qsizetype maxD = (n + m + 1) / 2;
        const qsizetype offset = maxD + 1;
        // forward[k]: furthest x on diagonal k = x - y from the top left;
        // backward[k]: furthest x on diagonal k measured from the bottom right.
        std::vector<qsizetype> forward(2 * maxD + 3, 0);
        std::vector<qsizetype> backward(2 * maxD + 3, 0);
        const auto aAt = [&](qsizetype x) { return m_a[a0 + x]; };
        const auto bAt = [&](qsizetype y) { return m_b[b0 + y]; };

        for (qsizetype d = 0; d <= maxD; ++d) {
            for (qsizetype k = -d; k <= d; k += 2) {
                qsizetype x = (k == -d || (k != d && forward[offset + k - 1] < forward[offset + k + 1]))
                        ? forward[offset + k + 1]
                        : forward[offset + k - 1] + 1;
                qsizetype y = x - k;
                const qsizetype x0 = x;
                const qsizetype y0 = y;
                while (x < n && y < m && aAt(x) == bAt(y)) {
                    ++x;
                    ++y;
                }
                forward[offset + k] = x;
                const qsizetype kr = delta - k;
                if (odd && kr >= -(d - 1) && kr <= d - 1 && x + backward[offset + kr] >= n)
                    return {x0, y0, x, y};
            }
            for (qsizetype k = -d; k <= d; k += 2) {
                qsizetype x = (k == -d || (k != d && backward[offset + k - 1] < backward[offset + k + 1]))
                        ? backward[offset + k + 1]
                        : backward[offset + k - 1] + 1;
                qsizetype y = x - k;
                const qsizetype x0 = x;
                const qsizetype y0 = y;
                while (x < n && y < m && aAt(n - 1 - x) == bAt(m - 1 - y)) {
                    ++x;
                    ++y;
                }
                backward[offset + k] = x;
                const qsizetype kf = delta - k;
                if (!odd && kf >= -d && kf <= d && x + forward[offset + kf] >= n)
                    return {n - x, m - y, n - x0, m - y0};
            }
        }
        return {0, 0, 0, 0}; // unreachable: the paths always meet by maxD
    }

    const std::vector<int> &m_a;
    const std::vector<int> &m_b;
    std::vector<bool> m_deleted;
    std::vector<bool> m_inserted;
};

/** Base tokens [start, end) are replaced by the edit's tokens [repStart, repEnd). */
struct Hunk
{
    qsizetype start;
    qsizetype end;
    qsizetype repStart;
    qsizetype repEnd;
    const Tokens *side;
};

std::vector<Hunk> hunks(const Tokens &base, const Tokens &edit)
{
    Differ differ(base.ids, edit.ids);
    differ.run();
    const auto &deleted = differ.deleted();
    const auto &inserted = differ.inserted();
    const qsizetype n = qsizetype(base.ids.size());
    const qsizetype m = qsizetype(edit.ids.size());

    std::vector<Hunk> out;
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && !deleted[i] && !inserted[j]) {
            ++i;
            ++j;
            continue;
        }
        // Kept tokens pair up one to one, so after a run of deletions and a
        // run of insertions both sides are at a kept token (or the end) again.
        Hunk h{i, i, j, j, &edit};
        while ((i < n && deleted[i]) || (j < m && inserted[j])) {
            while (i < n && deleted[i])
                ++i;
            while (j < m && inserted[j])
                ++j;
        }
        h.end = i;
        h.repEnd = j;
        out.push_back(h);
    }
    return out;
}

bool sameHunk(const Hunk &a, const Hunk &b)
{
    if (a.start != b.start || a.end != b.end || a.repEnd - a.repStart != b.repEnd - b.repStart)
        return false;
    return std::equal(a.side->ids.begin() + a.repStart, a.side->ids.begin() + a.repEnd,
                      b.side->ids.begin() + b.repStart);
}

bool conflicts(const Hunk &a, const Hunk &b)
{
    const bool aInsert = a.start == a.end;
    const bool bInsert = b.start == b.end;
    if (aInsert && bInsert)
        return a.start == b.start; // identical insertions were filtered out before
    if (aInsert)
        return b.start <= a.start && a.start <= b.end;
    if (bInsert)
        return a.start <= b.start && b.start <= a.end;
    return a.start < b.end && b.start < a.end;
}

} // namespace

std::optional<QString> TextMerge::merge3(const QString &base, const QString &ours, const QString &theirs)
{
    if (ours == theirs || theirs == base)
        return ours;
    if (ours == base)
        return theirs;

    QHash<QStringView, int> dictionary;
    const Tokens baseTokens = tokenize(base, dictionary);
    const Tokens ourTokens = tokenize(ours, dictionary);
    const Tokens theirTokens = tokenize(theirs, dictionary);

    const std::vector<Hunk> a = hunks(baseTokens, ourTokens);
    const std::vector<Hunk> b = hunks(baseTokens, theirTokens);

    // Each side's hunks are sorted and separated by at least one kept token.
    // Whenever the two current hunks do not conflict, one lies entirely
    // before the other and cannot conflict with anything later on the other
    // side, so comparing only the two heads finds every conflict. Ties in
    // start position always conflict or are identical, so the order, and
    // thus the result, does not depend on which side is "ours".
    std::vector<const Hunk *> applied;
    applied.reserve(a.size() + b.size());
    size_t i = 0;
    size_t j = 0;
    while (i < a.size() || j < b.size()) {
        if (j == b.size()) {
            applied.push_back(&a[i++]);
        } else if (i == a.size()) {
            applied.push_back(&b[j++]);
        } else if (sameHunk(a[i], b[j])) {
            applied.push_back(&a[i++]);
            ++j;
        } else if (conflicts(a[i], b[j])) {
            return std::nullopt;
        } else if (a[i].start < b[j].start) {
            applied.push_back(&a[i++]);
        } else {
            applied.push_back(&b[j++]);
        }
    }

    QString result;
    result.reserve(std::max({base.size(), ours.size(), theirs.size()}) + 16);
    qsizetype pos = 0;
    for (const Hunk *h : applied) {
        for (; pos < h->start; ++pos)
            result += baseTokens.text[pos];
        for (qsizetype r = h->repStart; r < h->repEnd; ++r)
            result += h->side->text[r];
        pos = h->end;
    }
    for (; pos < baseTokens.text.size(); ++pos)
        result += baseTokens.text[pos];
    return result;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

/**
 * Fractional indexing for list positions. A key is a base-62 fraction
 * 0.d1d2d3... written with the alphabet "0-9A-Za-z", which is in ASCII
 * order, so comparing keys as plain strings (QString::compare, case
 * sensitive) orders them by value. Keys never end in '0', which makes the
 * representation unique and leaves room before every key.
 *
 * Replicas that reorder concurrently converge because a position is just a
 * value. between() is deterministic: two replicas inserting between the same
 * neighbours get the same key, so callers must break ties on equal keys
 * (e.g. by entity id).
 *
 * Key length: appending at the end or prepending at the start grows keys
 * only logarithmically (1,000 appends after the middle key stay at 2
 * characters). Inserting again and again between the same two neighbours
 * grows the key linearly, about one character per five to six insertions;
 * that is acceptable for hand-made reorders, and spread() can renumber a list.
 */
class OrderKey
{
public:
    /** The alphabet "0-9A-Za-z" (base 62, in ASCII order). */
    static constexpr QStringView alphabet = u"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /**
     * A valid key strictly between @p a and @p b. An empty @p a means "before
     * everything", an empty @p b means "after everything". The result never
     * ends in '0'. Returns an empty string if a >= b or a non-empty argument
     * is not a valid key. Deterministic: equal inputs give equal keys.
     */
    [[nodiscard]] static QString between(const QString &a, const QString &b);

    /**
     * @p n valid keys in strictly ascending order, spread evenly over the key
     * space and as short as possible (for filling a new list). Empty for n <= 0.
     */
    [[nodiscard]] static QStringList spread(int n);

    /** True if @p key is non-empty, uses only alphabet characters and does not end in '0'. */
    [[nodiscard]] static bool isValid(const QString &key);
};

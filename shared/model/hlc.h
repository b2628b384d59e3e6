// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <compare>
#include <functional>

/**
 * A hybrid logical clock stamp: physical milliseconds, a counter for events
 * within one millisecond, and the device id as the final tie-break. Stamps
 * are totally ordered by (wallMs, counter, device).
 *
 * The text form "WWWWWWWWWWWWWWW-CCCCC-device" uses fixed-width decimal
 * fields, so comparing two texts gives the same order as comparing stamps;
 * SQL can ORDER BY it.
 */
struct Hlc
{
    qint64 wallMs = 0;
    quint32 counter = 0;
    QString device;

    [[nodiscard]] bool isNull() const { return wallMs == 0 && counter == 0 && device.isEmpty(); }
    [[nodiscard]] QString toString() const;
    /** Parses the text form; returns a null stamp for malformed input. */
    [[nodiscard]] static Hlc fromString(const QString &text);

    friend bool operator==(const Hlc &, const Hlc &) = default;
    friend std::strong_ordering operator<=>(const Hlc &a, const Hlc &b)
    {
        if (auto c = a.wallMs <=> b.wallMs; c != 0)
            return c;
        if (auto c = a.counter <=> b.counter; c != 0)
            return c;
        const int d = QString::compare(a.device, b.device, Qt::CaseSensitive);
        return d < 0 ? std::strong_ordering::less
                     : (d > 0 ? std::strong_ordering::greater : std::strong_ordering::equal);
    }
};
Q_DECLARE_TYPEINFO(Hlc, Q_RELOCATABLE_TYPE);

/**
 * Issues stamps for one device. Every stamp is greater than every stamp
 * issued or observed before, as long as observed stamps respect the drift
 * bound: a remote stamp more than maxDriftMs ahead of this machine's clock
 * is refused (observe() returns false) so a laptop with a wrong clock cannot
 * drag every other replica into its future.
 */
class HlcClock
{
public:
    using TimeSource = std::function<qint64()>;

    /** One minute: generous for laptops without NTP, small against a clock set days ahead. */
    static constexpr qint64 defaultMaxDriftMs = 60 * 1000;

    explicit HlcClock(QString device, qint64 maxDriftMs = defaultMaxDriftMs, TimeSource now = {});

    [[nodiscard]] const QString &device() const { return m_device; }
    [[nodiscard]] qint64 maxDriftMs() const { return m_maxDriftMs; }
    [[nodiscard]] const Hlc &last() const { return m_last; }

    /** A new stamp, strictly greater than any before. */
    Hlc tick();
    /** Advances past a received stamp. False (and no change) if it is beyond the drift bound. */
    bool observe(const Hlc &remote);
    /** True if the stamp is not more than maxDriftMs ahead of the physical clock now. */
    [[nodiscard]] bool withinDrift(const Hlc &stamp) const;
    [[nodiscard]] qint64 physicalNowMs() const;

private:
    QString m_device;
    qint64 m_maxDriftMs;
    TimeSource m_now;
    Hlc m_last;
};

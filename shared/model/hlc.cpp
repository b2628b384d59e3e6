// SPDX-License-Identifier: GPL-3.0-or-later
#include "hlc.h"

#include <QDateTime>

#include <algorithm>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace {
constexpr int wallDigits = 15;
constexpr int counterDigits = 5;
constexpr quint32 counterMax = 99999;
} // namespace

namespace {
constexpr qint64 wallMax = 999'999'999'999'999;

/** Writes value as exactly `digits` decimal digits, zero-padded; value must fit. */
void writeDigits(char16_t *out, quint64 value, int digits)
{
    for (int i = digits - 1; i >= 0; --i) {
        out[i] = char16_t(u'0' + value % 10);
        value /= 10;
    }
}
} // namespace

QString Hlc::toString() const
{
    // Stamps go into every log row and merge state, so this avoids QString::arg's
    // generic formatting. Out-of-range stamps (never issued by HlcClock) keep arg()'s spelling.
    if (wallMs < 0 || wallMs > wallMax || counter > counterMax) {
        return u"%1-%2-%3"_s.arg(wallMs, wallDigits, 10, QLatin1Char('0'))
                .arg(counter, counterDigits, 10, QLatin1Char('0'))
                .arg(device);
    }
    constexpr int prefix = wallDigits + 1 + counterDigits + 1;
    QString text(prefix + device.size(), Qt::Uninitialized);
    auto *out = reinterpret_cast<char16_t *>(text.data());
    writeDigits(out, quint64(wallMs), wallDigits);
    out[wallDigits] = u'-';
    writeDigits(out + wallDigits + 1, counter, counterDigits);
    out[prefix - 1] = u'-';
    std::copy_n(reinterpret_cast<const char16_t *>(device.constData()), device.size(), out + prefix);
    return text;
}

Hlc Hlc::fromString(const QString &text)
{
    constexpr int prefix = wallDigits + 1 + counterDigits + 1;
    if (text.size() < prefix + 1 || text[wallDigits] != u'-' || text[prefix - 1] != u'-')
        return {};
    // Digits only: a sign or spaces would break "text order is stamp order".
    const char16_t *in = reinterpret_cast<const char16_t *>(text.constData());
    qint64 wall = 0;
    for (int i = 0; i < wallDigits; ++i) {
        if (in[i] < u'0' || in[i] > u'9')
            return {};
        wall = wall * 10 + (in[i] - u'0');
    }
    quint32 count = 0;
    for (int i = wallDigits + 1; i < prefix - 1; ++i) {
        if (in[i] < u'0' || in[i] > u'9')
            return {};
        count = count * 10 + quint32(in[i] - u'0');
    }
    Hlc stamp;
    stamp.wallMs = wall;
    stamp.counter = count;
    stamp.device = text.mid(prefix);
    return stamp;
}

HlcClock::HlcClock(QString device, qint64 maxDriftMs, TimeSource now)
    : m_device(std::move(device)), m_maxDriftMs(maxDriftMs), m_now(std::move(now))
{
    if (!m_now)
        m_now = [] { return QDateTime::currentMSecsSinceEpoch(); };
    m_last.device = m_device;
}

qint64 HlcClock::physicalNowMs() const
{
    return m_now();
}

Hlc HlcClock::tick()
{
    const qint64 physical = m_now();
    if (physical > m_last.wallMs) {
        m_last.wallMs = physical;
        m_last.counter = 0;
    } else if (m_last.counter >= counterMax) {
        // The counter field is fixed-width; borrow the next millisecond instead of overflowing.
        ++m_last.wallMs;
        m_last.counter = 0;
    } else {
        ++m_last.counter;
    }
    m_last.device = m_device;
    return m_last;
}

bool HlcClock::withinDrift(const Hlc &stamp) const
{
    return stamp.wallMs <= m_now() + m_maxDriftMs;
}

bool HlcClock::observe(const Hlc &remote)
{
    if (!withinDrift(remote))
        return false;
    if (remote.wallMs > m_last.wallMs) {
        m_last.wallMs = remote.wallMs;
        m_last.counter = remote.counter;
    } else if (remote.wallMs == m_last.wallMs && remote.counter > m_last.counter) {
        m_last.counter = remote.counter;
    }
    // The next tick() adds one, so the next local stamp exceeds the remote one.
    return true;
}

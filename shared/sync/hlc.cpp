// SPDX-License-Identifier: GPL-3.0-or-later
#include "hlc.h"

#include <QDateTime>

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace {
constexpr int wallDigits = 15;
constexpr int counterDigits = 5;
constexpr quint32 counterMax = 99999;
} // namespace

QString Hlc::toString() const
{
    return u"%1-%2-%3"_s.arg(wallMs, wallDigits, 10, QLatin1Char('0'))
            .arg(counter, counterDigits, 10, QLatin1Char('0'))
            .arg(device);
}

Hlc Hlc::fromString(const QString &text)
{
    if (text.size() < wallDigits + counterDigits + 3 || text[wallDigits] != u'-'
        || text[wallDigits + 1 + counterDigits] != u'-')
        return {};
    // Digits only: toLongLong() would also take a sign or spaces, breaking "text order is stamp order".
    for (int i = 0; i < wallDigits + 1 + counterDigits; ++i) {
        if (i != wallDigits && (text[i] < u'0' || text[i] > u'9'))
            return {};
    }
    bool okWall = false;
    bool okCounter = false;
    Hlc stamp;
    stamp.wallMs = QStringView(text).left(wallDigits).toLongLong(&okWall);
    stamp.counter = QStringView(text).mid(wallDigits + 1, counterDigits).toUInt(&okCounter);
    stamp.device = text.mid(wallDigits + counterDigits + 2);
    if (!okWall || !okCounter || stamp.wallMs < 0 || stamp.device.isEmpty())
        return {};
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

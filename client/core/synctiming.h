// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "synchttp.h"

#include <QtGlobal>

#include <functional>

/** The sync client's timeouts, delays and clock; the defaults are the apps', tests shorten them. */
struct SyncTiming
{
    static constexpr int defaultDebounceMs = 300;
    static constexpr int defaultFirstRetryMs = 1000;
    static constexpr int defaultMaxRetryMs = 5 * 60 * 1000;
    static constexpr int defaultBootstrapPageSize = 1000;

    int requestTimeoutMs = SyncHttp::requestTimeoutMs; ///< a request unanswered for this long: server_unreachable
    int debounceMs = defaultDebounceMs; ///< a burst of edits within this goes out in one push
    int firstRetryMs = defaultFirstRetryMs; ///< the first retry after a failed sync, doubled after each further failure
    int maxRetryMs = defaultMaxRetryMs; ///< retries never wait longer than this
    int firstSocketRetryMs = defaultFirstRetryMs; ///< the first reconnect of the live socket, doubled up to maxRetryMs
    /** Entities per bootstrap page asked for: fewer, larger transactions (each commit rewrites the index pages it touched). */
    int bootstrapPageSize = defaultBootstrapPageSize;
    /** Milliseconds since the epoch for the times the client records (last complete sync, rejections); empty: the wall clock. */
    std::function<qint64()> wallClock;
};

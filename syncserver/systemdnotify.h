// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/**
 * Tells systemd how the service is doing (sd_notify(3), Type=notify): one datagram to the socket named by
 * $NOTIFY_SOCKET, a path or, starting with '@', an abstract address. Written here rather than linked from
 * libsystemd, so that the server needs nothing more. Without $NOTIFY_SOCKET (not started by systemd) each
 * call does nothing and returns false.
 */
namespace SystemdNotify {

/** READY=1: the service serves; systemd starts what waits for it. Also ends a reload. */
bool ready(const QString &status = {});
/** RELOADING=1 with MONOTONIC_USEC (as Type=notify-reload wants); ready() ends the reload. */
bool reloading();
/** STOPPING=1: the service is shutting down. */
bool stopping();
/** STATUS=…: one line for `systemctl status`. */
bool status(const QString &text);
/** Sends the given newline-separated assignments as they are. */
bool send(const QByteArray &message);

} // namespace SystemdNotify

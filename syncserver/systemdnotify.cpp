// SPDX-License-Identifier: GPL-3.0-or-later
#include "systemdnotify.h"

#include <QtGlobal>

#include <cerrno>
#include <cstddef>
#include <cstring>
#include <ctime>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace SystemdNotify {

namespace {

QByteArray statusLine(const QString &text)
{
    // One line: systemd reads a newline as the start of the next assignment.
    return QByteArray("STATUS=" + text.simplified().toUtf8());
}

} // namespace

bool send(const QByteArray &message)
{
    const QByteArray path = qgetenv("NOTIFY_SOCKET");
    if (path.isEmpty())
        return false;
    sockaddr_un address = {};
    address.sun_family = AF_UNIX;
    if (path.size() > qsizetype(sizeof(address.sun_path)) || (path[0] != '/' && path[0] != '@'))
        return false;
    std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
    if (path[0] == '@')
        address.sun_path[0] = '\0'; // abstract namespace: the name is the bytes after a leading NUL
    const auto length = socklen_t(offsetof(sockaddr_un, sun_path) + size_t(path.size()));

    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    ssize_t sent;
    do
        sent = ::sendto(fd, message.constData(), size_t(message.size()), MSG_NOSIGNAL,
                        reinterpret_cast<const sockaddr *>(&address), length);
    while (sent < 0 && errno == EINTR);
    ::close(fd);
    return sent == message.size();
}

bool ready(const QString &status)
{
    return send(status.isEmpty() ? QByteArray("READY=1") : QByteArray("READY=1\n" + statusLine(status)));
}

bool reloading()
{
    timespec now = {};
    ::clock_gettime(CLOCK_MONOTONIC, &now);
    const quint64 usec = quint64(now.tv_sec) * 1'000'000 + quint64(now.tv_nsec) / 1'000;
    return send(QByteArray("RELOADING=1\nMONOTONIC_USEC=" + QByteArray::number(usec)));
}

bool stopping()
{
    return send("STOPPING=1");
}

bool status(const QString &text)
{
    return send(statusLine(text));
}

} // namespace SystemdNotify

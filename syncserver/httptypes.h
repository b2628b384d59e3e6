// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QString>
#include <QUrlQuery>

#include <functional>

/** A request as the sync service sees it, independent of the HTTP library. */
struct HttpRequest
{
    QByteArray method; ///< "GET", "POST", …
    QString path;
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; ///< names in lower case
    QByteArray body;
    QHostAddress remote;

    [[nodiscard]] QByteArray header(const QByteArray &lowerCaseName) const { return headers.value(lowerCaseName); }
};

struct HttpResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QByteArray contentEncoding; ///< "gzip" if body is compressed; empty: as it is

    static HttpResponse json(int status, const QJsonObject &object);
    /** The protocol's error form: {"error": code, "message": message}. */
    static HttpResponse error(int status, const QString &code, const QString &message, QJsonObject extra = {});
};

/** Sends the answer to one request; may be called later (a password check on a worker thread), once. */
using HttpReply = std::function<void(const HttpResponse &)>;

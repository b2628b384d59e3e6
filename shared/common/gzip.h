// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QByteArray>

#include <memory>
#include <optional>

/**
 * The gzip format (RFC 1952) of HTTP's Content-Encoding: gzip, over zlib. Decompressing is
 * always bounded: a small hostile body that unpacks to gigabytes stops at the bound, with an
 * error, before it costs more memory than the bound.
 */
namespace Gzip {

QByteArray compress(const QByteArray &data);

/**
 * Unpacks a gzip stream that arrives in pieces (a reply read as it comes). Once failed, every
 * further feed() fails: error() tells why ("too_large" past maxBytes, "malformed" otherwise).
 */
class Inflater
{
public:
    explicit Inflater(qint64 maxBytes);
    ~Inflater();
    Q_DISABLE_COPY_MOVE(Inflater)

    /** Unpacks the next piece, appending to output; false on error (output is then left as it was). */
    bool feed(const QByteArray &piece, QByteArray &output);
    /** True once the whole stream was read. */
    [[nodiscard]] bool isFinished() const { return m_finished; }
    [[nodiscard]] const std::optional<Error> &error() const { return m_error; }

private:
    struct Stream;
    std::unique_ptr<Stream> m_stream;
    qint64 m_maxBytes = 0;
    qint64 m_produced = 0;
    bool m_finished = false;
    std::optional<Error> m_error;
};

/** A whole gzip body unpacked, at most maxBytes of it; errors as Inflater's, and "malformed" if it ends early. */
Result<QByteArray> decompress(const QByteArray &data, qint64 maxBytes);

} // namespace Gzip

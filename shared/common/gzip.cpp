// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/gzip.h"

#include <zlib.h>

using namespace Qt::Literals::StringLiterals;

namespace Gzip {

namespace {
/** zlib's window bits for the gzip wrapper instead of zlib's own (15 + 16). */
constexpr int gzipWindowBits = 15 + 16;
constexpr qsizetype chunkBytes = 64 * 1024;
} // namespace

QByteArray compress(const QByteArray &data)
{
    z_stream stream {};
    if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, gzipWindowBits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(qsizetype(deflateBound(&stream, uLong(data.size()))), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    const int result = deflate(&stream, Z_FINISH);
    out.truncate(qsizetype(stream.total_out));
    deflateEnd(&stream);
    return result == Z_STREAM_END ? out : QByteArray();
}

struct Inflater::Stream
{
    z_stream z {};
    bool open = false;
};

Inflater::Inflater(qint64 maxBytes) : m_stream(std::make_unique<Stream>()), m_maxBytes(maxBytes)
{
    m_stream->open = inflateInit2(&m_stream->z, gzipWindowBits) == Z_OK;
    if (!m_stream->open)
        m_error = Error { u"malformed"_s, u"cannot start unpacking gzip"_s };
}

Inflater::~Inflater()
{
    if (m_stream->open)
        inflateEnd(&m_stream->z);
}

bool Inflater::feed(const QByteArray &piece, QByteArray &output)
{
    if (m_error)
        return false;
    if (m_finished) {
        if (piece.isEmpty())
            return true;
        m_error = Error { u"malformed"_s, u"bytes after the end of the gzip stream"_s };
        return false;
    }
    z_stream &z = m_stream->z;
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(piece.constData()));
    z.avail_in = uInt(piece.size());
    const qsizetype before = output.size();
    QByteArray chunk(chunkBytes, Qt::Uninitialized);
    while (z.avail_in > 0 && !m_finished) {
        z.next_out = reinterpret_cast<Bytef *>(chunk.data());
        z.avail_out = uInt(chunk.size());
        const int result = inflate(&z, Z_NO_FLUSH);
        if (result != Z_OK && result != Z_STREAM_END) {
            m_error = Error { u"malformed"_s, u"the gzip body is corrupt"_s };
            output.truncate(before);
            return false;
        }
        const qsizetype produced = chunk.size() - qsizetype(z.avail_out);
        m_produced += produced;
        // Checked per chunk: memory never grows more than a chunk past the bound.
        if (m_produced > m_maxBytes) {
            m_error = Error { u"too_large"_s, u"the gzip body unpacks to more than %1 bytes"_s.arg(m_maxBytes) };
            output.truncate(before);
            return false;
        }
        output.append(chunk.constData(), produced);
        m_finished = result == Z_STREAM_END;
    }
    if (m_finished && z.avail_in > 0) {
        m_error = Error { u"malformed"_s, u"bytes after the end of the gzip stream"_s };
        output.truncate(before);
        return false;
    }
    return true;
}

Result<QByteArray> decompress(const QByteArray &data, qint64 maxBytes)
{
    Inflater inflater(maxBytes);
    QByteArray out;
    if (!inflater.feed(data, out))
        return *inflater.error();
    if (!inflater.isFinished())
        return Error { u"malformed"_s, u"the gzip body ends early"_s };
    return out;
}

} // namespace Gzip

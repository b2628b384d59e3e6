// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonreader.h"

#include <QByteArray>

#include <cstring>
#include <limits>

using namespace Qt::Literals::StringLiterals;

void JsonReader::skipSpace()
{
    while (m_at < m_end && (*m_at == ' ' || *m_at == '\n' || *m_at == '\r' || *m_at == '\t'))
        ++m_at;
}

bool JsonReader::fail(const char *why)
{
    if (!m_failed) {
        m_failed = true;
        m_error = u"%1 at byte %2"_s.arg(QLatin1StringView(why)).arg(m_at - m_begin);
    }
    m_at = m_end;
    return false;
}

bool JsonReader::expect(char c)
{
    skipSpace();
    if (m_at >= m_end || *m_at != c)
        return fail("unexpected character");
    ++m_at;
    return true;
}

JsonReader::Type JsonReader::peek()
{
    skipSpace();
    if (m_failed || m_at >= m_end)
        return Type::Invalid;
    switch (*m_at) {
    case 'n':
        return Type::Null;
    case 't':
    case 'f':
        return Type::Bool;
    case '"':
        return Type::String;
    case '[':
        return Type::Array;
    case '{':
        return Type::Object;
    default:
        return (*m_at == '-' || (*m_at >= '0' && *m_at <= '9')) ? Type::Number : Type::Invalid;
    }
}

bool JsonReader::beginObject()
{
    if (!expect('{'))
        return false;
    m_first = true;
    return true;
}

bool JsonReader::nextMember(char close, const char *unterminated)
{
    skipSpace();
    if (m_failed || m_at >= m_end)
        return fail(unterminated);
    if (*m_at == close) {
        ++m_at;
        m_first = false;
        return false;
    }
    if (!m_first && !expect(','))
        return false;
    m_first = false;
    return true;
}

bool JsonReader::nextKey(QByteArrayView &key)
{
    if (!nextMember('}', "unterminated object"))
        return false;
    skipSpace();
    bool escaped = false;
    if (!readRawString(key, escaped))
        return false;
    if (escaped)
        return fail("escaped key");
    return expect(':');
}

bool JsonReader::beginArray()
{
    if (!expect('['))
        return false;
    m_first = true;
    return true;
}

bool JsonReader::hasNext()
{
    return nextMember(']', "unterminated array");
}

bool JsonReader::readRawString(QByteArrayView &raw, bool &escaped)
{
    if (m_at >= m_end || *m_at != '"')
        return fail("string expected");
    const char *start = ++m_at;
    escaped = false;
    for (;;) {
        // Most strings have no escapes: find the closing quote in big steps.
        const void *quote = std::memchr(m_at, '"', size_t(m_end - m_at));
        if (!quote)
            return fail("unterminated string");
        const char *end = static_cast<const char *>(quote);
        // A quote preceded by an odd number of backslashes is escaped.
        const char *back = end;
        while (back > start && back[-1] == '\\')
            --back;
        if (std::memchr(m_at, '\\', size_t(end - m_at)))
            escaped = true;
        m_at = end + 1;
        if ((end - back) % 2 == 0) {
            raw = QByteArrayView(start, end - start);
            return true;
        }
    }
}

bool JsonReader::unescape(QByteArrayView raw, QString &out)
{
    QByteArray utf8;
    utf8.reserve(raw.size());
    const char *at = raw.data();
    const char *end = at + raw.size();
    auto hex4 = [&](const char *from, char32_t &code) {
        if (end - from < 4)
            return false;
        code = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = from[i];
            code <<= 4;
            if (c >= '0' && c <= '9')
                code |= char32_t(c - '0');
            else if (c >= 'a' && c <= 'f')
                code |= char32_t(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                code |= char32_t(c - 'A' + 10);
            else
                return false;
        }
        return true;
    };
    while (at < end) {
        const char c = *at++;
        if (c != '\\') {
            if (uchar(c) < 0x20)
                return fail("control character in a string");
            utf8.append(c);
            continue;
        }
        if (at >= end)
            return fail("bad escape");
        const char e = *at++;
        switch (e) {
        case '"': utf8.append('"'); break;
        case '\\': utf8.append('\\'); break;
        case '/': utf8.append('/'); break;
        case 'b': utf8.append('\b'); break;
        case 'f': utf8.append('\f'); break;
        case 'n': utf8.append('\n'); break;
        case 'r': utf8.append('\r'); break;
        case 't': utf8.append('\t'); break;
        case 'u': {
            char32_t code = 0;
            if (!hex4(at, code))
                return fail("bad \\u escape");
            at += 4;
            if (QChar::isHighSurrogate(code) && end - at >= 6 && at[0] == '\\' && at[1] == 'u') {
                char32_t low = 0;
                if (hex4(at + 2, low) && QChar::isLowSurrogate(low)) {
                    code = QChar::surrogateToUcs4(char16_t(code), char16_t(low));
                    at += 6;
                }
            }
            if (QChar::isSurrogate(code))
                code = 0xfffd; // a lone surrogate
            const char32_t one[] = { code };
            utf8.append(QString::fromUcs4(one, 1).toUtf8());
            break;
        }
        default:
            return fail("bad escape");
        }
    }
    out = QString::fromUtf8(utf8);
    return true;
}

bool JsonReader::readString(QString &out)
{
    skipSpace();
    QByteArrayView raw;
    bool escaped = false;
    if (!readRawString(raw, escaped))
        return false;
    if (escaped)
        return unescape(raw, out);
    for (char c : raw) {
        if (uchar(c) < 0x20)
            return fail("control character in a string");
    }
    out = QString::fromUtf8(raw);
    return true;
}

bool JsonReader::readStringOrNull(QString &out)
{
    if (peek() == Type::Null) {
        out = QString();
        return skip();
    }
    return readString(out);
}

bool JsonReader::readInteger(qint64 &out)
{
    skipSpace();
    const char *start = m_at;
    if (m_at < m_end && *m_at == '-')
        ++m_at;
    qint64 value = 0;
    const char *digits = m_at;
    while (m_at < m_end && *m_at >= '0' && *m_at <= '9') {
        if (value > (std::numeric_limits<qint64>::max() - 9) / 10)
            return fail("number out of range");
        value = value * 10 + (*m_at++ - '0');
    }
    if (m_at == digits || (m_at < m_end && (*m_at == '.' || *m_at == 'e' || *m_at == 'E')))
        return fail("integer expected");
    out = *start == '-' ? -value : value;
    return true;
}

bool JsonReader::readBool(bool &out)
{
    skipSpace();
    if (m_end - m_at >= 4 && std::memcmp(m_at, "true", 4) == 0) {
        m_at += 4;
        out = true;
        return true;
    }
    if (m_end - m_at >= 5 && std::memcmp(m_at, "false", 5) == 0) {
        m_at += 5;
        out = false;
        return true;
    }
    return fail("true or false expected");
}

bool JsonReader::skip(QByteArrayView *raw)
{
    const Type type = peek(); // after the white space
    const char *start = m_at;
    const bool skipped = skipValue(type);
    if (skipped && raw)
        *raw = QByteArrayView(start, m_at - start);
    return skipped;
}

bool JsonReader::skipValue(Type type)
{
    switch (type) {
    case Type::Null:
        if (m_end - m_at >= 4 && std::memcmp(m_at, "null", 4) == 0) {
            m_at += 4;
            return true;
        }
        return fail("null expected");
    case Type::Bool: {
        bool ignored = false;
        return readBool(ignored);
    }
    case Type::Number: {
        // Any number: sign, digits, fraction, exponent.
        const char *start = m_at;
        while (m_at < m_end && std::strchr("+-0123456789.eE", *m_at) && *m_at != '\0')
            ++m_at;
        return m_at > start || fail("number expected");
    }
    case Type::String: {
        QByteArrayView raw;
        bool escaped = false;
        return readRawString(raw, escaped);
    }
    case Type::Array:
        if (!beginArray())
            return false;
        while (hasNext()) {
            if (!skip())
                return false;
        }
        return !m_failed;
    case Type::Object: {
        if (!beginObject())
            return false;
        QByteArrayView key;
        while (nextKey(key)) {
            if (!skip())
                return false;
        }
        return !m_failed;
    }
    case Type::Invalid:
        break;
    }
    return fail("value expected");
}

bool JsonReader::atEnd()
{
    skipSpace();
    return !m_failed && m_at == m_end;
}

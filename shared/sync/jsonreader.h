// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>

/**
 * A pull reader over JSON text (UTF-8), for the one document too large to
 * go through QJsonDocument cheaply: a bootstrap page, hundreds of thousands
 * of strings read straight into the structures that keep them.
 *
 * The caller walks the document: enter an object, take key after key, read
 * or skip each value. Any error (bad syntax, an unexpected type) sticks:
 * every later call returns false or an empty value, and failed() is true.
 */
class JsonReader
{
public:
    enum class Type { Null, Bool, Number, String, Array, Object, Invalid };

    explicit JsonReader(QByteArrayView text)
        : m_begin(text.data()), m_at(text.data()), m_end(text.data() + text.size())
    {
    }

    /** The type of the value at the reading position. */
    [[nodiscard]] Type peek();
    /** Enters an object: then nextKey() until it returns false. */
    bool beginObject();
    /** The next key of the object (its value follows), or false at its end. Keys are plain ASCII here. */
    bool nextKey(QByteArrayView &key);
    /** Enters an array: then hasNext() before each element. */
    bool beginArray();
    /** True if another element follows; false at the array's end. */
    bool hasNext();

    /** Reads a string (false, and fails, for anything else). */
    bool readString(QString &out);
    /** Reads a string, or null as a null QString. */
    bool readStringOrNull(QString &out);
    bool readInteger(qint64 &out);
    bool readBool(bool &out);
    /** Skips one value of any type; raw, if given, gets its text (to be read later by another reader). */
    bool skip(QByteArrayView *raw = nullptr);
    /** True when the whole text has been read and nothing but white space follows. */
    bool atEnd();

    [[nodiscard]] bool failed() const { return m_failed; }
    /** Where reading failed, for messages: the byte offset is enough to find it. */
    [[nodiscard]] QString errorString() const { return m_error; }

private:
    void skipSpace();
    bool fail(const char *why);
    bool expect(char c);
    /** Past the comma before the next member of an object or array, or past its end (false). */
    bool nextMember(char close, const char *unterminated);
    bool readRawString(QByteArrayView &raw, bool &escaped);
    bool skipValue(Type type);
    bool unescape(QByteArrayView raw, QString &out);

    const char *m_begin;
    const char *m_at;
    const char *m_end;
    bool m_failed = false;
    bool m_first = false; ///< just after '{' or '[': no comma before the first member
    QString m_error;
};

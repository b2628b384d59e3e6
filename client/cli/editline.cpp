// SPDX-License-Identifier: GPL-3.0-or-later
#include "editline.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace {

/** Skipped in pieces of this size, so an endless line costs no more memory than a long one. */
constexpr qint64 skipChunk = 64 * 1024;

const QHash<QString, EditLine::Op> &ops()
{
    static const QHash<QString, EditLine::Op> names { { u"set"_s, EditLine::Op::Set },
                                                      { u"add"_s, EditLine::Op::Add },
                                                      { u"delete"_s, EditLine::Op::Delete },
                                                      { u"restore"_s, EditLine::Op::Restore } };
    return names;
}

/** The members an op takes, and which of them it needs. */
struct Members
{
    QStringList allowed;
    QStringList required;
};

Members membersOf(EditLine::Op op)
{
    switch (op) {
    case EditLine::Op::Set:
        return { { u"op"_s, u"id"_s, u"values"_s }, { u"id"_s, u"values"_s } };
    case EditLine::Op::Add:
        return { { u"op"_s, u"type"_s, u"parent"_s, u"values"_s }, { u"type"_s } };
    case EditLine::Op::Delete:
    case EditLine::Op::Restore:
        return { { u"op"_s, u"id"_s }, { u"id"_s } };
    }
    return {};
}

Result<QString> text(const QJsonObject &object, const QString &member)
{
    const QJsonValue value = object.value(member);
    if (value.isUndefined())
        return QString();
    if (!value.isString())
        return Error { u"bad_request"_s, u"\"%1\" must be a string"_s.arg(member) };
    return value.toString();
}

} // namespace

std::optional<EditLine::Read> EditLine::read(QIODevice &input)
{
    // Room for the longest line, its "\r\n" and one byte more: a longer line shows as one without its end.
    Read line;
    constexpr qint64 room = maxBytes + 3;
    line.text = input.readLine(room);
    if (line.text.isEmpty())
        return std::nullopt;
    // A pipe gives what its writer has sent so far, which may end inside a line: read on to its end.
    while (!line.text.endsWith('\n') && line.text.size() < room - 1) {
        const QByteArray more = input.readLine(room - line.text.size());
        if (more.isEmpty())
            break; // the end of the input: a last line without its line end
        line.text += more;
    }
    const bool ended = line.text.endsWith('\n');
    if (ended)
        line.text.chop(1);
    if (line.text.endsWith('\r'))
        line.text.chop(1);
    if (line.text.size() > maxBytes) {
        line.tooLong = true;
        line.text.clear();
        for (bool more = !ended; more;) {
            const QByteArray piece = input.readLine(skipChunk);
            more = !piece.isEmpty() && !piece.endsWith('\n');
        }
    }
    return line;
}

Result<EditLine> EditLine::parse(const Read &line)
{
    if (line.tooLong)
        return Error { u"line_too_long"_s, u"the line is longer than %1 bytes"_s.arg(maxBytes) };
    if (line.text.trimmed().isEmpty())
        return Error { u"empty_line"_s, u"the line is empty; give one edit per line"_s };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line.text, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error { u"malformed_json"_s,
                       u"not JSON: %1 at byte %2"_s.arg(parseError.errorString()).arg(parseError.offset) };
    if (!document.isObject())
        return Error { u"malformed_json"_s, u"an edit is a JSON object"_s };
    const QJsonObject object = document.object();
    if (!object.contains(u"op"_s))
        return Error { u"missing_member"_s, u"the edit has no \"op\""_s };
    const auto op = ops().constFind(object.value(u"op"_s).toString());
    if (op == ops().cend())
        return Error { u"unknown_op"_s, u"\"op\" is set, add, delete or restore"_s };

    EditLine edit;
    edit.op = op.value();
    const Members members = membersOf(edit.op);
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!members.allowed.contains(it.key()))
            return Error { u"unknown_member"_s, u"%1 takes no \"%2\""_s.arg(op.key(), it.key()) };
    }
    for (const QString &member : members.required) {
        if (!object.contains(member))
            return Error { u"missing_member"_s, u"%1 needs \"%2\""_s.arg(op.key(), member) };
    }
    for (auto [member, target] : { std::pair { u"id"_s, &edit.id }, std::pair { u"type"_s, &edit.type },
                                   std::pair { u"parent"_s, &edit.parent } }) {
        const auto value = text(object, member);
        if (!value)
            return value.error();
        *target = value.value();
    }
    const QJsonValue values = object.value(u"values"_s);
    if (!values.isUndefined() && !values.isObject())
        return Error { u"bad_request"_s, u"\"values\" must be an object of FIELD: VALUE"_s };
    const QJsonObject fields = values.toObject();
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        if (!it.value().isString() && !it.value().isNull())
            return Error { u"invalid_value"_s, u"the value of %1 must be a string or null"_s.arg(it.key()) };
        edit.values.append({ it.key(), it.value().isNull() ? u""_s : it.value().toString() });
    }
    return edit;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "mergeengine.h"

#include "sync/textmerge.h"

#include <QCryptographicHash>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace {

bool allValuesEqual(const QList<FieldVersion> &heads)
{
    for (const FieldVersion &head : heads) {
        if (head.value != heads.first().value)
            return false;
    }
    return true;
}

} // namespace

bool MergeEngine::needsCommonBase(const FieldSpec *field, const QList<FieldVersion> &heads)
{
    return field && field->isMergeableText() && heads.size() > 1 && heads.size() <= maxMergedHeads
            && !allValuesEqual(heads);
}

void MergeEngine::resolve(const FieldSpec *field, FieldState &state, const QString &commonBase, bool baseFound)
{
    state.merged = false;
    if (state.heads.isEmpty()) {
        state.value = QString();
        return;
    }
    if (!needsCommonBase(field, state.heads) || !baseFound) {
        state.value = winner(state.heads).value;
        return;
    }
    // Fold the heads in HLC order into one text; any overlap means a conflict instead.
    std::optional<QString> merged = state.heads.first().value;
    for (qsizetype i = 1; merged && i < state.heads.size(); ++i)
        merged = TextMerge::merge3(commonBase, *merged, state.heads[i].value);
    if (merged) {
        state.value = merged->isEmpty() ? QString() : *merged;
        state.merged = true;
    } else {
        state.value = winner(state.heads).value;
    }
}

QString MergeEngine::conflictId(const QString &entityId, Conflict::Kind kind, const QString &field,
                                const QString &otherChangeId)
{
    const QByteArray key = (entityId + u'\n' + Conflict::kindName(kind) + u'\n' + field + u'\n' + otherChangeId).toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex().left(16));
}

QList<Conflict> MergeEngine::conflicts(const EntityRecord &record)
{
    QList<Conflict> result;
    auto add = [&](Conflict::Kind kind, const QString &field, const FieldVersion &kept,
                   const FieldVersion &other) {
        result.append({ conflictId(record.id, kind, field, other.changeId), kind, record.spec->name, record.id, field,
                        kept, other });
    };
    auto concurrent = [&](const QString &field, const FieldState &state, bool keepsBoth) {
        if (!keepsBoth || state.merged || state.heads.size() < 2)
            return;
        const FieldVersion &kept = winner(state.heads);
        for (const FieldVersion &head : state.heads) {
            if (head.changeId != kept.changeId && head.value != kept.value)
                add(Conflict::Kind::ConcurrentEdit, field, kept, head);
        }
    };

    concurrent(Change::stateField, record.lifecycle, true);
    // A deleted entity's concurrent field writes wait until it is restored; the
    // writes its delete had not seen are edit-vs-delete conflicts below.
    for (qsizetype i = 0; i < record.fields.size() && !record.isDeleted(); ++i) {
        const FieldSpec &spec = record.spec->fields[i];
        concurrent(spec.name, record.fields[i], spec.conflictPolicy() == ConflictPolicy::KeepBoth);
    }

    if (record.isDeleted()) {
        QSet<QString> seen;
        const FieldVersion *deletion = nullptr;
        for (const FieldVersion &head : record.lifecycle.heads) {
            if (head.value != Change::deleted)
                continue;
            for (const QString &id : head.seen)
                seen.insert(id);
            deletion = &head; // heads ascend by HLC: the last deleting head is the newest
        }
        for (qsizetype i = 0; i < record.fields.size(); ++i) {
            for (const FieldVersion &head : record.fields[i].heads) {
                if (!seen.contains(head.changeId))
                    add(Conflict::Kind::EditVsDelete, record.spec->fields[i].name, *deletion, head);
            }
        }
    }
    return result;
}

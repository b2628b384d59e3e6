// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "model/change.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

/**
 * The messages of push and pull (docs/protocol.md) as types, written and read
 * here for client and server alike: a member is named in one place. Reading
 * checks the shape; an Error's code is the protocol's ("malformed_json",
 * "bad_request", "payload_too_large") or "malformed" with what is wrong.
 */
namespace Protocol {

/** Which log the server keeps: in login, push and pull answers ("Restore"). */
struct StoreIdentity
{
    QString epoch; ///< empty from a server that keeps none
    QString restoredFrom; ///< the epoch the restored backup was taken in; empty if never restored
    qint64 restoredAt = 0; ///< the backup's last sequence number

    void addTo(QJsonObject &answer) const;
    [[nodiscard]] static StoreIdentity of(const QJsonObject &answer);
    friend bool operator==(const StoreIdentity &, const StoreIdentity &) = default;
};

/** A change in a push, with the server's seal when it goes back to a restored server. */
struct PushItem
{
    Change change;
    QString seal;
    friend bool operator==(const PushItem &, const PushItem &) = default;
};

/** A change the server did not take, and why (its error code). */
struct Rejection
{
    QString id;
    QString error;
    QString message;
    friend bool operator==(const Rejection &, const Rejection &) = default;
};

/** POST /v1/push: {"changes": [CHANGE (+ "seal"), …]}. */
struct PushRequest
{
    QList<PushItem> items;

    [[nodiscard]] QByteArray toBody() const;
    /** The items that parse, in order; the ones that do not, as rejections (their id, if any). */
    struct Parsed
    {
        QList<PushItem> items;
        QList<Rejection> malformed;
    };
    /** Errors: "malformed_json", "bad_request" (no changes array), "payload_too_large" (too many). */
    [[nodiscard]] static Result<Parsed> fromBody(const QByteArray &body, int maxChanges);
};

/** The answer to a push. */
struct PushAnswer
{
    QStringList accepted;
    QList<Rejection> rejected;
    qint64 cursor = 0;
    StoreIdentity identity;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static Result<PushAnswer> fromJson(const QJsonObject &json);
    friend bool operator==(const PushAnswer &, const PushAnswer &) = default;
};

/** A change of a pull page, where it stands in the log, and the server's seal on it (if any). */
struct PulledChange
{
    qint64 seq = 0;
    Change change;
    QString seal;
    friend bool operator==(const PulledChange &, const PulledChange &) = default;
};

/** How a pull page lists its changes: as objects, or as rows (form=table, PullTable). */
enum class PullForm { Objects, Table };

/** The answer to GET /v1/pull. */
struct PullPage
{
    QList<PulledChange> changes;
    qint64 next = 0;
    bool more = false;
    QString nextTag; ///< what stands at next (cursorTag()); empty if the server gave none
    StoreIdentity identity;

    [[nodiscard]] QJsonObject toJson(PullForm form = PullForm::Objects) const;
    /**
     * Either form (told by its members). A next_tag longer than maxCursorTagLength is dropped (nothing to
     * check), not an error.
     */
    [[nodiscard]] static Result<PullPage> fromJson(const QJsonObject &json);
    friend bool operator==(const PullPage &, const PullPage &) = default;
};

/** GET /v1/history?entities=ID,…: at most this many ids in one request. */
constexpr int maxHistoryEntities = 100;

/** The answer to GET /v1/history: whole histories of readable entities. */
struct HistoryAnswer
{
    QList<QPair<QString, QList<Change>>> histories; ///< entity id → its changes, in log order
    bool more = false; ///< ended at the bound: ask again for the entities not here

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static Result<HistoryAnswer> fromJson(const QJsonObject &json);
    friend bool operator==(const HistoryAnswer &, const HistoryAnswer &) = default;
};

} // namespace Protocol

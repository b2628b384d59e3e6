// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "sync/snapshot.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>

#include <optional>

/** The wire form of the sync protocol (docs/protocol.md), shared by server and client. */
namespace Protocol {

constexpr int version = 1;
/** Request header carrying the protocol version. */
inline constexpr char versionHeader[] = "Werkstattplan-Protocol";

/** Largest request body the server reads, in bytes. */
constexpr qint64 maxBodyBytes = 8 * 1024 * 1024;
constexpr int maxPushChanges = 2000;
constexpr int maxPullLimit = 1000;
constexpr int defaultPullLimit = 500;
constexpr int maxBootstrapLimit = 1000;
constexpr int defaultBootstrapLimit = 200;
/**
 * Changes in the histories of one bootstrap page, at most: a page ends early
 * (with more: true) rather than hold thousands of long histories in memory.
 */
constexpr int maxBootstrapChanges = 20000;

/**
 * What a pull cursor points at: a short digest of the id of the change at that sequence number. A
 * client sends it back with the cursor (at=TAG); when the server's log holds another change there,
 * its log is not the one the client read (restored from a copy and written on since), whatever the
 * epoch says. A digest, so that it tells nothing of a change the account may not read.
 */
QString cursorTag(const QString &changeId);
/** Longest `at` a pull takes; cursorTag() is far shorter. */
constexpr int maxCursorTagLength = 64;

QJsonArray toJson(const QList<Change> &changes);
QJsonObject toJson(const SnapshotEntity &entity);
/**
 * The format of the merge state ("meta") in a bootstrap page: the stream
 * format every client reads, unless the client asks for the compact one
 * (meta=2), which stores keep and which is several times cheaper to write
 * and to read. RecordMeta::decode() reads either.
 */
enum class MetaFormat { Stream = 1, Compact = 2 };
/**
 * Whether a bootstrap page carries each entity's history (what every client
 * reads) or leaves it out (history=none: a compact first sync). Without it an
 * entity's heads come in its meta alone, and the replica asks for the
 * history of an entity when it needs it (GET /v1/history).
 */
enum class HistoryForm { Full, Omitted };

/**
 * Writes the body of a bootstrap page as compact JSON text while the store
 * reads the page (a SnapshotWriter for ReplicaStore::snapshotPage), straight
 * into one buffer, with no history built: {"cursor", "more", "next",
 * "entities"}, the same document as built from QJsonObjects. Its bounds come
 * first, so a client can ask for the next page before this one has arrived.
 */
class BootstrapPageWriter final : public SnapshotWriter
{
public:
    /** limit: the page's entities, at most (to reserve room). */
    BootstrapPageWriter(qint64 cursor, int limit, MetaFormat metaFormat = MetaFormat::Stream,
                        HistoryForm history = HistoryForm::Full);
    void bounds(const SnapshotPage &page) override;
    void change(const StoredChangeText &change) override;
    void change(const Change &change);
    void entity(const SnapshotEntity &entity) override;
    /** The body, once all entities are written. */
    [[nodiscard]] QByteArray finish();

private:
    void openEntity();
    void beginChange();

    QByteArray m_out;
    MetaFormat m_metaFormat;
    HistoryForm m_history;
    qsizetype m_entities = 0; ///< written completely
    bool m_entityOpen = false; ///< its history is being written
};
/** The body of a page held with its histories, as BootstrapPageWriter writes it. */
QByteArray bootstrapPageJson(qint64 cursor, const SnapshotPage &page, MetaFormat metaFormat = MetaFormat::Stream,
                             HistoryForm history = HistoryForm::Full);
Result<SnapshotEntity> snapshotEntityFromJson(const QJsonObject &object);

/** Where a bootstrap page ends: the members of a page beside its entities. */
struct BootstrapPageBounds
{
    std::optional<qint64> cursor; ///< on the first page
    qint64 next = 0;
    bool more = false;

    friend bool operator==(const BootstrapPageBounds &, const BootstrapPageBounds &) = default;
};
/** A bootstrap page's bounds, with its entities left as text to be read next. */
struct BootstrapPageHead : BootstrapPageBounds
{
    QByteArrayView entities; ///< the JSON array, inside the page's text
};
/**
 * Reads a bootstrap page's text without building a QJsonDocument: first its
 * head (where it ends: enough to ask for the next page), then its entities.
 * Error code: "malformed_snapshot".
 */
Result<BootstrapPageHead> readBootstrapHead(QByteArrayView json);
/**
 * The bounds of a page from the start of its text, while the rest is still on
 * its way: when next and more come before the entities (as this server writes
 * them). Nothing if they do not, or not yet; readBootstrapHead() reads the
 * whole page in any case.
 */
std::optional<BootstrapPageBounds> readBootstrapBounds(QByteArrayView start);
Result<QList<SnapshotEntity>> readSnapshotEntities(QByteArrayView entitiesArray);

} // namespace Protocol

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "sync/mergeengine.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>

class LocalReplica;
class QPagedPaintDevice;
class ReplicaStore;
class ReplicaView;

/** Which sync state an export reflects: every export is stamped with it. */
struct ExportStamp
{
    QDateTime lastCompleteSync; ///< invalid: never synced completely
    int pending = 0; ///< local changes the server has not confirmed (the export already contains them)

    /** The replica's sync state now. */
    [[nodiscard]] static ExportStamp of(LocalReplica &replica);
    /** ISO 8601 UTC to the second (the form `status --json` shows), or empty. */
    [[nodiscard]] QString syncedAt() const;
    /** The first line of a CSV export: "# synced_at=TIME|never pending=N" (machine-readable, ISO 8601 UTC). */
    [[nodiscard]] QString csvCommentLine() const;
    /**
     * A sync time as people read it, in local time with its zone: format is a QDateTime format for the
     * local time ("dd.MM.yyyy, HH:mm 'Uhr'" → "25.11.2026, 14:05 Uhr CET"). The one form the PDF's stamp,
     * the status bar and the sync page share, so the same moment reads the same everywhere.
     */
    [[nodiscard]] static QString localTimeText(const QDateTime &when, const QString &format);
};

/**
 * Exports made locally from the replica, offline too: measures across all
 * plans (CSV, JSON), the synopsis (CSV) and one plan as a printable PDF.
 */
namespace Exports {

/** A live measure with where it stands in its plan. */
struct MeasureRow
{
    QString municipality;
    QString planId;
    QString fieldOfAction; ///< title
    QString goal; ///< title
    EntityRecord record;
};
/** Every live measure that belongs to a plan, sorted by municipality, title and id. */
QList<MeasureRow> measureRows(ReplicaStore &store, ReplicaView &view);
/** The measure fields exported after the plan columns, in column order. */
const QStringList &measureFields();
/** RFC 4180, UTF-8, CRLF: the stamp comment line, a header, one row per measure. */
QString measuresCsv(const QList<MeasureRow> &rows, const ExportStamp &stamp);
QJsonObject measuresJson(const QList<MeasureRow> &rows, const ExportStamp &stamp);

/** A number column of an entity table in its canonical text form; empty for NULL. */
QString numberText(const QVariant &column);
/** The synopsis columns, in order (also the import's header). */
const QStringList &synopsisColumns();
/** The stamp comment line, then municipality;key;value;unit;year, sorted by municipality, key and year. */
QString synopsisCsv(ReplicaStore &store, const ExportStamp &stamp);

/**
 * One plan as a PDF (A4, German, the plan's language): title, municipality,
 * vision, fields of action → goals → measures with their details and
 * milestones; each page's footer names the sync state. Needs a
 * QGuiApplication (fonts). Written atomically.
 */
Status planPdf(ReplicaStore &store, const QString &planId, const ExportStamp &stamp, const QString &file);

/**
 * The plan as planPdf() lays it out, on any paged device: the QPdfWriter of planPdf() or the QPrinter of
 * a print dialog (its paper size kept, the margins set). Headings stay on the page of what follows them;
 * a measure is kept whole on one page where it fits on one, else continued on the next page under its
 * title with "(Fortsetzung)".
 */
Status renderPlan(ReplicaStore &store, const QString &planId, const ExportStamp &stamp, QPagedPaintDevice &device);

/** Writes a file atomically: a failed export leaves an earlier file as it was. */
Status writeFile(const QString &file, const QByteArray &data);

} // namespace Exports

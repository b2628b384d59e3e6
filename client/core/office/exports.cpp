// SPDX-License-Identifier: GPL-3.0-or-later
#include "exports.h"

#include "localreplica.h"

#include "csv.h"
#include "replicaview.h"
#include "terms.h"
#include "storage/planqueries.h"
#include "storage/replicastore.h"

#include <QAbstractTextDocumentLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

#include <algorithm>
#include <functional>
#include <memory>
#include <vector>

using namespace Qt::Literals::StringLiterals;

ExportStamp ExportStamp::of(LocalReplica &replica)
{
    return { replica.lastCompleteSync(), replica.pendingCount() };
}

QString ExportStamp::syncedAt() const
{
    return lastCompleteSync.isValid() ? lastCompleteSync.toUTC().toString(Qt::ISODate) : QString();
}

QString ExportStamp::csvCommentLine() const
{
    const QString synced = syncedAt();
    return u"# synced_at=%1 pending=%2\r\n"_s.arg(synced.isEmpty() ? u"never"_s : synced).arg(pending);
}

QString ExportStamp::localTimeText(const QDateTime &when, const QString &format)
{
    if (!when.isValid())
        return {};
    const QDateTime local = when.toLocalTime();
    return local.toString(format) + u' ' + local.timeZoneAbbreviation();
}

namespace Exports {

namespace {

QJsonValue nullable(const QString &value)
{
    return value.isNull() ? QJsonValue() : QJsonValue(value);
}

// German terms of the PDF: the plan's own language, whatever the reader's interface speaks.
QString german(const QString &choiceKey)
{
    const char *text = Terms::find(Terms::Table::Choice, choiceKey);
    return text ? QString::fromUtf8(text) : choiceKey.section(u'.', 1);
}

QString fieldLabel(const QString &field)
{
    return Terms::german(Terms::Table::Field, field);
}

QString typeLabel(const QString &entityType)
{
    return Terms::german(Terms::Table::Type, entityType);
}

QString esc(const QString &text)
{
    return text.toHtmlEscaped().replace(u"\n"_s, u"<br>"_s);
}

QString germanDate(const QString &iso)
{
    const QDate date = QDate::fromString(iso, Qt::ISODate);
    return date.isValid() ? date.toString(u"dd.MM.yyyy"_s) : iso;
}

QString themesText(const QString &json)
{
    QStringList names;
    for (const QJsonValue &key : QJsonDocument::fromJson(json.toUtf8()).array())
        names << german(u"themes."_s + key.toString());
    return names.join(u", "_s);
}

QString measureHtml(const EntityRecord &m, const QList<EntityRecord> &milestones)
{
    const QLocale de(QLocale::German, QLocale::Germany);
    QString period;
    if (!m.value(u"start_date"_s).isEmpty() || !m.value(u"end_date"_s).isEmpty())
        period = u"%1 – %2"_s.arg(germanDate(m.value(u"start_date"_s)), germanDate(m.value(u"end_date"_s)));
    QList<std::pair<QString, QString>> rows {
        { fieldLabel(u"status"_s), m.value(u"status"_s).isEmpty() ? QString() : german(u"status."_s + m.value(u"status"_s)) },
        { u"Zeitraum"_s, period },
        { fieldLabel(u"responsible"_s), m.value(u"responsible"_s) },
        { fieldLabel(u"partners"_s), m.value(u"partners"_s) },
        { u"Budget"_s, m.value(u"budget"_s).isEmpty() ? QString()
                                                      : de.toCurrencyString(m.value(u"budget"_s).toDouble(), u"€"_s, 0) },
        { fieldLabel(u"themes"_s), themesText(m.value(u"themes"_s)) },
        { fieldLabel(u"priority"_s), m.value(u"priority"_s).isEmpty() ? QString() : german(u"priority."_s + m.value(u"priority"_s)) },
    };
    QString html = u"<h4>%1</h4><table cellspacing='0' cellpadding='2'>"_s.arg(esc(m.value(u"title"_s)));
    for (const auto &[label, value] : rows) {
        if (!value.isEmpty())
            html += u"<tr><td width='25%'><b>%1</b></td><td>%2</td></tr>"_s.arg(label, esc(value));
    }
    html += u"</table>"_s;
    if (!m.value(u"description"_s).isEmpty())
        html += u"<p>%1</p>"_s.arg(esc(m.value(u"description"_s)));
    if (!milestones.isEmpty()) {
        html += u"<p><b>Meilensteine</b></p><ul>"_s;
        for (const EntityRecord &ms : milestones) {
            html += u"<li>%1 %2%3</li>"_s.arg(germanDate(ms.value(u"due_date"_s)), esc(ms.value(u"title"_s)),
                                               ms.value(u"done"_s) == u"true"_s ? u" (erreicht)"_s : QString());
        }
        html += u"</ul>"_s;
    }
    return html;
}

QString stampText(const ExportStamp &stamp)
{
    QString text = stamp.lastCompleteSync.isValid()
            ? u"Stand der Daten: letzter vollständiger Abgleich am %1"_s.arg(
                      ExportStamp::localTimeText(stamp.lastCompleteSync, u"dd.MM.yyyy, HH:mm 'Uhr'"_s))
            : u"Stand der Daten: noch nie vollständig abgeglichen"_s;
    if (stamp.pending > 0)
        text += u"; lokale Änderungen noch nicht bestätigt: %1"_s.arg(stamp.pending);
    return text;
}

/** One piece of the printed plan: laid out on its own, so pages break between pieces where they can. */
struct Piece
{
    enum Kind {
        Heading, ///< kept on the page of what follows it
        Text, ///< may break between any two lines
        Measure, ///< kept whole where it fits on a page; else continued under its title with "(Fortsetzung)"
    };
    Kind kind;
    QString html;
    QString title; ///< a measure's, for its continuation
};

QList<Piece> planPieces(ReplicaStore &store, const EntityRecord &plan, const ExportStamp &stamp)
{
    ReplicaView view(store);
    const auto municipality = store.record(plan.value(u"municipality"_s));
    QList<Piece> pieces { { Piece::Heading, u"<h1>%1</h1>"_s.arg(esc(plan.value(u"title"_s))), {} } };
    QString head;
    if (municipality)
        head += u"<p><b>Kommune:</b> %1 (%2, Cluster %3)</p>"_s.arg(esc(municipality->value(u"name"_s)),
                                                                    esc(municipality->value(u"state"_s)),
                                                                    esc(municipality->value(u"cluster"_s)));
    if (!plan.value(u"review_status"_s).isEmpty())
        head += u"<p><b>%1:</b> %2</p>"_s.arg(fieldLabel(u"review_status"_s),
                                               german(u"review_status."_s + plan.value(u"review_status"_s)));
    head += u"<p><i>%1</i></p>"_s.arg(esc(stampText(stamp)));
    pieces.append({ Piece::Text, head, {} });
    if (!plan.value(u"vision"_s).isEmpty()) {
        pieces.append({ Piece::Heading, u"<h2>%1</h2>"_s.arg(fieldLabel(u"vision"_s)), {} });
        pieces.append({ Piece::Text, u"<p>%1</p>"_s.arg(esc(plan.value(u"vision"_s))), {} });
    }
    const Schema &schema = Schema::instance();
    for (const EntityRecord &field : view.orderedChildren(*schema.entity(u"field_of_action"_s), plan.id)) {
        pieces.append({ Piece::Heading,
                        u"<h2>%1: %2</h2>"_s.arg(typeLabel(u"field_of_action"_s), esc(field.value(u"title"_s))), {} });
        if (!field.value(u"description"_s).isEmpty())
            pieces.append({ Piece::Text, u"<p>%1</p>"_s.arg(esc(field.value(u"description"_s))), {} });
        for (const EntityRecord &goal : view.orderedChildren(*schema.entity(u"goal"_s), field.id)) {
            pieces.append({ Piece::Heading,
                            u"<h3>%1: %2</h3>"_s.arg(typeLabel(u"goal"_s), esc(goal.value(u"title"_s))), {} });
            QString about;
            if (!goal.value(u"description"_s).isEmpty())
                about += u"<p>%1</p>"_s.arg(esc(goal.value(u"description"_s)));
            if (!goal.value(u"indicator"_s).isEmpty() || !goal.value(u"target_value"_s).isEmpty())
                about += u"<p><b>%1:</b> %2 &nbsp; <b>%3:</b> %4</p>"_s.arg(
                        fieldLabel(u"indicator"_s), esc(goal.value(u"indicator"_s)), fieldLabel(u"target_value"_s),
                        esc(goal.value(u"target_value"_s)));
            if (!about.isEmpty())
                pieces.append({ Piece::Text, about, {} });
            for (const EntityRecord &measure : view.orderedChildren(*schema.entity(u"measure"_s), goal.id))
                pieces.append({ Piece::Measure,
                                measureHtml(measure, view.orderedChildren(*schema.entity(u"milestone"_s), measure.id)),
                                measure.value(u"title"_s) });
        }
    }
    return pieces;
}

/** A piece laid out for the page width, with the heights at which it may be cut between two lines. */
struct LaidOut
{
    std::unique_ptr<QTextDocument> document;
    qreal height = 0;
    QList<qreal> breaks; ///< ascending; a cut there splits no line of text
};

LaidOut layOut(const QString &html, QPaintDevice &device, qreal width)
{
    LaidOut result;
    result.document = std::make_unique<QTextDocument>();
    QTextDocument &document = *result.document;
    document.documentLayout()->setPaintDevice(&device);
    QFont font(u"DejaVu Sans"_s);
    font.setPointSizeF(10);
    document.setDefaultFont(font);
    document.setDocumentMargin(0);
    document.setDefaultStyleSheet(u"h1 { font-size: 18pt; } h2 { font-size: 14pt; margin-top: 14px; } "
                                  "h3 { font-size: 12pt; } h4 { font-size: 11pt; margin-top: 10px; }"_s);
    document.setHtml(html);
    document.setTextWidth(width);
    result.height = document.size().height();
    // Every line of every block (table cells too) in document coordinates: a cut may fall below a line but
    // never through one.
    QList<std::pair<qreal, qreal>> lines;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        const QRectF box = document.documentLayout()->blockBoundingRect(block);
        const QTextLayout *layout = block.layout();
        for (int i = 0; layout && i < layout->lineCount(); ++i) {
            const QTextLine line = layout->lineAt(i);
            lines.append({ box.top() + line.y(), box.top() + line.y() + line.height() });
        }
    }
    for (const auto &[top, bottom] : std::as_const(lines)) {
        Q_UNUSED(top)
        const bool throughALine = std::any_of(lines.cbegin(), lines.cend(), [cut = bottom](const auto &other) {
            return other.first < cut - 0.5 && other.second > cut + 0.5;
        });
        if (!throughALine)
            result.breaks.append(bottom);
    }
    std::sort(result.breaks.begin(), result.breaks.end());
    return result;
}

/** The lowest cut at or above limit (0 if there is none). */
qreal cutAbove(const LaidOut &piece, qreal limit)
{
    qreal best = 0;
    for (const qreal cut : piece.breaks) {
        if (cut <= limit)
            best = cut;
    }
    return best;
}

/** Where a piece's first lines end: what a heading before it must share its page with. */
qreal firstLines(const LaidOut &piece, int lines)
{
    return piece.breaks.isEmpty() ? piece.height : piece.breaks.at(std::min<qsizetype>(lines, piece.breaks.size()) - 1);
}

/** A part of a piece on a page: document rows from..to drawn at y. */
struct Slice
{
    const QTextDocument *document;
    qreal from;
    qreal to;
    qreal y;
};
} // namespace

const QStringList &measureFields()
{
    static const QStringList fields { u"title"_s, u"status"_s, u"start_date"_s, u"end_date"_s, u"responsible"_s,
                                      u"partners"_s, u"budget"_s, u"themes"_s, u"priority"_s, u"description"_s };
    return fields;
}

QList<MeasureRow> measureRows(ReplicaStore &store, ReplicaView &view)
{
    auto titleOf = [&](const QString &id) {
        const auto record = id.isEmpty() ? std::nullopt : store.record(id);
        return record ? record->value(u"title"_s) : QString();
    };
    QList<MeasureRow> rows;
    for (const QString &id : store.entityIds(u"measure"_s)) {
        auto record = store.record(id);
        if (!record || !record->isLive())
            continue;
        const QString plan = view.planOf(*record);
        // A measure whose goal has not arrived yet belongs to no plan so far: nothing to report on.
        if (plan.isEmpty())
            continue;
        const QString goal = record->value(u"goal"_s);
        const auto goalRecord = store.record(goal);
        rows.append({ view.municipalityName(plan), plan,
                      titleOf(goalRecord ? goalRecord->value(u"field_of_action"_s) : QString()), titleOf(goal),
                      std::move(*record) });
    }
    std::sort(rows.begin(), rows.end(), [](const MeasureRow &a, const MeasureRow &b) {
        if (const int c = a.municipality.localeAwareCompare(b.municipality); c != 0)
            return c < 0;
        if (const int c = ReplicaView::label(a.record).localeAwareCompare(ReplicaView::label(b.record)); c != 0)
            return c < 0;
        return a.record.id < b.record.id;
    });
    return rows;
}

QString measuresCsv(const QList<MeasureRow> &rows, const ExportStamp &stamp)
{
    // The comment line says which sync state the rows reflect; spreadsheet imports can skip it.
    QString text = stamp.csvCommentLine();
    text += Csv::line(QStringList { u"municipality"_s, u"plan"_s, u"field_of_action"_s, u"goal"_s, u"id"_s }
                      + measureFields());
    for (const MeasureRow &row : rows) {
        QStringList cells { row.municipality, row.planId, row.fieldOfAction, row.goal, row.record.id };
        for (const QString &name : measureFields())
            cells << row.record.value(name);
        text += Csv::line(cells);
    }
    return text;
}

QJsonObject measuresJson(const QList<MeasureRow> &rows, const ExportStamp &stamp)
{
    QJsonArray measures;
    for (const MeasureRow &row : rows) {
        QJsonObject object { { u"id"_s, row.record.id }, { u"municipality"_s, row.municipality },
                             { u"plan"_s, row.planId }, { u"field_of_action"_s, row.fieldOfAction },
                             { u"goal"_s, row.goal } };
        for (const QString &name : measureFields())
            object.insert(name, nullable(row.record.value(name)));
        measures.append(object);
    }
    return { { u"synced_at"_s, nullable(stamp.syncedAt()) },
             { u"exported_at"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) },
             { u"pending"_s, stamp.pending }, { u"measures"_s, measures } };
}

QString numberText(const QVariant &column)
{
    // The canonical form Schema::normalize gives numbers, so values compare and round-trip as text.
    return column.isNull() ? QString() : QString::number(column.toDouble(), 'g', 15);
}

const QStringList &synopsisColumns()
{
    static const QStringList columns { u"municipality"_s, u"key"_s, u"value"_s, u"unit"_s, u"year"_s };
    return columns;
}

QString synopsisCsv(ReplicaStore &store, const ExportStamp &stamp)
{
    QList<QStringList> rows;
    // An unreadable table is logged by the query; the file then has its header only.
    if (const auto figures = PlanQueries(store).liveFiguresWithNames()) {
        for (const PlanQueries::FigureRow &f : figures.value())
            rows.append(QStringList { f.municipalityName, f.key, numberText(f.value), f.unit, numberText(f.year) });
    }
    std::sort(rows.begin(), rows.end(), [](const QStringList &a, const QStringList &b) {
        if (const int c = a[0].localeAwareCompare(b[0]); c != 0)
            return c < 0;
        return std::pair(a[1], a[4]) < std::pair(b[1], b[4]);
    });
    QString text = stamp.csvCommentLine() + Csv::line(synopsisColumns(), u';');
    for (const QStringList &row : std::as_const(rows))
        text += Csv::line(row, u';');
    return text;
}

Status renderPlan(ReplicaStore &store, const QString &planId, const ExportStamp &stamp, QPagedPaintDevice &device)
{
    const auto plan = store.record(planId);
    if (!plan || !plan->isLive() || plan->spec->name != u"plan"_s)
        return Error { u"not_found"_s, u"no plan %1 in this replica"_s.arg(planId) };
    device.setPageMargins(QMarginsF(20, 18, 20, 18), QPageLayout::Millimeter);

    const QRectF page = device.pageLayout().paintRectPixels(device.logicalDpiX());
    const qreal dpi = device.logicalDpiY();
    const qreal footerHeight = dpi * 0.45; // two lines of small print
    const qreal width = page.width();
    const qreal bodyHeight = page.height() - footerHeight;
    const qreal gap = dpi * 0.04;

    // Lay every piece out, then place them on pages: a heading only where the start of what follows still
    // fits below it, a measure whole on one page where it fits on one, else cut between two lines and
    // continued on the next page under its title with "(Fortsetzung)".
    const QList<Piece> pieces = planPieces(store, *plan, stamp);
    std::vector<LaidOut> laid;
    laid.reserve(pieces.size());
    for (const Piece &piece : pieces)
        laid.push_back(layOut(piece.html, device, width));
    std::vector<LaidOut> continuations;
    continuations.reserve(pieces.size());

    QList<QList<Slice>> pages { {} };
    qreal y = 0;
    auto newPage = [&] {
        pages.append(QList<Slice> {});
        y = 0;
    };
    // What must stand on the same page as piece i's start: a heading and the start of what follows it.
    std::function<qreal(qsizetype)> keepHeight = [&](qsizetype i) -> qreal {
        if (i >= qsizetype(laid.size()))
            return 0;
        if (pieces[i].kind == Piece::Measure) // whole where it fits on a page, else its title and first lines
            return laid[i].height <= bodyHeight ? laid[i].height : firstLines(laid[i], 3);
        if (pieces[i].kind == Piece::Text)
            return firstLines(laid[i], 2);
        return laid[i].height + gap + keepHeight(i + 1);
    };
    for (qsizetype i = 0; i < qsizetype(pieces.size()); ++i) {
        const LaidOut &piece = laid[i];
        if (y > 0 && y + keepHeight(i) > bodyHeight)
            newPage();
        qreal from = 0;
        while (true) {
            if (y + (piece.height - from) <= bodyHeight) {
                pages.last().append({ piece.document.get(), from, piece.height, y });
                y += piece.height - from + gap;
                break;
            }
            qreal cut = cutAbove(piece, from + bodyHeight - y);
            if (cut <= from) // not even one line fits: cut through it rather than loop
                cut = from + bodyHeight - y;
            pages.last().append({ piece.document.get(), from, cut, y });
            from = cut;
            newPage();
            if (pieces[i].kind == Piece::Measure) {
                continuations.push_back(layOut(u"<h4>%1 (Fortsetzung)</h4>"_s.arg(esc(pieces[i].title)), device, width));
                const LaidOut &title = continuations.back();
                pages.last().append({ title.document.get(), 0, title.height, 0 });
                y = title.height + gap;
            }
        }
    }

    QPainter painter;
    if (!painter.begin(&device))
        return Error { u"storage_error"_s, u"cannot start to print the plan"_s };
    QFont footerFont(u"DejaVu Sans"_s);
    footerFont.setPointSizeF(8);
    const qsizetype count = pages.size();
    for (qsizetype p = 0; p < count; ++p) {
        if (p > 0 && !device.newPage())
            return Error { u"storage_error"_s, u"cannot start page %1"_s.arg(p + 1) };
        for (const Slice &slice : std::as_const(pages[p])) {
            painter.save();
            painter.translate(0, slice.y - slice.from);
            QAbstractTextDocumentLayout::PaintContext context;
            context.clip = QRectF(0, slice.from, width, slice.to - slice.from);
            painter.setClipRect(context.clip);
            slice.document->documentLayout()->draw(&painter, context);
            painter.restore();
        }
        painter.setFont(footerFont);
        const qreal split = width * 0.82;
        painter.drawText(QRectF(0, bodyHeight, split, footerHeight), Qt::AlignLeft | Qt::AlignBottom | Qt::TextWordWrap,
                         stampText(stamp));
        painter.drawText(QRectF(split, bodyHeight, width - split, footerHeight), Qt::AlignRight | Qt::AlignBottom,
                         u"Seite %1 von %2"_s.arg(p + 1).arg(count));
    }
    if (!painter.end())
        return Error { u"storage_error"_s, u"cannot finish printing the plan"_s };
    return Ok {};
}

Status planPdf(ReplicaStore &store, const QString &planId, const ExportStamp &stamp, const QString &file)
{
    const auto plan = store.record(planId);
    if (!plan || !plan->isLive() || plan->spec->name != u"plan"_s)
        return Error { u"not_found"_s, u"no plan %1 in this replica"_s.arg(planId) };

    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly))
        return Error { u"storage_error"_s, u"cannot write %1: %2"_s.arg(file, out.errorString()) };
    QPdfWriter writer(&out);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(300);
    writer.setTitle(plan->value(u"title"_s));
    writer.setCreator(u"Werkstattplan"_s);
    if (Status rendered = renderPlan(store, planId, stamp, writer); !rendered)
        return rendered;
    if (!out.commit())
        return Error { u"storage_error"_s, u"cannot write %1: %2"_s.arg(file, out.errorString()) };
    return Ok {};
}

Status writeFile(const QString &file, const QByteArray &data)
{
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(data) < 0 || !out.commit())
        return Error { u"storage_error"_s, u"cannot write %1: %2"_s.arg(file, out.errorString()) };
    return Ok {};
}

} // namespace Exports

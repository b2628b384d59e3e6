// SPDX-License-Identifier: GPL-3.0-or-later
#include "synopsisimport.h"

#include "csv.h"
#include "exports.h"
#include "localreplica.h"
#include "storage/planqueries.h"

#include <QHash>

using namespace Qt::Literals::StringLiterals;

namespace {

struct Existing
{
    QString id;
    QString value;
    QString unit;
};

QString figureKey(const QString &municipalityId, const QString &key, const QString &year)
{
    return municipalityId + u'\x1f' + key + u'\x1f' + year;
}

} // namespace

Result<SynopsisImport::Summary> SynopsisImport::run(LocalReplica &replica, const QString &csvText)
{
    // Said at once: the server would refuse every figure of an editor anyway (the synopsis is the office's).
    if (replica.account() && !replica.account()->isOffice())
        return Error { u"forbidden"_s, u"only the project office imports the synopsis"_s };
    const EntitySpec &spec = *Schema::instance().entity(u"synopsis_figure"_s);
    PlanQueries queries(replica.store());

    const auto names = queries.liveMunicipalityNames();
    if (!names)
        return names.error();
    QHash<QString, QString> municipalities; // lower-case name → id
    for (const auto &[id, name] : names.value())
        municipalities.insert(name.toLower(), id);
    const auto figures = queries.liveFigures();
    if (!figures)
        return figures.error();
    QHash<QString, Existing> existing;
    for (const PlanQueries::FigureRow &f : figures.value()) {
        existing.insert(figureKey(f.municipalityId, f.key, Exports::numberText(f.year)),
                        { f.id, Exports::numberText(f.value), f.unit });
    }

    bool wellFormed = true;
    QList<Csv::Record> records = Csv::parse(csvText, u';', &wellFormed);
    QStringList problems;
    if (!wellFormed)
        problems << u"the file ends inside a quoted field"_s;
    records.removeIf([](const Csv::Record &r) { return r.fields.value(0).trimmed().startsWith(u'#'); });
    if (records.isEmpty())
        return Error { u"invalid_csv"_s, u"no header line (%1)"_s.arg(Exports::synopsisColumns().join(u';')) };

    // The header names the columns; their order is free.
    QHash<QString, int> column;
    const Csv::Record header = records.takeFirst();
    for (int i = 0; i < header.fields.size(); ++i)
        column.insert(header.fields[i].trimmed().toLower(), i);
    for (const QString &name : Exports::synopsisColumns()) {
        if (!column.contains(name))
            problems << u"line %1: the header has no column \"%2\" (expected %3)"_s.arg(header.line).arg(
                    name, Exports::synopsisColumns().join(u';'));
    }
    if (!problems.isEmpty())
        return Error { u"invalid_csv"_s, problems.join(u"; "_s) };

    Summary summary;
    QList<LocalReplica::EntityEdit> edits;
    QHash<QString, int> seen; // figure key → line
    for (const Csv::Record &record : std::as_const(records)) {
        auto cell = [&](const QString &name) { return record.fields.value(column.value(name)).trimmed(); };
        auto problem = [&](const QString &what) { problems << u"line %1: %2"_s.arg(record.line).arg(what); };
        if (record.fields.size() != header.fields.size()) {
            problem(u"%1 columns, the header has %2"_s.arg(record.fields.size()).arg(header.fields.size()));
            continue;
        }
        const QString municipality = municipalities.value(cell(u"municipality"_s).toLower());
        if (municipality.isEmpty())
            problem(u"no municipality named \"%1\""_s.arg(cell(u"municipality"_s)));
        if (cell(u"key"_s).isEmpty())
            problem(u"the key is empty"_s);
        QString values[3];
        const QStringList typed { u"value"_s, u"unit"_s, u"year"_s };
        for (int i = 0; i < 3; ++i) {
            const auto normalized = Schema::normalize(*spec.field(typed[i]), cell(typed[i]));
            if (!normalized)
                problem(normalized.errorMessage());
            else
                values[i] = normalized.value();
        }
        if (values[0].isEmpty())
            problem(u"the value is empty"_s);
        if (municipality.isEmpty() || cell(u"key"_s).isEmpty() || values[0].isEmpty())
            continue;
        const QString key = figureKey(municipality, cell(u"key"_s), values[2]);
        if (seen.contains(key)) {
            problem(u"the same figure as line %1"_s.arg(seen.value(key)));
            continue;
        }
        seen.insert(key, record.line);
        const LocalReplica::Fields fields { { u"value"_s, values[0] }, { u"unit"_s, values[1] } };
        const auto found = existing.constFind(key);
        if (found == existing.cend()) {
            edits.append({ {}, spec.name, municipality,
                           LocalReplica::Fields { { u"key"_s, cell(u"key"_s) }, { u"year"_s, values[2] } } + fields });
            ++summary.created;
        } else if (found->value != values[0] || found->unit != values[1]) {
            edits.append({ found->id, {}, {}, fields });
            ++summary.updated;
        } else {
            ++summary.unchanged;
        }
    }
    if (!problems.isEmpty())
        return Error { u"invalid_csv"_s, problems.mid(0, 20).join(u"; "_s) };
    if (edits.isEmpty())
        return summary;
    if (const auto written = replica.applyEdits(edits); !written)
        return written.error();
    return summary;
}

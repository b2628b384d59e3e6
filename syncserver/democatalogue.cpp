// SPDX-License-Identifier: GPL-3.0-or-later
#include "democatalogue.h"

#include "common/logging.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString resourcePath = u":/demodata/demodata.json"_s;

/** Reads members of one JSON object and remembers the first one that is missing or of the wrong type. */
class Reader
{
public:
    Reader(const QJsonObject &object, QString path, QString *error)
        : m_object(object)
        , m_path(std::move(path))
        , m_error(error)
    { }

    QString text(const QString &key) const { return typed(key, &QJsonValue::isString, "a string").toString(); }
    int integer(const QString &key) const { return typed(key, &QJsonValue::isDouble, "a number").toInt(); }
    double number(const QString &key) const { return typed(key, &QJsonValue::isDouble, "a number").toDouble(); }
    bool flag(const QString &key) const { return typed(key, &QJsonValue::isBool, "true or false").toBool(); }
    QJsonArray array(const QString &key) const { return typed(key, &QJsonValue::isArray, "an array").toArray(); }

    Reader object(const QString &key) const
    {
        return Reader(typed(key, &QJsonValue::isObject, "an object").toObject(), m_path + u'.' + key, m_error);
    }

    /** The objects of an array member, each with a reader of its own. */
    template<typename T, typename Read>
    QList<T> list(const QString &key, Read read) const
    {
        QList<T> items;
        const QJsonArray entries = array(key);
        for (qsizetype i = 0; i < entries.size(); ++i) {
            if (!entries[i].isObject())
                fail(u"%1[%2]"_s.arg(key).arg(i), u"an object"_s);
            items << read(Reader(entries[i].toObject(), u"%1.%2[%3]"_s.arg(m_path, key).arg(i), m_error));
        }
        return items;
    }

    void fail(const QString &key, const QString &expected) const
    {
        if (m_error->isEmpty())
            *m_error = u"%1.%2: expected %3"_s.arg(m_path, key, expected);
    }

private:
    QJsonValue typed(const QString &key, bool (QJsonValue::*isExpected)() const, const char *expected) const
    {
        const QJsonValue value = m_object.value(key);
        if (!(value.*isExpected)())
            fail(key, QString::fromLatin1(expected));
        return value;
    }

    QJsonObject m_object;
    QString m_path;
    QString *m_error;
};

DemoMeasureText readMeasure(const Reader &r)
{
    return { r.text(u"title"_s), r.text(u"description"_s), r.text(u"themes"_s), r.text(u"responsible"_s),
             r.text(u"partners"_s), r.integer(u"budgetEur"_s) };
}

DemoPlace readPlace(const Reader &r)
{
    const QString account = r.text(u"account"_s);
    DemoPlace place;
    place.municipality = { u"muni-"_s + account, u"plan-"_s + account, r.text(u"name"_s), r.text(u"state"_s),
                           r.text(u"cluster"_s), r.text(u"kind"_s), account };
    place.shortName = r.text(u"shortName"_s);
    place.inPlace = r.text(u"inPlace"_s);
    place.population = r.integer(u"population"_s);
    place.share65 = r.number(u"share65"_s);
    place.areaKm2 = r.number(u"areaKm2"_s);
    place.vision = r.text(u"vision"_s);
    for (const QJsonValue &field : r.array(u"fields"_s))
        place.fields << field.toInt(-1);
    place.reviewStatus = r.text(u"reviewStatus"_s);
    place.shared = r.flag(u"shared"_s);
    return place;
}

DemoFieldText readField(const Reader &r)
{
    return { r.text(u"title"_s), r.text(u"description"_s),
             r.list<DemoGoalText>(u"goals"_s,
                                  [](const Reader &g) {
                                      return DemoGoalText { g.text(u"title"_s), g.text(u"description"_s),
                                                            g.text(u"indicator"_s), g.text(u"targetValue"_s) };
                                  }),
             r.list<DemoMeasureText>(u"measures"_s, readMeasure) };
}

DemoMeetingText readMeeting(const Reader &r, bool withLinkedPlans)
{
    DemoMeetingText meeting { r.text(u"id"_s), r.text(u"title"_s), r.text(u"cluster"_s), r.text(u"date"_s),
                              r.text(u"host"_s), r.text(u"place"_s), r.text(u"participants"_s),
                              r.text(u"agenda"_s), r.text(u"notes"_s), {} };
    if (withLinkedPlans) {
        for (const QJsonValue &plan : r.array(u"linkedPlans"_s))
            meeting.linkedPlans << plan.toString();
    }
    return meeting;
}

DemoReviewText readReview(const Reader &r)
{
    const Reader riesa = r.object(u"riesa"_s);
    const Reader zwickau = r.object(u"zwickau"_s);
    return { riesa.text(u"plan"_s),        riesa.text(u"firstLabel"_s),  riesa.text(u"firstSubmittedAt"_s),
             riesa.text(u"secondLabel"_s), riesa.text(u"secondSubmittedAt"_s), riesa.text(u"responsible"_s),
             zwickau.text(u"plan"_s),      zwickau.text(u"label"_s),     zwickau.text(u"submittedAt"_s),
             zwickau.text(u"note"_s),      zwickau.text(u"answer"_s) };
}

/** What the builder relies on: indices in range, something to pick from in every field of action. */
QString checkReferences(const DemoCatalogue &catalogue)
{
    const qsizetype fieldCount = catalogue.fieldsOfAction.size();
    for (const DemoFieldText &field : catalogue.fieldsOfAction) {
        if (field.goals.isEmpty() || field.measures.isEmpty())
            return u"field of action \"%1\" needs goals and measures"_s.arg(field.title);
    }
    for (const DemoPlace &place : catalogue.places) {
        for (int field : place.fields) {
            if (field < 0 || field >= fieldCount)
                return u"%1: no field of action %2"_s.arg(place.municipality.id).arg(field);
        }
    }
    for (const DemoLocalMeasure &local : catalogue.localMeasures) {
        if (local.field < 0 || local.field >= fieldCount)
            return u"%1: no field of action %2"_s.arg(local.municipalityId).arg(local.field);
    }
    if (catalogue.milestoneTitles.isEmpty())
        return u"no milestone titles"_s;
    return {};
}

} // namespace

Result<DemoCatalogue> DemoCatalogue::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject())
        return Error { u"malformed"_s, u"demo data: not a JSON object: %1"_s.arg(parseError.errorString()) };

    QString error;
    const Reader root(document.object(), u"demodata"_s, &error);
    DemoCatalogue catalogue;
    catalogue.places = root.list<DemoPlace>(u"places"_s, readPlace);
    catalogue.fieldsOfAction = root.list<DemoFieldText>(u"fieldsOfAction"_s, readField);
    catalogue.localMeasures = root.list<DemoLocalMeasure>(u"localMeasures"_s, [](const Reader &r) {
        return DemoLocalMeasure { r.text(u"municipality"_s), r.integer(u"field"_s),
                                  readMeasure(r.object(u"measure"_s)), r.flag(u"linkedToMeeting"_s) };
    });
    for (const QJsonValue &title : root.array(u"milestoneTitles"_s))
        catalogue.milestoneTitles << title.toString();
    catalogue.southMeeting = readMeeting(root.object(u"southMeeting"_s), false);
    catalogue.northMeeting = readMeeting(root.object(u"northMeeting"_s), true);
    catalogue.review = readReview(root.object(u"review"_s));
    if (error.isEmpty())
        error = checkReferences(catalogue);
    if (!error.isEmpty())
        return Error { u"malformed"_s, u"demo data: "_s + error };
    return catalogue;
}

const DemoCatalogue &DemoCatalogue::compiledIn()
{
    static const DemoCatalogue catalogue = [] {
        QFile file(resourcePath);
        if (!file.open(QIODevice::ReadOnly)) {
            qCCritical(lcServer).noquote() << "demo data: cannot read" << resourcePath;
            return DemoCatalogue {};
        }
        Result<DemoCatalogue> read = fromJson(file.readAll());
        if (!read) {
            qCCritical(lcServer).noquote() << read.errorMessage();
            return DemoCatalogue {};
        }
        return std::move(read).value();
    }();
    return catalogue;
}

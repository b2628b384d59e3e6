// SPDX-License-Identifier: GPL-3.0-or-later
// The write rules as the forms see them: which field of which entity each role may edit, and which
// choices it may set, for every field of every entity type in the Schema; and the review workflow's
// rule that a municipality submits only together with the version its submission freezes.
#include "model/permissions.h"
#include "model/hlc.h"
#include "sync/localeditor.h"
#include "sync/replicastate.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

const QStringList reviewStates { u"in_review"_s, u"reviewed"_s, u"changes_requested"_s };

/** One plan of municipality A with an entity of every type, in memory, written as each role would. */
class Fixture
{
public:
    Fixture()
    {
        // Entity types outside plans are the office's; everything in plan A is its editor's.
        make(office, u"municipality"_s, u"muni-a"_s, { { u"name"_s, u"Adorf"_s }, { u"kind"_s, u"city"_s } });
        make(office, u"municipality"_s, u"muni-b"_s, { { u"name"_s, u"Bdorf"_s } });
        make(office, u"synopsis_figure"_s, u"figure"_s, { { u"municipality"_s, u"muni-a"_s }, { u"key"_s, u"area_km2"_s } });
        make(office, u"meeting"_s, u"meeting"_s, { { u"title"_s, u"Treffen Süd"_s } });
        make(a, u"plan"_s, u"plan"_s, { { u"municipality"_s, u"muni-a"_s }, { u"title"_s, u"Werkstattplan Adorf"_s },
                                         { u"review_status"_s, u"draft"_s }, { u"shared"_s, u"true"_s } });
        make(a, u"field_of_action"_s, u"field_of_action"_s, { { u"plan"_s, u"plan"_s }, { u"title"_s, u"Wohnen"_s } });
        make(a, u"goal"_s, u"goal"_s, { { u"field_of_action"_s, u"field_of_action"_s }, { u"title"_s, u"Leerstand"_s } });
        make(a, u"measure"_s, u"measure"_s, { { u"goal"_s, u"goal"_s }, { u"title"_s, u"Kataster"_s }, { u"status"_s, u"idea"_s } });
        make(a, u"milestone"_s, u"milestone"_s, { { u"measure"_s, u"measure"_s }, { u"title"_s, u"Erhebung"_s } });
        make(a, u"meeting_link"_s, u"meeting_link"_s, { { u"measure"_s, u"measure"_s }, { u"meeting"_s, u"meeting"_s } });
        make(a, u"plan_version"_s, u"plan_version"_s, { { u"plan"_s, u"plan"_s }, { u"submitted_at"_s, u"2026-05-04T10:00:00.000Z"_s },
                                                         { u"snapshot"_s, u"eJwDAAAAAAE="_s } });
        // A comment by A's editor on its own plan, and one by B's editor on A's (shared) plan.
        make(a, u"comment"_s, u"comment"_s, { { u"plan"_s, u"plan"_s }, { u"target"_s, u"measure"_s }, { u"body"_s, u"Gut"_s },
                                               { u"kind"_s, u"peer"_s } });
        make(b, u"comment"_s, u"comment_by_b"_s, { { u"plan"_s, u"plan"_s }, { u"body"_s, u"Toll"_s }, { u"kind"_s, u"peer"_s } });
        make(a, u"device"_s, u"dev-a"_s, { { u"name"_s, u"Laptop Rathaus"_s }, { u"municipality"_s, u"muni-a"_s } });
    }

    Permissions::Lookups lookups()
    {
        return { [this](const QString &id) -> std::optional<EntityRecord> {
                    const EntityRecord *record = state.entity(id);
                    return record ? std::optional(*record) : std::nullopt;
                },
                 [this](const QString &id) {
                     const QList<Change> changes = state.history(id);
                     return changes.isEmpty() ? QString() : changes.constFirst().author;
                 } };
    }
    Permissions rulesFor(const QString &actor)
    {
        if (actor == u"office"_s)
            return Permissions(Actor { u"office"_s, true, {} }, lookups());
        return Permissions(Actor { actor, false, actor == u"a"_s ? u"muni-a"_s : u"muni-b"_s }, lookups());
    }
    EntityRecord record(const QString &id) { return *state.entity(id); }
    /** Writes a change through the rules, as a push is admitted and applied; the rules' verdict. */
    Status write(Permissions &rules, const Change &change)
    {
        Status admitted = rules.mayWrite(change);
        if (admitted)
            Q_UNUSED(state.apply(change));
        return admitted;
    }

    HlcClock clockA { u"dev-a"_s };
    HlcClock clockB { u"dev-b"_s };
    HlcClock clockOffice { u"dev-office"_s };
    LocalEditor a { clockA, u"a"_s };
    LocalEditor b { clockB, u"b"_s };
    LocalEditor office { clockOffice, u"office"_s };
    ReplicaState state;

private:
    void make(LocalEditor &editor, const QString &type, const QString &id, const QList<QPair<QString, QString>> &fields)
    {
        QVERIFY(state.apply(editor.create(type, id)));
        for (const auto &[field, value] : fields)
            QVERIFY(state.apply(editor.set(*state.entity(id), field, value)));
    }
};

/** Who may edit a field, by the roles table of docs/protocol.md. */
bool expectedEditable(const QString &type, const QString &field, const QString &actor, Writer writer)
{
    if (writer == Writer::ReviewWorkflow)
        return false; // only through submitting and reviewing
    if (type == u"device"_s)
        return false; // a device names itself (Einstellungen), in changes made on it: never in a form
    if (writer == Writer::Office)
        return actor == u"office"_s;
    if (type == u"plan_version"_s)
        return false; // sealed once submitted
    if (type == u"comment"_s) // the fixture's comment is by A's editor
        return actor == u"a"_s || (field == u"resolved"_s && actor == u"office"_s);
    if (type == u"plan"_s && field == u"municipality"_s)
        return actor == u"a"_s || actor == u"office"_s; // the office gives a plan to a municipality
    return actor == u"a"_s;
}

QStringList expectedChoices(const QString &type, const FieldSpec &field, const QString &actor, bool editable)
{
    if (field.name == u"review_status"_s)
        return actor == u"office"_s ? reviewStates : QStringList();
    if (type == u"comment"_s && field.name == u"kind"_s)
        return editable ? QStringList { u"peer"_s } : QStringList(); // review notes are the office's
    return editable ? field.choices : QStringList();
}

Change setChange(LocalEditor &editor, const EntityRecord &record, const QString &field, const QString &value)
{
    return editor.set(record, field, value);
}

} // namespace

class TestPermissions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formFields_data();
    void formFields();
    void otherAuthorsCommentOnOwnPlan();
    void submittedOnlyWithItsVersion();
    void draftOnlyOnANewPlan();
    void officeSetsTheReviewStates();
};

void TestPermissions::formFields_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("actor"); // a: editor of the plan's municipality; b: of another; office
    QTest::addColumn<bool>("editable");
    QTest::addColumn<QStringList>("choices");

    // Every field of every entity type, for each role.
    for (const EntitySpec &spec : Schema::instance().entities()) {
        for (int i = 0; i < spec.fields.size(); ++i) {
            const FieldSpec &field = spec.fields[i];
            for (const QString &actor : { u"a"_s, u"b"_s, u"office"_s }) {
                const bool editable = expectedEditable(spec.name, field.name, actor, spec.writerOf(i));
                QTest::addRow("%s.%s by %s", qPrintable(spec.name), qPrintable(field.name), qPrintable(actor))
                        << spec.name << field.name << actor << editable
                        << (field.type == FieldType::Enum ? expectedChoices(spec.name, field, actor, editable) : QStringList());
            }
        }
    }
}

void TestPermissions::formFields()
{
    QFETCH(QString, type);
    QFETCH(QString, field);
    QFETCH(QString, actor);
    QFETCH(bool, editable);
    QFETCH(QStringList, choices);

    Fixture fixture;
    const QString id = type == u"municipality"_s ? u"muni-a"_s
            : type == u"synopsis_figure"_s       ? u"figure"_s
            : type == u"device"_s                ? u"dev-a"_s
                                                 : type;
    const EntityRecord record = fixture.record(id);
    QVERIFY(record.isLive());
    Permissions rules = fixture.rulesFor(actor);
    QCOMPARE(rules.mayEditField(record, field), editable);
    if (record.spec->field(field)->type == FieldType::Enum)
        QCOMPARE(rules.settableChoices(record, field), choices);
    // The form as a whole: editable if any field but the parent link is.
    bool anyField = false;
    for (int i = 0; i < record.spec->fields.size(); ++i)
        anyField = anyField
                || (record.spec->fields[i].name != record.spec->parentField
                    && expectedEditable(type, record.spec->fields[i].name, actor, record.spec->writerOf(i)));
    QCOMPARE(rules.mayEditRecord(record), anyField);
}

void TestPermissions::otherAuthorsCommentOnOwnPlan()
{
    Fixture fixture;
    const EntityRecord comment = fixture.record(u"comment_by_b"_s);
    Permissions owner = fixture.rulesFor(u"a"_s);
    for (const FieldSpec &field : comment.spec->fields)
        QCOMPARE(owner.mayEditField(comment, field.name), field.name == u"resolved"_s);
    Permissions author = fixture.rulesFor(u"b"_s);
    QVERIFY(author.mayEditField(comment, u"body"_s));
}

void TestPermissions::submittedOnlyWithItsVersion()
{
    Fixture fixture;
    Permissions batch = fixture.rulesFor(u"a"_s);
    // Alone, the status would tell the office of a submission that has no version.
    const Change alone = setChange(fixture.a, fixture.record(u"plan"_s), u"review_status"_s, u"submitted"_s);
    QCOMPARE(batch.mayWrite(alone).errorCode(), u"forbidden"_s);
    QVERIFY(batch.settableChoices(fixture.record(u"plan"_s), u"review_status"_s).isEmpty());

    // As LocalReplica::submit writes it: the version, sealed by its snapshot, then the status.
    const QString version = LocalEditor::newId();
    QVERIFY(fixture.write(batch, fixture.a.create(u"plan_version"_s, version)));
    QVERIFY(fixture.write(batch, setChange(fixture.a, fixture.record(version), u"plan"_s, u"plan"_s)));
    QCOMPARE(batch.mayWrite(setChange(fixture.a, fixture.record(u"plan"_s), u"review_status"_s, u"submitted"_s)).errorCode(),
             u"forbidden"_s); // not sealed yet
    QVERIFY(fixture.write(batch, setChange(fixture.a, fixture.record(version), u"snapshot"_s, u"eJwDAAAAAAE="_s)));
    QVERIFY(fixture.write(batch, setChange(fixture.a, fixture.record(u"plan"_s), u"review_status"_s, u"submitted"_s)));

    // The next batch has no submission of its own.
    Permissions next = fixture.rulesFor(u"a"_s);
    QCOMPARE(next.mayWrite(setChange(fixture.a, fixture.record(u"plan"_s), u"review_status"_s, u"submitted"_s)).errorCode(),
             u"forbidden"_s);
    // Nor does a version of another plan let a municipality mark a plan submitted.
    Permissions other = fixture.rulesFor(u"b"_s);
    QCOMPARE(other.mayWrite(setChange(fixture.b, fixture.record(u"plan"_s), u"review_status"_s, u"submitted"_s)).errorCode(),
             u"forbidden"_s);
}

void TestPermissions::draftOnlyOnANewPlan()
{
    Fixture fixture;
    Permissions batch = fixture.rulesFor(u"a"_s);
    // The fixture's plan is a draft already: back to draft would withdraw a submission unseen.
    QCOMPARE(batch.mayWrite(setChange(fixture.a, fixture.record(u"plan"_s), u"review_status"_s, u"draft"_s)).errorCode(),
             u"forbidden"_s);
    const QString plan = LocalEditor::newId();
    QVERIFY(fixture.write(batch, fixture.a.create(u"plan"_s, plan)));
    QVERIFY(fixture.write(batch, setChange(fixture.a, fixture.record(plan), u"municipality"_s, u"muni-a"_s)));
    QVERIFY(fixture.write(batch, setChange(fixture.a, fixture.record(plan), u"review_status"_s, u"draft"_s)));
    QCOMPARE(batch.mayWrite(setChange(fixture.a, fixture.record(plan), u"review_status"_s, u"draft"_s)).errorCode(),
             u"forbidden"_s);
}

void TestPermissions::officeSetsTheReviewStates()
{
    Fixture fixture;
    Permissions office = fixture.rulesFor(u"office"_s);
    const EntityRecord plan = fixture.record(u"plan"_s);
    for (const QString &status : Schema::instance().entity(u"plan"_s)->field(u"review_status"_s)->choices) {
        const Status verdict = office.mayWrite(setChange(fixture.office, plan, u"review_status"_s, status));
        QVERIFY2(bool(verdict) == reviewStates.contains(status), qPrintable(status));
    }
    // Not typed into a form, though: the review's actions write the status (with a note).
    QVERIFY(!office.mayEditField(plan, u"review_status"_s));
}

QTEST_GUILESS_MAIN(TestPermissions)
#include "tst_permissions.moc"

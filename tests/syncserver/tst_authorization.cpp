// SPDX-License-Identifier: GPL-3.0-or-later
// The fault-injection suite's authorisation matrix: every op × entity type × role × target × state,
// generated from the Schema, pushed to the real server and checked by the client's local check too.
#include "helpers/clientreplica.h"
#include "helpers/serverprocess.h"
#include "helpers/teststore.h"
#include "helpers/syncclient.h"
#include "localreplica.h"
#include "model/schema.h"
#include "sync/localeditor.h"
#include "model/orderkey.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString passwordSuffix = u"-Werkstatt-2026"_s;

QString runTag()
{
    static const QString tag = QString::number(QRandomGenerator::global()->bounded(0x10000), 16);
    return tag;
}

QString uniqueName(const QString &prefix)
{
    static int counter = 0;
    return u"%1%2z%3"_s.arg(prefix).arg(++counter).arg(runTag());
}

// The rule table: small and independent of Permissions, written from docs/protocol.md.

/** Who writes: the editor of municipality A (plan shared), of municipality B (plan not shared), the office. */
enum class Role { A, B, Office };
const Role roles[] = { Role::A, Role::B, Role::Office };

QString roleName(Role role)
{
    return role == Role::A ? u"editor A"_s : role == Role::B ? u"editor B"_s : u"office"_s;
}

enum class State { Live, Deleted, Sealed, Missing };

QString stateName(State state)
{
    switch (state) {
    case State::Live:
        return u"live"_s;
    case State::Deleted:
        return u"deleted"_s;
    case State::Sealed:
        return u"sealed"_s;
    case State::Missing:
        return u"missing"_s;
    }
    return {};
}

/** How the writes of a type are decided. */
enum class Kind {
    Plan, ///< its municipality's editors; the office may give it to a municipality
    Content, ///< below a plan: the plan's municipality's editors
    Office, ///< the office
    Author, ///< whoever created it (comments); resolved also by the plan's municipality and the office
    Device, ///< only the device it describes (its id is the device id)
};

Kind kindOf(const EntitySpec &spec)
{
    if (spec.name == u"plan"_s)
        return Kind::Plan;
    if (spec.name == u"device"_s)
        return Kind::Device;
    switch (spec.writer) {
    case Writer::Office:
        return Kind::Office;
    case Writer::Author:
        return Kind::Author;
    case Writer::PlanEditor:
    case Writer::ReviewWorkflow:
        break;
    }
    return Kind::Content;
}

/** A type whose record is sealed once written (a submitted version): it has a snapshot. */
bool isSealed(const EntitySpec &spec)
{
    return spec.field(u"snapshot"_s) != nullptr;
}

QList<Role> ownersOf(const EntitySpec &spec)
{
    switch (kindOf(spec)) {
    case Kind::Plan:
    case Kind::Content:
        return { Role::A, Role::B };
    case Kind::Office:
        return { Role::Office };
    case Kind::Author:
    case Kind::Device:
        return { Role::A, Role::B, Role::Office };
    }
    return {};
}

QList<State> statesOf(const EntitySpec &spec)
{
    if (isSealed(spec))
        return { State::Sealed, State::Missing };
    return { State::Live, State::Deleted, State::Missing };
}

/** The plan an owner's entities are in: the office's comments are review notes on plan A. */
Role planOwnerOf(Role owner)
{
    return owner == Role::Office ? Role::A : owner;
}

/** Where a role's own writes go (the office has no plan: plan A, which it reads). */
Role sideOf(Role role)
{
    return role == Role::Office ? Role::A : role;
}

bool owns(Role actor, Role planOwner)
{
    return actor != Role::Office && actor == planOwner;
}

bool reads(Role actor, Role planOwner)
{
    return actor == Role::Office || actor == planOwner || planOwner == Role::A;
}

struct Fixture
{
    const EntitySpec *spec = nullptr;
    Role owner = Role::A;
    State state = State::Live;
    QString id;
};

/** set, delete, restore on an entity as it stands. */
bool mayWrite(Role actor, const Fixture &f)
{
    if (f.state == State::Missing || f.state == State::Sealed)
        return false;
    switch (kindOf(*f.spec)) {
    case Kind::Plan:
    case Kind::Content:
        return owns(actor, f.owner);
    case Kind::Office:
        return actor == Role::Office;
    case Kind::Author:
        return actor == f.owner;
    case Kind::Device:
        return false; // the fixtures are other devices' records
    }
    return false;
}

bool mayResolve(Role actor, const Fixture &f)
{
    if (!f.spec->field(u"resolved"_s))
        return mayWrite(actor, f);
    if (f.state == State::Missing || f.state == State::Sealed)
        return false;
    return actor == f.owner || actor == Role::Office || owns(actor, planOwnerOf(f.owner));
}

bool mayMove(Role actor, const Fixture &f)
{
    if (f.state == State::Missing || f.state == State::Sealed)
        return false;
    switch (kindOf(*f.spec)) {
    case Kind::Plan:
        return actor == Role::Office || owns(actor, f.owner);
    case Kind::Content:
        return owns(actor, f.owner) && owns(actor, sideOf(actor));
    case Kind::Office:
        return actor == Role::Office;
    case Kind::Author:
        return actor == f.owner && reads(actor, sideOf(actor));
    case Kind::Device:
        return false;
    }
    return false;
}

/** A create of a new id. */
bool mayCreate(Role actor, const EntitySpec &spec)
{
    switch (kindOf(spec)) {
    case Kind::Plan:
    case Kind::Author:
        return true; // belongs to nobody until its plan is set
    case Kind::Content:
        return actor != Role::Office;
    case Kind::Office:
        return actor == Role::Office;
    case Kind::Device:
        return false; // a new id that is not the writing device's
    }
    return false;
}

/** The write after a create of a new id: placing it in the owner's plan (or, without a parent, a field). */
bool mayPlace(Role actor, const EntitySpec &spec, Role owner)
{
    if (!mayCreate(actor, spec))
        return false;
    switch (kindOf(spec)) {
    case Kind::Plan:
        return actor == Role::Office || owns(actor, owner);
    case Kind::Content:
        return owns(actor, owner);
    case Kind::Author:
        return reads(actor, planOwnerOf(owner));
    case Kind::Office:
        return actor == Role::Office;
    case Kind::Device:
        return false;
    }
    return false;
}

/** Whether the actor's replica holds the entity (the local check can only judge what it holds). */
bool readable(Role actor, const Fixture &f)
{
    if (f.state == State::Missing)
        return true;
    switch (kindOf(*f.spec)) {
    case Kind::Office:
    case Kind::Device:
        return true;
    case Kind::Plan:
        return actor == Role::Office || actor == f.owner; // a plan of its own, not shared
    case Kind::Content:
        return reads(actor, f.owner);
    case Kind::Author:
        // A review note is between the office and the plan's municipality.
        if (f.owner == Role::Office)
            return actor == Role::Office || owns(actor, Role::A);
        return reads(actor, f.owner);
    }
    return false;
}

/** A valid value for a field, from its type (references: an entity the owner's side has of that type). */
QString sampleValue(const FieldSpec &field)
{
    switch (field.type) {
    case FieldType::ShortText:
    case FieldType::LongText:
        return u"Prüfwert"_s;
    case FieldType::Enum:
    case FieldType::Themes:
        return field.choices.value(0);
    case FieldType::Date:
        return u"2026-09-30"_s;
    case FieldType::Number:
        return u"7"_s;
    case FieldType::Bool:
        return u"true"_s;
    case FieldType::OrderKey:
        return OrderKey::between(QString(), QString());
    case FieldType::Reference:
        break;
    }
    return {};
}

/** The field a plain edit writes: the first that is not the parent, not of the review workflow, a reference last. */
const FieldSpec *plainField(const EntitySpec &spec)
{
    const FieldSpec *reference = nullptr;
    for (int i = 0; i < spec.fields.size(); ++i) {
        const FieldSpec &field = spec.fields[i];
        if (field.name == spec.parentField || spec.writerOf(i) == Writer::ReviewWorkflow)
            continue;
        if (field.type != FieldType::Reference)
            return &field;
        if (!reference && !field.target.isEmpty())
            reference = &field;
    }
    return reference;
}

/** One laptop: the account, its HTTP client, a replica of everything to build changes on, its LocalReplica. */
struct Laptop
{
    Role role = Role::A;
    QString user;
    QString password;
    QString municipalityId;
    QString planId;
    std::unique_ptr<QTemporaryDir> folder;
    std::unique_ptr<LocalReplica> local;
    std::unique_ptr<SyncClient> client;
    std::unique_ptr<ClientReplica> builder;
};

QString describeRejections(const PushResult &result)
{
    QStringList parts;
    for (const Rejection &rejection : result.rejected)
        parts << u"%1: %2 (%3)"_s.arg(rejection.id, rejection.error, rejection.message);
    return parts.join(u"; "_s);
}

} // namespace

class TestAuthorization : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();

    void matrixFromTheSchema();
    void reviewThreadsStayBetweenOfficeAndMunicipality();
    void sameFieldTwiceInOnePush();
    void overlongBaseListIsRefused();
    void overlongSeenListIsRefused();

private:
    bool makeLaptop(Role role, QString *why);
    bool push(Laptop &laptop, const QList<Change> &changes, QString *why);
    /** Pushes what the laptop's builder queued; every change must be accepted. */
    bool pushOutbox(Laptop &laptop, QString *why);
    /** Every laptop's builder learns everything the server has (the office reads it all). */
    bool shareEverything(QString *why);
    Laptop &laptop(Role role) { return role == Role::A ? m_a : role == Role::B ? m_b : m_office; }
    /** An entity of a type in the owner's plan (or of the office), made once and pushed: the parents of fixtures. */
    QString parentFor(Role owner, const QString &type, QString *why);
    /** The changes that make a new entity of a type for an owner (not applied, not pushed). */
    QList<Change> instanceChanges(Role owner, const EntitySpec &spec, const QString &id, QString *why);
    Fixture makeFixture(const EntitySpec &spec, Role owner, State state, QString *why);
    Change build(Role actor, Change::Op op, const Fixture &f, const QString &field, const QString &value,
                 bool allHeads = false);

    ServerProcess m_server;
    QTemporaryDir m_scratch;
    Laptop m_a, m_b, m_office;
    QHash<QString, QString> m_parents; ///< "owner/type" → id
    /** Stand-in laptops of devices whose own records are fixtures, by device id. */
    QHash<QString, std::shared_ptr<Laptop>> m_devices;
    QHash<QString, QString> m_deviceFixtures; ///< "owner/state" → device id
    QHash<Role, QList<Change>> m_unpushed; ///< fixtures made, not pushed yet
    bool flushFixtures(QString *why);
    /** The laptop's LocalReplica holds what the server lets it read, as after a sync. */
    bool fillLocal(Laptop &laptop, QString *why);
};

bool TestAuthorization::makeLaptop(Role role, QString *why)
{
    Laptop &l = laptop(role);
    l.role = role;
    l.user = uniqueName(role == Role::Office ? u"amt"_s : role == Role::A ? u"adorf"_s : u"bdorf"_s);
    l.password = l.user + passwordSuffix;
    QString municipalityName;
    if (role != Role::Office) {
        municipalityName = u"Gemeinde-"_s + l.user;
        const auto made = m_server.admin({ u"add-municipality"_s, municipalityName, u"--state"_s, u"Sachsen"_s, u"--cluster"_s, u"Süd"_s });
        const QStringList words = made.lines().value(0).split(u' ');
        if (!made.ok() || words.size() != 3) {
            *why = u"add-municipality: %1"_s.arg(QString::fromUtf8(made.err));
            return false;
        }
        l.municipalityId = words[1];
        l.planId = words[2];
    }
    const QString file = m_scratch.filePath(l.user + u".password"_s);
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly))
        return false;
    out.write(l.password.toUtf8());
    out.close();
    QStringList args { u"add-account"_s, l.user };
    if (role == Role::Office)
        args << u"--office"_s;
    else
        args << u"--municipality"_s << municipalityName;
    args << u"--password-file"_s << file;
    if (const auto added = m_server.admin(args); !added.ok()) {
        *why = u"add-account: %1"_s.arg(QString::fromUtf8(added.err));
        return false;
    }
    l.folder = std::make_unique<QTemporaryDir>();
    auto opened = LocalReplica::open(l.folder->path());
    if (!opened) {
        *why = opened.errorMessage();
        return false;
    }
    l.local = std::move(opened).value();
    l.client = std::make_unique<SyncClient>(m_server.baseUrl());
    const HttpResponse login = l.client->login(l.user, l.password, l.local->device());
    if (login.status != 200) {
        *why = u"login: %1"_s.arg(login.describe());
        return false;
    }
    const AccountInfo info { m_server.baseUrl().toString(), l.user, role == Role::Office ? u"office"_s : u"editor"_s,
                             l.municipalityId, l.planId };
    if (Status set = l.local->setAccount(info, l.client->token()); !set) {
        *why = set.errorMessage();
        return false;
    }
    l.builder = std::make_unique<ClientReplica>(l.user, l.local->device());
    return true;
}

bool TestAuthorization::push(Laptop &laptop, const QList<Change> &changes, QString *why)
{
    for (qsizetype at = 0; at < changes.size(); at += Protocol::maxPushChanges) {
        const QList<Change> part = changes.mid(at, Protocol::maxPushChanges);
        const PushResult pushed = laptop.client->push(part);
        if (pushed.status() != 200 || !pushed.rejected.isEmpty() || pushed.accepted.size() != part.size()) {
            *why = u"push by %1: %2; %3"_s.arg(laptop.user, pushed.response.describe(), describeRejections(pushed));
            return false;
        }
    }
    return true;
}

bool TestAuthorization::pushOutbox(Laptop &laptop, QString *why)
{
    return push(laptop, laptop.builder->takeOutbox(), why);
}

bool TestAuthorization::flushFixtures(QString *why)
{
    for (Role role : roles)
        if (!push(laptop(role), std::exchange(m_unpushed[role], {}), why))
            return false;
    return true;
}

bool TestAuthorization::fillLocal(Laptop &laptop, QString *why)
{
    const PullResult readable = laptop.client->pullAll(0);
    if (!readable.ok) {
        *why = readable.response.describe();
        return false;
    }
    const auto applied = laptop.local->store().applyRemote(readable.plainChanges(), u"test_cursor"_s,
                                                           QString::number(readable.next));
    if (!applied)
        *why = applied.errorMessage();
    return bool(applied);
}

bool TestAuthorization::shareEverything(QString *why)
{
    const PullResult all = m_office.client->pullAll(0);
    if (!all.ok) {
        *why = all.response.describe();
        return false;
    }
    for (Laptop *l : { &m_a, &m_b, &m_office })
        l->builder->receive(all.plainChanges());
    return true;
}

QList<Change> TestAuthorization::instanceChanges(Role owner, const EntitySpec &spec, const QString &id, QString *why)
{
    Laptop &l = laptop(owner);
    // What it refers to first: making that pushes (and may use this laptop's queue).
    QString parent;
    if (!spec.parentField.isEmpty()) {
        parent = parentFor(owner, spec.field(spec.parentField)->target, why);
        if (parent.isEmpty())
            return {};
    }
    const FieldSpec *field = isSealed(spec) ? nullptr : plainField(spec);
    const QString value = !field ? QString()
            : field->type == FieldType::Reference ? parentFor(Role::Office, field->target, why)
                                                  : sampleValue(*field);
    if (field && value.isEmpty())
        return {};
    auto set = [&](const QString &name, const QString &v) {
        // Built on what the builder has of the entity so far (applied at once), as a laptop would.
        l.builder->edit({ l.builder->makeSet(id, name, v) });
    };
    l.builder->edit({ l.builder->makeCreate(spec.name, id) });
    if (!parent.isEmpty())
        set(spec.parentField, parent);
    if (const FieldSpec *kind = spec.field(u"kind"_s); kind && kind->choices.contains(u"review"_s))
        set(u"kind"_s, owner == Role::Office ? u"review"_s : u"peer"_s);
    if (field)
        set(field->name, value);
    if (isSealed(spec)) {
        set(u"submitted_at"_s, u"2026-05-04T10:00:00.000Z"_s);
        set(u"snapshot"_s, u"eJwDAAAAAAE="_s); // last: it seals the version
    }
    return l.builder->takeOutbox();
}

QString TestAuthorization::parentFor(Role owner, const QString &type, QString *why)
{
    const Role side = owner == Role::Office && type != u"meeting"_s && type != u"municipality"_s ? Role::A : owner;
    if (type == u"plan"_s)
        return laptop(planOwnerOf(side)).planId;
    if (type == u"municipality"_s)
        return laptop(planOwnerOf(side)).municipalityId;
    const QString key = u"%1/%2"_s.arg(int(side)).arg(type);
    if (m_parents.contains(key))
        return m_parents.value(key);
    const EntitySpec *spec = Schema::instance().entity(type);
    // Plan content is its plan's editors' to make; what the office writes, the office makes.
    const Role maker = kindOf(*spec) == Kind::Office ? Role::Office : planOwnerOf(side);
    const QString id = LocalEditor::newId();
    const QList<Change> changes = instanceChanges(maker, *spec, id, why);
    if (changes.isEmpty() || !push(laptop(maker), changes, why))
        return {};
    for (Laptop *l : { &m_a, &m_b, &m_office })
        if (l != &laptop(maker))
            l->builder->receive(changes);
    m_parents.insert(key, id);
    return id;
}

Fixture TestAuthorization::makeFixture(const EntitySpec &spec, Role owner, State state, QString *why)
{
    Fixture f { &spec, owner, state, LocalEditor::newId() };
    if (state == State::Missing)
        return f;
    if (kindOf(spec) == Kind::Device) {
        // Nothing may write another device's record, so the cells share one per owner and state.
        const QString key = u"%1/%2"_s.arg(int(owner)).arg(int(state));
        if (m_deviceFixtures.contains(key))
            return { &spec, owner, state, m_deviceFixtures.value(key) };
        m_deviceFixtures.insert(key, f.id);
        // A device's record is written by that device: a laptop of the owner's account with that device id.
        auto device = std::make_shared<Laptop>();
        const Laptop &account = laptop(owner);
        device->user = account.user;
        device->client = std::make_unique<SyncClient>(m_server.baseUrl());
        if (device->client->login(account.user, account.password, f.id).status != 200) {
            *why = u"login of device %1 failed"_s.arg(f.id);
            return {};
        }
        device->builder = std::make_unique<ClientReplica>(account.user, f.id);
        device->builder->edit({ device->builder->makeCreate(spec.name, f.id) });
        device->builder->set(f.id, plainField(spec)->name, sampleValue(*plainField(spec)));
        if (state == State::Deleted)
            device->builder->remove(f.id);
        if (!pushOutbox(*device, why))
            return {};
        m_devices.insert(f.id, device);
        return f;
    }
    QList<Change> changes = instanceChanges(owner, spec, f.id, why);
    if (changes.isEmpty())
        return {};
    if (state == State::Deleted) {
        laptop(owner).builder->remove(f.id);
        changes << laptop(owner).builder->takeOutbox();
    }
    m_unpushed[owner] << changes; // pushed by flushFixtures(), many at once
    return f;
}

Change TestAuthorization::build(Role actor, Change::Op op, const Fixture &f, const QString &field,
                                const QString &value, bool allHeads)
{
    ClientReplica &builder = *laptop(actor).builder;
    LocalEditor editor(builder.clock(), builder.user());
    EntityRecord stub;
    stub.spec = f.spec;
    stub.id = f.id;
    stub.fields.resize(f.spec->fields.size());
    const EntityRecord &record = builder.entity(f.id) ? *builder.entity(f.id) : stub;
    switch (op) {
    case Change::Op::Create:
        return editor.create(f.spec->name, f.id);
    case Change::Op::Delete:
        return editor.remove(record);
    case Change::Op::Restore:
        return editor.restore(record);
    case Change::Op::Set:
        break;
    }
    Change change = editor.set(record, field, value);
    if (allHeads)
        if (const FieldState *state = record.state(field))
            change.base = state->headIds(); // a resolution: based on every head
    return change;
}

void TestAuthorization::initTestCase()
{
    QVERIFY(m_scratch.isValid());
    WERKSTATTPLAN_CHECK_TEST_STORE();
    QVERIFY(m_server.start());
    QString why;
    for (Role role : roles)
        QVERIFY2(makeLaptop(role, &why), qPrintable(why));
    QVERIFY2(shareEverything(&why), qPrintable(why));
    // Plan A is shared with peers, plan B is not.
    m_a.builder->set(m_a.planId, u"shared"_s, u"true"_s);
    QVERIFY2(pushOutbox(m_a, &why), qPrintable(why));
    m_b.builder->set(m_b.planId, u"shared"_s, u"false"_s);
    QVERIFY2(pushOutbox(m_b, &why), qPrintable(why));
}

void TestAuthorization::cleanup()
{
    if (QTest::currentTestFailed())
        m_server.dumpLog();
    m_server.clearLog();
}

void TestAuthorization::cleanupTestCase()
{
    if (m_server.isRunning())
        QVERIFY(m_server.terminate());
}

void TestAuthorization::matrixFromTheSchema()
{
    QString why;
    // One fixture per cell, so that no cell's accepted write changes another's target.
    struct Cell
    {
        Role actor;
        QString op;
        Fixture target;
        QList<Change> changes;
        QList<bool> expected;
    };
    QList<Cell> cells;
    const QStringList ops { u"create"_s, u"set"_s, u"delete"_s, u"restore"_s, u"resolve"_s, u"move"_s };
    QList<Fixture> fixtures;
    // WERKSTATTPLAN_MATRIX_SKIP=type,…: leaves types out, to run the matrix against a server of an older schema.
    const QStringList skipped = qEnvironmentVariable("WERKSTATTPLAN_MATRIX_SKIP").split(u',', Qt::SkipEmptyParts);
    for (const EntitySpec &spec : Schema::instance().entities())
        for (Role owner : skipped.contains(spec.name) ? QList<Role>() : ownersOf(spec))
            for (State state : statesOf(spec))
                for (Role actor : roles)
                    for (const QString &op : ops) {
                        if (op == u"move"_s && spec.parentField.isEmpty())
                            continue;
                        const Fixture f = makeFixture(spec, owner, state, &why);
                        QVERIFY2(f.spec, qPrintable(u"fixture %1 of %2 (%3): %4"_s.arg(spec.name, roleName(owner),
                                                                                    stateName(state), why)));
                        cells.append({ actor, op, f, {}, {} });
                    }
    QVERIFY2(flushFixtures(&why), qPrintable(why));
    QVERIFY2(shareEverything(&why), qPrintable(why));

    for (Cell &cell : cells) {
        const Fixture &f = cell.target;
        const EntitySpec &spec = *f.spec;
        const FieldSpec *field = plainField(spec);
        QString value = field->type == FieldType::Reference ? parentFor(Role::Office, field->target, &why)
                                                            : sampleValue(*field);
        if (cell.op == u"create"_s) {
            if (f.state != State::Missing) {
                cell.changes << build(cell.actor, Change::Op::Create, f, {}, {});
                cell.expected << false; // the id exists: never a create
                continue;
            }
            cell.changes << build(cell.actor, Change::Op::Create, f, {}, {});
            cell.expected << mayCreate(cell.actor, spec);
            // Placed in the owner's plan in the same push: the plan decides.
            Fixture created = f;
            created.state = State::Live;
            if (!spec.parentField.isEmpty()) {
                const QString parent = parentFor(f.owner, spec.field(spec.parentField)->target, &why);
                QVERIFY2(!parent.isEmpty(), qPrintable(why));
                cell.changes << build(cell.actor, Change::Op::Set, created, spec.parentField, parent);
            } else {
                cell.changes << build(cell.actor, Change::Op::Set, created, field->name, value);
            }
            cell.expected << mayPlace(cell.actor, spec, f.owner);
        } else if (cell.op == u"set"_s) {
            cell.changes << build(cell.actor, Change::Op::Set, f, field->name, value);
            cell.expected << mayWrite(cell.actor, f);
        } else if (cell.op == u"delete"_s) {
            cell.changes << build(cell.actor, Change::Op::Delete, f, {}, {});
            cell.expected << mayWrite(cell.actor, f);
        } else if (cell.op == u"restore"_s) {
            cell.changes << build(cell.actor, Change::Op::Restore, f, {}, {});
            cell.expected << mayWrite(cell.actor, f);
        } else if (cell.op == u"resolve"_s) {
            if (spec.field(u"resolved"_s))
                cell.changes << build(cell.actor, Change::Op::Set, f, u"resolved"_s, u"true"_s);
            else
                cell.changes << build(cell.actor, Change::Op::Set, f, field->name, value, true);
            cell.expected << mayResolve(cell.actor, f);
        } else {
            const QString destination = parentFor(sideOf(cell.actor), spec.field(spec.parentField)->target, &why);
            QVERIFY2(!destination.isEmpty(), qPrintable(why));
            cell.changes << build(cell.actor, Change::Op::Set, f, spec.parentField, destination);
            cell.expected << mayMove(cell.actor, f);
        }
    }

    QVERIFY2(flushFixtures(&why), qPrintable(why));
    for (Laptop *l : { &m_a, &m_b, &m_office })
        QVERIFY2(fillLocal(*l, &why), qPrintable(why));

    // One push per actor and type and op: the cells of a push touch different entities.
    QStringList problems;
    QSet<QString> accepted, refused;
    int checkedLocally = 0;
    for (Role actor : roles) {
        for (const EntitySpec &spec : Schema::instance().entities()) {
            for (const QString &op : ops) {
                QList<const Cell *> group;
                QList<Change> batch;
                for (const Cell &cell : std::as_const(cells)) {
                    if (cell.actor == actor && cell.op == op && cell.target.spec == &spec) {
                        group << &cell;
                        batch << cell.changes;
                    }
                }
                if (batch.isEmpty())
                    continue;
                const QList<Status> local = laptop(actor).local->check(batch);
                const PushResult pushed = laptop(actor).client->push(batch);
                QVERIFY2(pushed.status() == 200, qPrintable(pushed.response.describe()));
                qsizetype at = 0;
                for (const Cell *cell : std::as_const(group)) {
                    for (qsizetype i = 0; i < cell->changes.size(); ++i, ++at) {
                        const Change &change = cell->changes[i];
                        const QString outcome = pushed.outcomeOf(change.id);
                        const QString where = u"%1 %2 %3 of %4 (%5), change %6 (%7 %8)"_s.arg(
                                roleName(actor), op, spec.name, roleName(cell->target.owner),
                                stateName(cell->target.state)).arg(i).arg(Change::opName(change.op), change.field);
                        const bool allowed = cell->expected[i];
                        if (allowed ? !outcome.isEmpty() : outcome != u"forbidden"_s)
                            problems << u"server: %1: expected %2, got %3"_s.arg(
                                    where, allowed ? u"accepted"_s : u"forbidden"_s,
                                    outcome.isEmpty() ? u"accepted"_s : outcome);
                        (outcome.isEmpty() ? accepted : refused).insert(change.id);
                        if (!readable(actor, cell->target))
                            continue; // the server judges by what this replica cannot read
                        ++checkedLocally;
                        const Status &verdict = local.at(at);
                        if (bool(verdict) != allowed || (!allowed && verdict.errorCode() != u"forbidden"_s))
                            problems << u"local check: %1: expected %2, got %3 (%4)"_s.arg(
                                    where, allowed ? u"ok"_s : u"forbidden"_s,
                                    verdict ? u"ok"_s : verdict.errorCode(), verdict ? QString() : verdict.errorMessage());
                    }
                }
            }
        }
    }
    qInfo() << cells.size() << "cells," << accepted.size() + refused.size() << "changes pushed," << refused.size()
            << "refused," << checkedLocally << "checked locally too";
    QVERIFY2(problems.isEmpty(), qPrintable(u"%1 of the matrix' verdicts are wrong:\n"_s.arg(problems.size())
                                            + problems.mid(0, 60).join(u'\n')));

    // The office reads everything: what was accepted is stored, nothing refused is.
    const PullResult stored = m_office.client->pullAll(0);
    QVERIFY2(stored.ok, qPrintable(stored.response.describe()));
    const QStringList ids = stored.ids();
    const QSet<QString> storedIds(ids.cbegin(), ids.cend());
    QSet<QString> leaked = refused;
    leaked.intersect(storedIds);
    QVERIFY2(leaked.isEmpty(), qPrintable(u"%1 refused changes are stored: %2"_s.arg(leaked.size()).arg(
                                           QStringList(leaked.cbegin(), leaked.cend()).mid(0, 5).join(u", "_s))));
    QSet<QString> lost = accepted;
    lost.subtract(storedIds);
    QVERIFY2(lost.isEmpty(), qPrintable(u"%1 accepted changes are not stored"_s.arg(lost.size())));
}

void TestAuthorization::reviewThreadsStayBetweenOfficeAndMunicipality()
{
    QString why;
    QVERIFY2(shareEverything(&why), qPrintable(why));
    const QString plan = m_a.planId; // shared: peers read it
    // The office's review note, the municipality's answer, an answer to that, and a peer's comment.
    const QString note = m_office.builder->create(u"comment"_s, { { u"plan"_s, plan }, { u"target"_s, plan },
                                                                  { u"body"_s, u"Bitte Budget ergänzen Prüfnotiz"_s },
                                                                  { u"kind"_s, u"review"_s } });
    QVERIFY2(pushOutbox(m_office, &why), qPrintable(why));
    m_a.builder->receive(m_office.client->pullAll(0).plainChanges());
    const QString answer = m_a.builder->create(u"comment"_s, { { u"plan"_s, plan }, { u"reply_to"_s, note },
                                                               { u"body"_s, u"Budget folgt Prüfantwort"_s },
                                                               { u"kind"_s, u"peer"_s } });
    QVERIFY2(pushOutbox(m_a, &why), qPrintable(why));
    m_office.builder->receive(m_a.client->pullAll(0).plainChanges());
    const QString followUp = m_office.builder->create(u"comment"_s, { { u"plan"_s, plan }, { u"reply_to"_s, answer },
                                                                      { u"body"_s, u"Danke Prüfdank"_s } });
    QVERIFY2(pushOutbox(m_office, &why), qPrintable(why));
    const QString peer = m_b.builder->create(u"comment"_s, { { u"plan"_s, plan }, { u"target"_s, plan },
                                                             { u"body"_s, u"Schöner Plan Prüfpeer"_s },
                                                             { u"kind"_s, u"peer"_s } });
    QVERIFY2(pushOutbox(m_b, &why), qPrintable(why));
    const QStringList thread { note, answer, followUp };

    // A peer cannot join the thread either.
    const Change intrusion = m_b.builder->makeSet(peer, u"reply_to"_s, note);
    QCOMPARE(m_b.client->push({ intrusion }).outcomeOf(intrusion.id), u"forbidden"_s);

    for (Laptop *reader : { &m_a, &m_b, &m_office }) {
        const bool insider = reader != &m_b;
        const PullResult pulled = reader->client->pullAll(0);
        QVERIFY2(pulled.ok, qPrintable(pulled.response.describe()));
        const BootstrapResult boot = reader->client->bootstrap();
        QVERIFY2(boot.ok, qPrintable(boot.response.describe()));
        QSet<QString> pulledEntities, bootEntities;
        for (const auto &[seq, change] : pulled.changes)
            pulledEntities.insert(change.entityId);
        for (const SnapshotEntity &entity : boot.entities)
            bootEntities.insert(entity.record.id);
        for (const QString &id : thread) {
            QVERIFY2(pulledEntities.contains(id) == insider,
                     qPrintable(u"%1 pulls %2: %3"_s.arg(reader->user, id).arg(pulledEntities.contains(id))));
            QVERIFY2(bootEntities.contains(id) == insider,
                     qPrintable(u"%1 bootstraps %2: %3"_s.arg(reader->user, id).arg(bootEntities.contains(id))));
        }
        QVERIFY2(pulledEntities.contains(peer) && bootEntities.contains(peer), "peer comments stay visible to peers");

        // The client's search shows the same, even on a replica that holds the thread (synced before the
        // server kept it apart): here everyone's replica is given the office's view.
        auto folder = std::make_unique<QTemporaryDir>();
        auto replica = LocalReplica::open(folder->path());
        QVERIFY(replica);
        const AccountInfo info { m_server.baseUrl().toString(), reader->user,
                                 reader == &m_office ? u"office"_s : u"editor"_s, reader->municipalityId,
                                 reader->planId };
        QVERIFY(replica.value()->setAccount(info, {}));
        QVERIFY(replica.value()->store().applyRemote(m_office.client->pullAll(0).plainChanges(), u"c"_s, u"0"_s));
        for (const QString &word : { u"Prüfnotiz"_s, u"Prüfantwort"_s, u"Prüfdank"_s }) {
            const auto hits = replica.value()->search(word);
            QVERIFY2(hits, qPrintable(hits.errorMessage()));
            QVERIFY2(hits->isEmpty() != insider, qPrintable(u"%1 searches %2: %3"_s.arg(reader->user, word).arg(hits->size())));
        }
        const auto peerHits = replica.value()->search(u"Prüfpeer"_s);
        QVERIFY(peerHits && peerHits->size() == 1);
    }
}

void TestAuthorization::sameFieldTwiceInOnePush()
{
    QString why;
    QVERIFY2(shareEverything(&why), qPrintable(why));
    const QString plan = m_a.planId;
    // Both writes built on the same state, as `set M title=a title=b` made them: they would conflict.
    QVERIFY2(fillLocal(m_a, &why), qPrintable(why));
    const Change first = m_a.builder->makeSet(plan, u"title"_s, u"Erster Titel"_s);
    const Change second = m_a.builder->makeSet(plan, u"title"_s, u"Zweiter Titel"_s);
    const QList<Status> local = m_a.local->check({ first, second });
    QCOMPARE(local.size(), 2);
    QVERIFY2(local.at(0), qPrintable(local.at(0).errorMessage()));
    QCOMPARE(local.at(1).errorCode(), u"duplicate_field"_s);
    const PushResult pushed = m_a.client->push({ first, second });
    QCOMPARE(pushed.status(), 200);
    QCOMPARE(pushed.outcomeOf(first.id), QString());
    QCOMPARE(pushed.outcomeOf(second.id), u"duplicate_field"_s);

    // Written in sequence, the second based on the first: both accepted, the last one is the value.
    m_a.builder->receive({ first });
    const Change third = m_a.builder->makeSet(plan, u"title"_s, u"Dritter Titel"_s);
    m_a.builder->receive({ third });
    const Change fourth = m_a.builder->makeSet(plan, u"title"_s, u"Vierter Titel"_s);
    const PushResult chained = m_a.client->push({ third, fourth });
    QVERIFY2(chained.rejected.isEmpty(), qPrintable(describeRejections(chained)));

    ClientReplica office(m_office.user, u"check"_s);
    office.receive(m_office.client->pullAll(0).plainChanges());
    QCOMPARE(office.value(plan, u"title"_s), u"Vierter Titel"_s);
    for (const Conflict &conflict : office.state().conflicts())
        QVERIFY2(conflict.entityId != plan, "the plan's title conflicts with itself");
}

void TestAuthorization::overlongBaseListIsRefused()
{
    QString why;
    QVERIFY2(shareEverything(&why), qPrintable(why));
    auto withBase = [&](int count) {
        Change change = m_a.builder->makeSet(m_a.planId, u"vision"_s, u"Vision %1"_s.arg(count));
        change.base.clear();
        for (int i = 0; i < count; ++i)
            change.base << u"unknown-base:%1"_s.arg(i);
        return change;
    };
    const Change atCap = withBase(Change::maxBase);
    const Change overCap = withBase(Change::maxBase + 1);
    const Change farOver = withBase(60000);
    const PushResult pushed = m_a.client->push({ atCap });
    QCOMPARE(pushed.outcomeOf(atCap.id), QString());
    for (const Change &change : { overCap, farOver }) {
        const PushResult refused = m_a.client->push({ change });
        QCOMPARE(refused.status(), 200);
        QCOMPARE(refused.outcomeOf(change.id), u"malformed_change"_s);
        QVERIFY2(describeRejections(refused).contains(u"at most %1 base versions"_s.arg(Change::maxBase)),
                 qPrintable(describeRejections(refused)));
    }
}

void TestAuthorization::overlongSeenListIsRefused()
{
    QString why;
    const QString field = parentFor(Role::A, u"field_of_action"_s, &why);
    QVERIFY2(!field.isEmpty(), qPrintable(why));
    const qsizetype cap = Change::maxSeen(Schema::instance().entity(u"field_of_action"_s)->fields.size());
    auto withSeen = [&](qsizetype count) {
        Change change = m_a.builder->makeRemove(field);
        change.seen.clear();
        for (qsizetype i = 0; i < count; ++i)
            change.seen << u"unknown-seen:%1"_s.arg(i);
        return change;
    };
    for (const Change &change : { withSeen(cap + 1), withSeen(60000) }) {
        const PushResult refused = m_a.client->push({ change });
        QCOMPARE(refused.status(), 200);
        QCOMPARE(refused.outcomeOf(change.id), u"malformed_change"_s);
        QVERIFY2(describeRejections(refused).contains(u"at most %1 seen versions"_s.arg(cap)),
                 qPrintable(describeRejections(refused)));
    }
    const Change atCap = withSeen(cap);
    QCOMPARE(m_a.client->push({ atCap }).outcomeOf(atCap.id), QString());
}

QTEST_GUILESS_MAIN(TestAuthorization)
#include "tst_authorization.moc"

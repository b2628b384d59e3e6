// SPDX-License-Identifier: GPL-3.0-or-later
// werkstattplan-cli apply end to end: edits as JSON lines from real CLI processes, checked as the single
// commands check them, synced through the real werkstattplan-server to other replicas.
#include "helpers/cliprocess.h"
#include "model/schema.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace CliTest;

namespace {

constexpr qint64 maxLine = 1024 * 1024; // EditLine::maxBytes, as docs/cli.md promises it

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray setLine(const QString &id, const QJsonObject &values)
{
    return json({ { u"op"_s, u"set"_s }, { u"id"_s, id }, { u"values"_s, values } });
}

QByteArray addLine(const QString &type, const QString &parent, const QJsonObject &values)
{
    return json({ { u"op"_s, u"add"_s }, { u"type"_s, type }, { u"parent"_s, parent }, { u"values"_s, values } });
}

QByteArray opLine(const QString &op, const QString &id)
{
    return json({ { u"op"_s, op }, { u"id"_s, id } });
}

/** The result lines of an apply run, each a JSON object. */
QList<QJsonObject> results(const CliRun &run)
{
    QList<QJsonObject> lines;
    for (const QByteArray &line : run.out.split('\n')) {
        if (!line.isEmpty())
            lines << QJsonDocument::fromJson(line).object();
    }
    return lines;
}

/** A set line padded with spaces inside the JSON to exactly bytes bytes. */
QByteArray paddedSet(const QString &id, qint64 bytes)
{
    QByteArray line = setLine(id, { { u"title"_s, u"Gepolstert"_s } });
    line.insert(1, QByteArray(bytes - line.size(), ' '));
    return line;
}

} // namespace

class TestApply : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void everyOpAppliesAndPrintsItsId();
    void refusedLineIsReportedAndTheOthersApply_data();
    void refusedLineIsReportedAndTheOthersApply();
    void linesAtAndOverTheBound();
    void everyEditOfAnotherMunicipalityIsForbidden();
    void atomicStoresNothingWhenALineIsRefused();
    void appliedEditsSyncToAnotherReplica();
    void resultsComeWhileTheInputPauses();
    void aKilledRunKeepsEveryPrintedLineAndNoGap();
    void readsAFileAndRefusesAMissingOne();

private:
    std::unique_ptr<Laptop> laptop(const QString &user, const QString &name);
    /** A field, goal and measure in Adorf's plan made with apply on device; the measure's id. */
    QString makeMeasure(const Laptop &device);
    /** apply with input on stdin. */
    static CliRun apply(const Laptop &device, const QByteArray &input, const QStringList &extra = {});

    Server m_server;
    QTemporaryDir m_secrets;
    QString m_adorfPlan;
    std::unique_ptr<Laptop> m_anna;
};

void TestApply::initTestCase()
{
    QVERIFY2(QFile::exists(cliBinary()), qPrintable(cliBinary()));
    QVERIFY(m_secrets.isValid());
    QVERIFY(m_server.start());
    for (const QString &name : { u"Adorf/Vogtl."_s, u"Riesa"_s }) {
        const auto added = m_server.admin(
            { u"add-municipality"_s, name, u"--state"_s, u"Sachsen"_s, u"--cluster"_s, u"Süd"_s });
        QVERIFY2(added.ok(), added.err.constData());
        if (m_adorfPlan.isEmpty())
            m_adorfPlan = added.lines().value(0).split(u' ').value(2);
    }
    const QList<QStringList> accounts { { u"adorf-anna"_s, u"--municipality"_s, u"Adorf/Vogtl."_s },
                                        { u"adorf-ben"_s, u"--municipality"_s, u"Adorf/Vogtl."_s },
                                        { u"riesa-carla"_s, u"--municipality"_s, u"Riesa"_s } };
    for (const QStringList &account : accounts) {
        QFile secret(m_secrets.filePath(account[0]));
        QVERIFY(secret.open(QIODevice::WriteOnly));
        secret.write(account[0].toUtf8() + "-Werkstatt-2026\n");
        secret.close();
        const auto added = m_server.admin(QStringList { u"add-account"_s, account[0], u"--password-file"_s,
                                                        secret.fileName() } + account.mid(1));
        QVERIFY2(added.ok(), added.err.constData());
    }
    m_anna = laptop(u"adorf-anna"_s, u"anna"_s);
    QVERIFY(m_anna);
}

void TestApply::init()
{
    if (!m_server.isRunning())
        QVERIFY(m_server.start());
}

std::unique_ptr<Laptop> TestApply::laptop(const QString &user, const QString &name)
{
    return connectedLaptop(m_server, user, m_secrets.filePath(user), name);
}

CliRun TestApply::apply(const Laptop &device, const QByteArray &input, const QStringList &extra)
{
    return device.run(QStringList { u"apply"_s } + extra, input);
}

QString TestApply::makeMeasure(const Laptop &device)
{
    QString parent = m_adorfPlan;
    for (const QString &type : { u"field"_s, u"goal"_s, u"measure"_s }) {
        const CliRun added = apply(device, addLine(type, parent, { { u"title"_s, QString(u"Neu: "_s + type) } }) + '\n');
        const QList<QJsonObject> lines = results(added);
        if (!added.ok() || lines.size() != 1 || !lines[0].value(u"ok"_s).toBool()) {
            qWarning().noquote() << added.describe();
            return {};
        }
        parent = lines[0].value(u"id"_s).toString();
    }
    return parent;
}

void TestApply::everyOpAppliesAndPrintsItsId()
{
    const QString measure = makeMeasure(*m_anna);
    QVERIFY(!measure.isEmpty());
    QCOMPARE(m_anna->value(measure, u"title"_s), u"Neu: measure"_s);

    const QByteArray input = setLine(measure, { { u"title"_s, u"Ausbildungsmesse"_s }, { u"status"_s, u"planned"_s } })
            + '\n' + addLine(u"milestone"_s, measure, { { u"title"_s, u"Aussteller gewinnen"_s } }) + '\n'
            + setLine(measure, { { u"description"_s, u"Im Rathaus"_s } }) + '\n'
            + setLine(measure, { { u"description"_s, QJsonValue::Null } }) + '\n' + opLine(u"delete"_s, measure)
            + '\n' + opLine(u"restore"_s, measure) + "\r\n";
    const CliRun run = apply(*m_anna, input);
    QVERIFY2(run.ok(), run.describe());
    QVERIFY2(run.err.isEmpty(), run.describe());
    const QList<QJsonObject> lines = results(run);
    QCOMPARE(lines.size(), 6);
    for (int i = 0; i < lines.size(); ++i) {
        QCOMPARE(lines[i].value(u"line"_s).toInt(), i + 1);
        QCOMPARE(lines[i].value(u"ok"_s).toBool(), true);
        QCOMPARE(lines[i].size(), 3); // line, ok, id
    }
    const QString milestone = lines[1].value(u"id"_s).toString();
    QVERIFY(!milestone.isEmpty() && milestone != measure);
    for (int i : { 0, 2, 3, 4, 5 })
        QCOMPARE(lines[i].value(u"id"_s).toString(), measure);

    const QJsonObject shown = m_anna->show(measure);
    QCOMPARE(shown.value(u"state"_s).toString(), u"live"_s);
    QCOMPARE(shown.value(u"values"_s).toObject().value(u"title"_s).toString(), u"Ausbildungsmesse"_s);
    QCOMPARE(shown.value(u"values"_s).toObject().value(u"status"_s).toString(), u"planned"_s);
    QCOMPARE(shown.value(u"values"_s).toObject().value(u"description"_s).toString(), QString());
    // The printed id is the entity's: the single commands and the next apply use it.
    QCOMPARE(m_anna->value(milestone, u"measure"_s), measure);
    QVERIFY(m_anna->ok({ u"set"_s, milestone, u"title=Aussteller eingeladen"_s }));
    const CliRun again = apply(*m_anna, opLine(u"delete"_s, milestone));
    QVERIFY2(again.ok(), again.describe());
    QCOMPARE(m_anna->show(milestone).value(u"state"_s).toString(), u"deleted"_s);
    // Empty input: nothing to do, nothing printed.
    const CliRun nothing = apply(*m_anna, {});
    QVERIFY2(nothing.ok() && nothing.out.isEmpty() && nothing.err.isEmpty(), nothing.describe());
}

void TestApply::refusedLineIsReportedAndTheOthersApply_data()
{
    QTest::addColumn<QByteArray>("line"); // %1: the measure's id, %2: the plan's
    QTest::addColumn<QString>("code");
    QTest::newRow("malformed json") << QByteArray(R"({"op":"set","id":)") << u"malformed_json"_s;
    QTest::newRow("invalid utf-8") << QByteArray("{\"op\":\"set\",\"id\":\"\xff\xfe\"}") << u"malformed_json"_s;
    QTest::newRow("not an object") << QByteArray(R"([1,2,3])") << u"malformed_json"_s;
    QTest::newRow("unknown op") << QByteArray(R"({"op":"rename","id":"%1"})") << u"unknown_op"_s;
    QTest::newRow("op not text") << QByteArray(R"({"op":7,"id":"%1"})") << u"unknown_op"_s;
    QTest::newRow("no op") << QByteArray(R"({"id":"%1","values":{}})") << u"missing_member"_s;
    QTest::newRow("set without id") << QByteArray(R"({"op":"set","values":{"title":"x"}})") << u"missing_member"_s;
    QTest::newRow("set without values") << QByteArray(R"({"op":"set","id":"%1"})") << u"missing_member"_s;
    QTest::newRow("add without type") << QByteArray(R"({"op":"add","parent":"%1"})") << u"missing_member"_s;
    QTest::newRow("delete without id") << QByteArray(R"({"op":"delete"})") << u"missing_member"_s;
    QTest::newRow("misspelt member") << QByteArray(R"({"op":"set","id":"%1","valuse":{}})") << u"unknown_member"_s;
    QTest::newRow("id not text") << QByteArray(R"({"op":"delete","id":42})") << u"bad_request"_s;
    QTest::newRow("values not object") << QByteArray(R"({"op":"set","id":"%1","values":"x"})") << u"bad_request"_s;
    QTest::newRow("value a number") << QByteArray(R"({"op":"set","id":"%1","values":{"title":3}})") << u"invalid_value"_s;
    QTest::newRow("unknown field") << QByteArray(R"({"op":"set","id":"%1","values":{"colour":"rot"}})") << u"unknown_field"_s;
    QTest::newRow("value too long") << QByteArray(R"({"op":"set","id":"%1","values":{"title":")")
                    + QByteArray(Schema::shortTextMax + 1, 'x') + "\"}}" << u"value_too_long"_s;
    QTest::newRow("not a choice") << QByteArray(R"({"op":"set","id":"%1","values":{"status":"someday"}})") << u"invalid_value"_s;
    QTest::newRow("unknown id") << QByteArray(R"({"op":"set","id":"nope","values":{"title":"x"}})") << u"not_found"_s;
    QTest::newRow("restore a live one") << QByteArray(R"({"op":"restore","id":"%1"})") << u"not_deleted"_s;
    QTest::newRow("add a plan") << QByteArray(R"({"op":"add","type":"plan","values":{}})") << u"unknown_type"_s;
    QTest::newRow("add a nonsense type") << QByteArray(R"({"op":"add","type":"rocket","parent":"%2"})") << u"unknown_type"_s;
    QTest::newRow("add without parent") << QByteArray(R"({"op":"add","type":"goal","values":{}})") << u"bad_request"_s;
    QTest::newRow("add under the wrong parent") << QByteArray(R"({"op":"add","type":"goal","parent":"%2"})") << u"bad_request"_s;
    QTest::newRow("empty line") << QByteArray() << u"empty_line"_s;
    QTest::newRow("blank line") << QByteArray(" \t ") << u"empty_line"_s;
}

void TestApply::refusedLineIsReportedAndTheOthersApply()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, code);
    static QString measure;
    if (measure.isEmpty())
        measure = makeMeasure(*m_anna);
    QVERIFY(!measure.isEmpty());
    const QByteArray bad = line.replace("%1", measure.toUtf8()).replace("%2", m_adorfPlan.toUtf8());
    const int pendingBefore = m_anna->status().value(u"pending"_s).toInt(-1);

    // A good line before and after: the refusal stops nothing (without --atomic), loses nothing.
    const QString tag = QString::fromLatin1(QTest::currentDataTag());
    const QByteArray input = setLine(measure, { { u"title"_s, QString(u"Vorher "_s + tag) } }) + '\n' + bad + '\n'
            + setLine(measure, { { u"description"_s, QString(u"Nachher "_s + tag) } }) + '\n';
    const CliRun run = apply(*m_anna, input);
    QVERIFY2(!run.crashed && run.exitCode == 1, run.describe());
    QVERIFY2(run.errorText().startsWith(u"werkstattplan-cli: line 2: "_s), run.describe());
    QVERIFY2(run.errorText().contains(u"[%1]"_s.arg(code)), run.describe());
    const QList<QJsonObject> lines = results(run);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[0], (QJsonObject { { u"line"_s, 1 }, { u"ok"_s, true }, { u"id"_s, measure } }));
    QCOMPARE(lines[1].value(u"line"_s).toInt(), 2);
    QCOMPARE(lines[1].value(u"ok"_s).toBool(true), false);
    QCOMPARE(lines[1].value(u"error"_s).toString(), code);
    QVERIFY(!lines[1].value(u"message"_s).toString().isEmpty());
    QCOMPARE(lines[2], (QJsonObject { { u"line"_s, 3 }, { u"ok"_s, true }, { u"id"_s, measure } }));

    QCOMPARE(m_anna->value(measure, u"title"_s), u"Vorher "_s + tag);
    QCOMPARE(m_anna->value(measure, u"description"_s), u"Nachher "_s + tag);
    QCOMPARE(m_anna->show(measure).value(u"state"_s).toString(), u"live"_s);
    QCOMPARE(m_anna->status().value(u"pending"_s).toInt(-1), pendingBefore + 2); // the refused line queued nothing
}

void TestApply::linesAtAndOverTheBound()
{
    const QString measure = makeMeasure(*m_anna);
    QVERIFY(!measure.isEmpty());
    // Exactly at the bound (with "\r\n" after it): an edit like any other. One byte over, and far over
    // without a line end at all: refused, and the lines around them apply.
    const QByteArray input = paddedSet(measure, maxLine) + "\r\n" + paddedSet(measure, maxLine + 1) + '\n'
            + setLine(measure, { { u"status"_s, u"done"_s } }) + '\n' + QByteArray(8 * maxLine, '{');
    const CliRun run = apply(*m_anna, input);
    QVERIFY2(!run.crashed && run.exitCode == 1, run.describe().left(3000));
    QVERIFY2(run.errorText().startsWith(u"werkstattplan-cli: line 2: "_s), run.describe().left(3000));
    const QList<QJsonObject> lines = results(run);
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines[0].value(u"ok"_s).toBool(), true);
    QCOMPARE(lines[1].value(u"error"_s).toString(), u"line_too_long"_s);
    QCOMPARE(lines[2].value(u"ok"_s).toBool(), true);
    QCOMPARE(lines[3].value(u"error"_s).toString(), u"line_too_long"_s);
    QCOMPARE(lines[3].value(u"line"_s).toInt(), 4);
    QCOMPARE(m_anna->value(measure, u"title"_s), u"Gepolstert"_s);
    QCOMPARE(m_anna->value(measure, u"status"_s), u"done"_s);
}

void TestApply::everyEditOfAnotherMunicipalityIsForbidden()
{
    // Adorf's plan with one entity of every type apply adds; Riesa's laptop holds it and may edit none of it.
    const QString measure = makeMeasure(*m_anna);
    QVERIFY(!measure.isEmpty());
    const CliRun milestone = apply(*m_anna, addLine(u"milestone"_s, measure, { { u"title"_s, u"Termin"_s } }));
    QVERIFY2(milestone.ok(), milestone.describe());
    QVERIFY(m_anna->sync());
    const auto riesa = laptop(u"riesa-carla"_s, u"riesa"_s);
    QVERIFY(riesa);

    // Generated from the schema: for every entity of Adorf's plan, every field set to the value it has
    // (valid, so only the account's rules can refuse it), a delete, and an add of every child type apply adds.
    const Schema &schema = Schema::instance();
    const QStringList addable { u"field_of_action"_s, u"goal"_s, u"measure"_s, u"milestone"_s };
    QStringList ids { m_adorfPlan, results(milestone).value(0).value(u"id"_s).toString() };
    for (const QString &listed : { u"fields"_s, u"goals"_s, u"measures"_s }) {
        for (const QJsonValue &row : riesa->list(listed)) {
            if (row.toObject().value(u"plan"_s).toString() == m_adorfPlan)
                ids << row.toObject().value(u"id"_s).toString();
        }
    }
    QByteArray input;
    QHash<QString, QJsonObject> before;
    int expected = 0;
    QSet<QString> typesSeen;
    for (const QString &id : std::as_const(ids)) {
        const QJsonObject shown = riesa->show(id);
        before.insert(id, shown);
        const QString type = shown.value(u"type"_s).toString();
        const EntitySpec *spec = schema.entity(type);
        QVERIFY2(spec, qPrintable(id));
        typesSeen << type;
        const QJsonObject values = shown.value(u"values"_s).toObject();
        for (const FieldSpec &field : spec->fields) {
            if (field.name == spec->parentField)
                continue; // moving an entry to another parent is its own rule
            input += setLine(id, { { field.name, values.value(field.name) } }) + '\n';
            ++expected;
        }
        if (type != u"plan"_s) {
            input += opLine(u"delete"_s, id) + '\n';
            ++expected;
        }
        for (const EntitySpec &child : schema.entities()) {
            const FieldSpec *parent = child.parentField.isEmpty() ? nullptr : child.field(child.parentField);
            if (parent && parent->target == type && addable.contains(child.name)) {
                input += addLine(child.name, id, { { u"title"_s, u"Von Riesa"_s } }) + '\n';
                ++expected;
            }
        }
    }
    QCOMPARE(typesSeen, (QSet<QString> { u"plan"_s, u"field_of_action"_s, u"goal"_s, u"measure"_s, u"milestone"_s }));
    const CliRun run = apply(*riesa, input);
    QVERIFY2(!run.crashed && run.exitCode == 1, run.describe());
    QVERIFY2(run.errorText().startsWith(u"werkstattplan-cli: line 1: "_s), run.describe());
    const QList<QJsonObject> lines = results(run);
    QCOMPARE(lines.size(), expected);
    for (const QJsonObject &line : lines)
        QVERIFY2(line.value(u"error"_s).toString() == u"forbidden"_s, json(line).constData());
    QCOMPARE(riesa->status().value(u"pending"_s).toInt(-1), 0);
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        QCOMPARE(riesa->show(it.key()), it.value());
}

void TestApply::atomicStoresNothingWhenALineIsRefused()
{
    const QString measure = makeMeasure(*m_anna);
    QVERIFY(!measure.isEmpty());
    QVERIFY(m_anna->sync());
    const QJsonObject before = m_anna->show(measure);
    const QJsonArray historyBefore = m_anna->history(measure);
    const QJsonArray measuresBefore = m_anna->list(u"measures"_s);
    const QByteArray good = setLine(measure, { { u"title"_s, u"Alles oder nichts"_s } }) + '\n'
            + addLine(u"milestone"_s, measure, { { u"title"_s, u"Ein Termin"_s } }) + '\n' + opLine(u"delete"_s, measure)
            + '\n' + opLine(u"restore"_s, measure) + '\n';
    // The last line is refused by the replica's own rules (a second restore of a live entry), after the
    // earlier lines were applied in the transaction.
    const CliRun refused = apply(*m_anna, good + opLine(u"restore"_s, measure) + '\n'
                                         + setLine(measure, { { u"title"_s, u"Nie gelesen"_s } }) + '\n',
                                 { u"--atomic"_s });
    QVERIFY2(!refused.crashed && refused.exitCode == 1, refused.describe());
    QVERIFY2(refused.errorText().startsWith(u"werkstattplan-cli: line 5: "_s), refused.describe());
    const QList<QJsonObject> lines = results(refused);
    QCOMPARE(lines.size(), 5); // the line after the refusal is not read
    for (int i = 0; i < 4; ++i)
        QCOMPARE(lines[i].value(u"error"_s).toString(), u"rolled_back"_s);
    QCOMPARE(lines[4].value(u"error"_s).toString(), u"not_deleted"_s);
    QCOMPARE(m_anna->show(measure), before);
    QCOMPARE(m_anna->status().value(u"pending"_s).toInt(-1), 0);
    QCOMPARE(m_anna->history(measure), historyBefore);
    QCOMPARE(m_anna->list(u"measures"_s), measuresBefore);

    const CliRun applied = apply(*m_anna, good, { u"--atomic"_s });
    QVERIFY2(applied.ok(), applied.describe());
    const QList<QJsonObject> done = results(applied);
    QCOMPARE(done.size(), 4);
    for (const QJsonObject &line : done)
        QCOMPARE(line.value(u"ok"_s).toBool(), true);
    QCOMPARE(m_anna->value(measure, u"title"_s), u"Alles oder nichts"_s);
    QCOMPARE(m_anna->show(measure).value(u"state"_s).toString(), u"live"_s);
    QCOMPARE(m_anna->value(done[1].value(u"id"_s).toString(), u"title"_s), u"Ein Termin"_s);
}

void TestApply::appliedEditsSyncToAnotherReplica()
{
    const QString measure = makeMeasure(*m_anna);
    QVERIFY(!measure.isEmpty());
    QByteArray input;
    constexpr int edits = 300;
    for (int i = 0; i < edits; ++i)
        input += setLine(measure, { { u"description"_s, u"Fassung %1"_s.arg(i) } }) + '\n';
    input += addLine(u"milestone"_s, measure, { { u"title"_s, u"Synchron"_s } }) + '\n';
    const CliRun run = apply(*m_anna, input);
    QVERIFY2(run.ok(), run.describe());
    const QList<QJsonObject> lines = results(run);
    QCOMPARE(lines.size(), edits + 1);
    const QString milestone = lines.last().value(u"id"_s).toString();
    QVERIFY(m_anna->sync());
    QCOMPARE(m_anna->status().value(u"pending"_s).toInt(-1), 0);

    const auto ben = laptop(u"adorf-ben"_s, u"ben"_s);
    QVERIFY(ben);
    QCOMPARE(ben->value(measure, u"description"_s), u"Fassung %1"_s.arg(edits - 1));
    QCOMPARE(ben->value(milestone, u"title"_s), u"Synchron"_s);
    QCOMPARE(ben->value(milestone, u"measure"_s), measure);
    // Every edit reached the server one by one, as a single command's would.
    QVERIFY(ben->history(measure).size() >= edits);
}

void TestApply::resultsComeWhileTheInputPauses()
{
    const QString measure = makeMeasure(*m_anna);
    QVERIFY(!measure.isEmpty());
    const auto process = m_anna->startReading({ u"apply"_s });
    QVERIFY(process->waitForStarted());
    QByteArray printed;
    for (int round = 1; round <= 3; ++round) {
        // Each line in two writes with a pause between: a line cut by the pipe is read to its end.
        const QByteArray line = setLine(measure, { { u"title"_s, u"Runde %1"_s.arg(round) } }) + '\n';
        process->write(line.left(line.size() / 2));
        QVERIFY(process->waitForBytesWritten(cliTimeoutMs));
        QTest::qWait(50);
        process->write(line.mid(line.size() / 2));
        // The writer waits for the answer before it writes more: the result must come with the input open.
        QVERIFY2(QTest::qWaitFor([&] {
                     printed += process->readAllStandardOutput();
                     return printed.count('\n') == round;
                 }, 20000),
                 printed.constData());
        QCOMPARE(process->state(), QProcess::Running);
        // Printed means stored and committed: another process reads it while the run goes on.
        QCOMPARE(m_anna->value(measure, u"title"_s), u"Runde %1"_s.arg(round));
    }
    process->closeWriteChannel();
    QVERIFY(process->waitForFinished(cliTimeoutMs));
    QCOMPARE(process->exitCode(), 0);
}

void TestApply::aKilledRunKeepsEveryPrintedLineAndNoGap()
{
    const QString measure = makeMeasure(*m_anna);
    QVERIFY(!measure.isEmpty());
    const QString goal = m_anna->value(measure, u"goal"_s);
    const QString prefix = u"Schritt %1 "_s.arg(QDateTime::currentMSecsSinceEpoch());
    auto addStep = [&](int step) -> QByteArray {
        return addLine(u"measure"_s, goal, QJsonObject { { u"title"_s, QString(prefix + QString::number(step)) } }) + '\n';
    };
    constexpr int firstBurst = 40;
    constexpr int secondBurst = 3000;
    const auto process = m_anna->startReading({ u"apply"_s });
    QVERIFY(process->waitForStarted());
    QByteArray input;
    for (int step = 0; step < firstBurst; ++step)
        input += addStep(step);
    process->write(input);
    QByteArray printed;
    QVERIFY2(QTest::qWaitFor([&] {
        printed += process->readAllStandardOutput();
        return printed.count('\n') >= firstBurst;
    }, 20000), QByteArray(printed + process->readAllStandardError()).constData());
    // A second burst, and the run killed while it works through it (in the middle of a group, most likely).
    input.clear();
    for (int step = firstBurst; step < firstBurst + secondBurst; ++step)
        input += addStep(step);
    process->write(input);
    QVERIFY(QTest::qWaitFor([&] {
        printed += process->readAllStandardOutput();
        return printed.count('\n') > firstBurst;
    }, 20000));
    process->kill();
    QVERIFY(process->waitForFinished(cliTimeoutMs));
    printed += process->readAllStandardOutput();

    // Every complete result line printed says ok and names a stored entity of its line.
    QList<QByteArray> resultLines = printed.split('\n');
    resultLines.removeLast(); // the part after the last line end: empty, or a line cut by the kill
    QVERIFY(resultLines.size() > firstBurst);
    QMap<QString, int> stored; // id -> step, of the measures the run made
    for (const QJsonValue &entity : m_anna->list(u"measures"_s)) {
        const QJsonObject values = entity.toObject().value(u"values"_s).toObject();
        const QString title = values.value(u"title"_s).toString();
        if (title.startsWith(prefix))
            stored.insert(entity.toObject().value(u"id"_s).toString(), title.mid(prefix.size()).toInt());
    }
    for (const QByteArray &line : std::as_const(resultLines)) {
        const QJsonObject result = QJsonDocument::fromJson(line).object();
        QVERIFY2(result.value(u"ok"_s).toBool(), line.constData());
        const QString id = result.value(u"id"_s).toString();
        QVERIFY2(stored.contains(id), line.constData());
        QCOMPARE(stored.value(id), result.value(u"line"_s).toInt() - 1);
    }
    // No gap and nothing twice: the stored steps are exactly the first ones, each once.
    QList<int> steps = stored.values();
    std::sort(steps.begin(), steps.end());
    for (int i = 0; i < steps.size(); ++i)
        QCOMPARE(steps[i], i);
    QVERIFY(steps.size() >= resultLines.size());
    // The replica is sound: opened without being set aside, and the next run goes on from there.
    const QStringList setAside = QDir(m_anna->folder()).entryList({ u"*.damaged-*"_s });
    QVERIFY2(setAside.isEmpty(), qPrintable(setAside.join(u", "_s)));
    const CliRun next = apply(*m_anna, addStep(int(steps.size())));
    QVERIFY2(next.ok(), next.describe());
    QCOMPARE(m_anna->value(results(next).value(0).value(u"id"_s).toString(), u"title"_s),
             prefix + QString::number(steps.size()));
}

void TestApply::readsAFileAndRefusesAMissingOne()
{
    const QString measure = makeMeasure(*m_anna);
    QVERIFY(!measure.isEmpty());
    QTemporaryDir dir;
    const QString file = dir.filePath(u"edits.jsonl"_s);
    QFile edits(file);
    QVERIFY(edits.open(QIODevice::WriteOnly));
    edits.write(setLine(measure, { { u"title"_s, u"Aus der Datei"_s } })); // no line end at the end
    edits.close();
    const CliRun run = m_anna->run({ u"apply"_s, file });
    QVERIFY2(run.ok(), run.describe());
    QCOMPARE(results(run).size(), 1);
    QCOMPARE(m_anna->value(measure, u"title"_s), u"Aus der Datei"_s);

    const int pending = m_anna->status().value(u"pending"_s).toInt(-1);
    const CliRun missing = m_anna->run({ u"apply"_s, dir.filePath(u"missing.jsonl"_s) });
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.out.isEmpty() && missing.errorText().contains(u"cannot read"_s), missing.describe());
    const CliRun twoFiles = m_anna->run({ u"apply"_s, file, file });
    QCOMPARE(twoFiles.exitCode, 1);
    QCOMPARE(m_anna->status().value(u"pending"_s).toInt(-1), pending);
}

QTEST_GUILESS_MAIN(TestApply)
#include "tst_apply.moc"

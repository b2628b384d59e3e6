// SPDX-License-Identifier: GPL-3.0-or-later
// End-to-end tests of werkstattplan-cli: real CLI processes with their own replica folders
// (two laptops of Adorf, one of Riesa, the office) against the real werkstattplan-server.
#include "helpers/clientreplica.h"
#include "helpers/cliprocess.h"
#include "helpers/serverprocess.h"
#include "helpers/syncclient.h"
#include "localreplica.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

using namespace Qt::Literals::StringLiterals;
using namespace CliTest;

namespace {

// Two days, in milliseconds: far beyond the server's one-minute bound.
constexpr qint64 twoDaysMs = 2LL * 24 * 60 * 60 * 1000;
// Enough changes for several push batches (SyncEngine::pushBatchSize), so a kill lands mid-sync.
constexpr int bulkMeasures = 600;

struct Account
{
    QString user;
    QString password;
    QString municipalityId;
    QString planId;
};

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void localOnlyReplicaWorksWithoutServer();
    void invalidCommandsWriteNothing_data();
    void invalidCommandsWriteNothing();
    void offlineEditSyncsLaterAndEveryoneSeesIt();
    void peerCannotEditAnotherPlan();
    void concurrentEdits_data();
    void concurrentEdits();
    void deleteWhileEditingConflictsAndRestoreWorks();
    void serverKilledDuringPushLosesNothing();
    void clientKilledMidSyncResumes();
    void clockAheadIsRejectedAndListed();
    void corruptedReplicaIsSetAsideAndRebuilt();
    void searchAndExportWorkOffline();

private:
    /** A connected and synced laptop of an account. */
    std::unique_ptr<Laptop> laptop(const Account &account, const QString &name);
    /** A field of action, goal and measure in Adorf's plan, made on laptop and synced; the measure id. */
    QString makeMeasure(const Laptop &laptop, const QString &title);
    /** Adds measures under goal through the client core in this process (thousands of CLI runs would be
     * slow). */
    bool bulkAdd(const Laptop &laptop, const QString &goalId, int count, const QString &prefix);
    QString goalOf(const Laptop &laptop, const QString &measureId) const;

    Server m_server;
    QTemporaryDir m_secrets;
    Account m_adorfAnna;
    Account m_adorfBen;
    Account m_riesa;
    Account m_office;
};

void TestCli::initTestCase()
{
    QVERIFY2(QFile::exists(cliBinary()), qPrintable(cliBinary()));
    QVERIFY(m_secrets.isValid());
    QVERIFY(m_server.start());

    auto municipality = [this](const QString &name, Account *account) {
        const auto added = m_server.admin(
            { u"add-municipality"_s, name, u"--state"_s, u"Sachsen"_s, u"--cluster"_s, u"Süd"_s });
        const QStringList words = added.lines().value(0).split(u' ');
        if (!added.ok() || words.size() != 3 || words[0] != u"municipality"_s) {
            qWarning() << added.out << added.err;
            return false;
        }
        account->municipalityId = words[1];
        account->planId = words[2];
        return true;
    };
    auto accountFor = [this](Account *account, const QString &user, const QStringList &where) {
        account->user = user;
        account->password = u"%1-Werkstatt-2026"_s.arg(user);
        const QString file = m_secrets.filePath(user);
        QFile secret(file);
        if (!secret.open(QIODevice::WriteOnly) || secret.write(account->password.toUtf8() + '\n') < 0)
            return false;
        secret.close();
        const auto added
            = m_server.admin(QStringList { u"add-account"_s, user, u"--password-file"_s, file } + where);
        if (!added.ok())
            qWarning() << added.out << added.err;
        return added.ok();
    };
    QVERIFY(municipality(u"Adorf/Vogtl."_s, &m_adorfAnna));
    m_adorfBen = m_adorfAnna;
    QVERIFY(municipality(u"Riesa"_s, &m_riesa));
    QVERIFY(accountFor(&m_adorfAnna, u"adorf-anna"_s, { u"--municipality"_s, u"Adorf/Vogtl."_s }));
    QVERIFY(accountFor(&m_adorfBen, u"adorf-ben"_s, { u"--municipality"_s, u"Adorf/Vogtl."_s }));
    QVERIFY(accountFor(&m_riesa, u"riesa-carla"_s, { u"--municipality"_s, u"Riesa"_s }));
    QVERIFY(accountFor(&m_office, u"office-dora"_s, { u"--office"_s }));
}

void TestCli::init()
{
    if (!m_server.isRunning())
        QVERIFY(m_server.start());
}

void TestCli::cleanup()
{
    if (QTest::currentTestFailed())
        m_server.dumpLog();
}

std::unique_ptr<Laptop> TestCli::laptop(const Account &account, const QString &name)
{
    return connectedLaptop(m_server, account.user, m_secrets.filePath(account.user), name);
}

QString TestCli::makeMeasure(const Laptop &laptop, const QString &title)
{
    const QString field = laptop.add(u"field"_s, m_adorfAnna.planId, { u"title=Fachkräfte sichern"_s });
    const QString goal
        = field.isEmpty() ? QString() : laptop.add(u"goal"_s, field, { u"title=Mehr Ausbildungsplätze"_s });
    const QString measure = goal.isEmpty() ? QString()
                                           : laptop.add(u"measure"_s, goal,
                                               { u"title="_s + title, u"status=idea"_s,
                                                   u"description=Die Ausbildungsmesse findet im Frühjahr "
                                                   "im Rathaus statt und richtet sich an Schülerinnen und "
                                                   "Schüler der Oberschule."_s });
    return measure.isEmpty() || !laptop.sync() ? QString() : measure;
}

bool TestCli::bulkAdd(const Laptop &laptop, const QString &goalId, int count, const QString &prefix)
{
    auto opened = LocalReplica::open(laptop.folder());
    if (!opened) {
        qWarning() << opened.errorMessage();
        return false;
    }
    for (int i = 0; i < count; ++i) {
        const auto added = opened.value()->add(u"measure"_s, goalId,
            { { u"title"_s, u"%1 %2"_s.arg(prefix).arg(i) }, { u"status"_s, u"planned"_s },
                { u"description"_s, u"Sammelmaßnahme Nummer %1"_s.arg(i) } });
        if (!added) {
            qWarning() << added.errorMessage();
            return false;
        }
    }
    return true;
}

QString TestCli::goalOf(const Laptop &laptop, const QString &measureId) const
{
    return laptop.value(measureId, u"goal"_s);
}

// ------------------------------------------------------------------------------------------------

void TestCli::localOnlyReplicaWorksWithoutServer()
{
    Laptop alone(u"local-only"_s);
    const CliRun status = alone.run({ u"status"_s, u"--json"_s });
    QVERIFY2(status.ok(), status.describe());
    QCOMPARE(status.json().toObject().value(u"state"_s).toString(), u"localonly"_s);
    QCOMPARE(status.json().toObject().value(u"pending"_s).toInt(-1), 0);
    QVERIFY(status.json().toObject().value(u"last_complete_sync"_s).isNull());
    for (const QString &what :
        { u"plans"_s, u"fields"_s, u"goals"_s, u"measures"_s, u"conflicts"_s, u"rejected"_s }) {
        const CliRun listed = alone.run({ u"list"_s, what, u"--json"_s });
        QVERIFY2(listed.ok(), listed.describe());
        QVERIFY2(listed.json().isArray() && listed.json().toArray().isEmpty(), listed.describe());
    }
    const CliRun found = alone.run({ u"search"_s, u"Fachkräfte"_s });
    QVERIFY2(found.ok(), found.describe());
    const CliRun exported = alone.run({ u"export"_s, u"json"_s });
    QVERIFY2(exported.ok(), exported.describe());
    QVERIFY(exported.json().toObject().value(u"synced_at"_s).isNull());
    QVERIFY(exported.json().toObject().value(u"measures"_s).isArray());

    // Nothing to sync with: a clear message and a non-zero exit.
    const CliRun synced = alone.run({ u"sync"_s });
    QCOMPARE(synced.exitCode, 1);
    QVERIFY2(synced.errorText().contains(u"connect"_s), synced.describe());

    // No server at the address: exit 2 and the replica stays unconnected.
    const CliRun noServer
        = alone.run({ u"connect"_s, u"http://127.0.0.1:9"_s, u"--user"_s, u"nobody"_s }, "secret\n");
    QCOMPARE(noServer.exitCode, 2);
    QVERIFY(!noServer.errorText().isEmpty());
    QVERIFY(alone.status().value(u"account"_s).isNull());
}

void TestCli::invalidCommandsWriteNothing_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expectedMessage");

    // "@M" is the measure, "@G" its goal, "@R" Riesa's plan.
    QTest::addRow("unknown id") << QStringList { u"set"_s, u"no-such-id"_s, u"title=x"_s } << u"no-such-id"_s;
    QTest::addRow("unknown field") << QStringList { u"set"_s, u"@M"_s, u"colour=red"_s } << u"colour"_s;
    QTest::addRow("number field, text value")
        << QStringList { u"set"_s, u"@M"_s, u"budget=viel"_s } << u"budget"_s;
    QTest::addRow("enum field, unknown choice")
        << QStringList { u"set"_s, u"@M"_s, u"status=fertig"_s } << u"status"_s;
    QTest::addRow("date field, not a date")
        << QStringList { u"set"_s, u"@M"_s, u"end_date=31.12.2026"_s } << u"end_date"_s;
    QTest::addRow("one bad field among good ones")
        << QStringList { u"set"_s, u"@M"_s, u"title=Neu"_s, u"budget=viel"_s } << u"budget"_s;
    QTest::addRow("not FIELD=VALUE") << QStringList { u"set"_s, u"@M"_s, u"title"_s } << u"FIELD=VALUE"_s;
    // Two values for one field would conflict with each other (issue 13, item 12): refused, nothing written.
    QTest::addRow("the same field twice")
        << QStringList { u"set"_s, u"@M"_s, u"title=a"_s, u"title=b"_s } << u"title is given twice"_s;
    QTest::addRow("add with the same field twice") << QStringList { u"add"_s, u"measure"_s, u"--parent"_s,
        u"@G"_s, u"--set"_s, u"title=a"_s, u"--set"_s, u"title=b"_s } << u"title is given twice"_s;
    QTest::addRow("add under a missing parent")
        << QStringList { u"add"_s, u"measure"_s, u"--parent"_s, u"no-such-goal"_s, u"--set"_s, u"title=x"_s }
        << u"no-such-goal"_s;
    QTest::addRow("add under a parent of the wrong type") << QStringList { u"add"_s, u"measure"_s,
        u"--parent"_s, u"@M"_s, u"--set"_s, u"title=x"_s } << u"goal"_s;
    QTest::addRow("add to another municipality's plan") << QStringList { u"add"_s, u"field"_s, u"--parent"_s,
        u"@R"_s, u"--set"_s, u"title=x"_s } << u"forbidden"_s;
    QTest::addRow("editor sets review status reviewed")
        << QStringList { u"set"_s, u"@P"_s, u"review_status=reviewed"_s } << u"forbidden"_s;
    QTest::addRow("resolve an unknown conflict") << QStringList { u"resolve"_s, u"no-such-conflict"_s,
        u"--keep"_s, u"mine"_s } << u"no-such-conflict"_s;
    QTest::addRow("resolve without a choice") << QStringList { u"resolve"_s, u"x"_s } << u"--keep"_s;
    QTest::addRow("restore a live entity") << QStringList { u"restore"_s, u"@M"_s } << u"not deleted"_s;
    QTest::addRow("unknown command") << QStringList { u"frobnicate"_s } << u"frobnicate"_s;
    QTest::addRow("unknown option") << QStringList { u"list"_s, u"plans"_s, u"--colour"_s } << u"colour"_s;
    QTest::addRow("list an unknown kind") << QStringList { u"list"_s, u"cats"_s } << u"list what"_s;
    QTest::addRow("list an unknown municipality")
        << QStringList { u"list"_s, u"measures"_s, u"--municipality"_s, u"Atlantis"_s } << u"Atlantis"_s;
}

void TestCli::invalidCommandsWriteNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expectedMessage);

    const auto anna = laptop(m_adorfAnna, u"anna"_s);
    QVERIFY(anna);
    const QString measure = makeMeasure(*anna, u"Ausbildungsmesse"_s);
    QVERIFY(!measure.isEmpty());
    const QString goal = goalOf(*anna, measure);
    for (QString &argument : arguments) {
        argument.replace(u"@M"_s, measure).replace(u"@G"_s, goal).replace(u"@R"_s, m_riesa.planId);
        argument.replace(u"@P"_s, m_adorfAnna.planId);
    }
    const QJsonObject before = anna->show(measure);
    const QJsonArray historyBefore = anna->history(measure);
    const QJsonArray measuresBefore = anna->list(u"measures"_s);
    const QJsonArray fieldsBefore = anna->list(u"fields"_s);

    const CliRun refused = anna->run(arguments);
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.out.isEmpty(), refused.describe());
    QVERIFY2(refused.errorText().contains(expectedMessage, Qt::CaseInsensitive), refused.describe());

    QCOMPARE(anna->status().value(u"pending"_s).toInt(-1), 0);
    QCOMPARE(anna->show(measure), before);
    QCOMPARE(anna->history(measure), historyBefore);
    QCOMPARE(anna->list(u"measures"_s), measuresBefore);
    QCOMPARE(anna->list(u"fields"_s), fieldsBefore);
}

void TestCli::offlineEditSyncsLaterAndEveryoneSeesIt()
{
    const auto anna = laptop(m_adorfAnna, u"anna"_s);
    const auto ben = laptop(m_adorfBen, u"ben"_s);
    const auto riesa = laptop(m_riesa, u"riesa"_s);
    const auto office = laptop(m_office, u"office"_s);
    QVERIFY(anna && ben && riesa && office);
    const QString measure = makeMeasure(*anna, u"Ausbildungsmesse"_s);
    QVERIFY(!measure.isEmpty());

    QVERIFY(m_server.stop());
    QVERIFY(anna->ok({ u"set"_s, measure, u"title=Ausbildungsmesse im Herbst"_s, u"status=planned"_s }));
    const CliRun failed = anna->run({ u"sync"_s });
    QCOMPARE(failed.exitCode, 2);
    QVERIFY2(!failed.errorText().isEmpty(), failed.describe());
    QJsonObject status = anna->status();
    QCOMPARE(status.value(u"pending"_s).toInt(), 2);
    QVERIFY2(status.value(u"state"_s).toString() != u"online"_s, QJsonDocument(status).toJson());
    // The edit is there locally at once, server or not.
    QCOMPARE(anna->value(measure, u"title"_s), u"Ausbildungsmesse im Herbst"_s);

    QVERIFY(m_server.start());
    QVERIFY(anna->sync());
    status = anna->status();
    QCOMPARE(status.value(u"pending"_s).toInt(-1), 0);
    QVERIFY(status.value(u"error"_s).isNull());
    QVERIFY(!status.value(u"last_complete_sync"_s).isNull());

    for (const Laptop *other : { ben.get(), riesa.get(), office.get() }) {
        QVERIFY2(other->sync(), qPrintable(other->name()));
        QCOMPARE(other->value(measure, u"title"_s), u"Ausbildungsmesse im Herbst"_s);
        QCOMPARE(other->value(measure, u"status"_s), u"planned"_s);
        QCOMPARE(other->show(measure), anna->show(measure));
    }
}

void TestCli::peerCannotEditAnotherPlan()
{
    const auto anna = laptop(m_adorfAnna, u"anna"_s);
    const auto riesa = laptop(m_riesa, u"riesa"_s);
    const auto office = laptop(m_office, u"office"_s);
    QVERIFY(anna && riesa && office);
    const QString measure = makeMeasure(*anna, u"Ausbildungsmesse"_s);
    QVERIFY(!measure.isEmpty());
    QVERIFY(riesa->sync());
    QVERIFY(office->sync());
    const QJsonObject before = riesa->show(measure);
    QCOMPARE(before.value(u"values"_s).toObject().value(u"title"_s).toString(), u"Ausbildungsmesse"_s);
    const QJsonArray historyBefore = riesa->history(measure);

    // The peer reads Adorf's plan, but its CLI refuses to edit it and writes nothing.
    for (const QStringList &arguments : { QStringList { u"set"_s, measure, u"title=Übernommen von Riesa"_s },
             QStringList { u"delete"_s, measure },
             QStringList { u"add"_s, u"milestone"_s, u"--parent"_s, measure, u"--set"_s, u"title=x"_s } }) {
        const CliRun refused = riesa->run(arguments);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.errorText().contains(u"forbidden"_s), refused.describe());
    }
    QCOMPARE(riesa->status().value(u"pending"_s).toInt(-1), 0);
    QCOMPARE(riesa->show(measure), before);
    QCOMPARE(riesa->history(measure), historyBefore);
    // The office reviews but does not write plan content either.
    const CliRun officeRefused = office->run({ u"set"_s, measure, u"title=Vom Büro"_s });
    QCOMPARE(officeRefused.exitCode, 1);
    QCOMPARE(office->status().value(u"pending"_s).toInt(-1), 0);
    // A peer may comment on a shared plan.
    const QString comment = riesa->add(u"comment"_s, m_adorfAnna.planId,
        { u"target="_s + measure, u"body=Wie viele Betriebe kamen?"_s, u"kind=peer"_s });
    QVERIFY(!comment.isEmpty());
    QVERIFY(riesa->sync());

    // A change crafted past the CLI is refused by the server itself.
    CraftedClient crafted(m_server, m_riesa.user, m_riesa.password, u"crafted-device"_s);
    QVERIFY(crafted.signedIn);
    const Change forged = crafted.replica.makeSet(measure, u"title"_s, u"Übernommen von Riesa"_s);
    const PushResult pushed = crafted.client.push({ forged });
    QCOMPARE(pushed.status(), 200);
    QCOMPARE(pushed.outcomeOf(forged.id), u"forbidden"_s);

    QVERIFY(anna->sync());
    QVERIFY(office->sync());
    for (const Laptop *device : { anna.get(), office.get() }) {
        QCOMPARE(device->value(measure, u"title"_s), u"Ausbildungsmesse"_s);
        QCOMPARE(device->value(comment, u"body"_s), u"Wie viele Betriebe kamen?"_s);
    }
}

void TestCli::concurrentEdits_data()
{
    QTest::addColumn<QStringList>("annaEdit");
    QTest::addColumn<QStringList>("benEdit");
    QTest::addColumn<bool>("conflict");
    // Without a conflict: the values both laptops must end with.
    QTest::addColumn<QStringList>("expected");

    const QString base = u"Die Ausbildungsmesse findet im Frühjahr im Rathaus statt und richtet sich an "
                         "Schülerinnen und Schüler der Oberschule."_s;
    QString autumn = base;
    autumn.replace(u"Frühjahr"_s, u"Herbst"_s);
    QString youth = base;
    youth.replace(u"Schülerinnen und Schüler der Oberschule"_s, u"Jugendliche aller Schulen im Landkreis"_s);
    QString both = autumn;
    both.replace(u"Schülerinnen und Schüler der Oberschule"_s, u"Jugendliche aller Schulen im Landkreis"_s);
    QString winter = base;
    winter.replace(u"Frühjahr"_s, u"Winter"_s);

    QTest::addRow("different fields of one measure")
        << QStringList { u"status=planned"_s } << QStringList { u"responsible=Bauamt Adorf"_s } << false
        << QStringList { u"status=planned"_s, u"responsible=Bauamt Adorf"_s };
    QTest::addRow("the same short field")
        << QStringList { u"title=Messe im Rathaus"_s } << QStringList { u"title=Messe in der Stadthalle"_s }
        << true << QStringList {};
    QTest::addRow("disjoint parts of one description")
        << QStringList { u"description="_s + autumn } << QStringList { u"description="_s + youth } << false
        << QStringList { u"description="_s + both };
    QTest::addRow("overlapping parts of one description")
        << QStringList { u"description="_s + autumn } << QStringList { u"description="_s + winter } << true
        << QStringList {};
}

void TestCli::concurrentEdits()
{
    QFETCH(QStringList, annaEdit);
    QFETCH(QStringList, benEdit);
    QFETCH(bool, conflict);
    QFETCH(QStringList, expected);

    const auto anna = laptop(m_adorfAnna, u"anna"_s);
    const auto ben = laptop(m_adorfBen, u"ben"_s);
    QVERIFY(anna && ben);
    const QString measure = makeMeasure(*anna, u"Ausbildungsmesse"_s);
    QVERIFY(!measure.isEmpty());
    QVERIFY(ben->sync());

    // Both edit without seeing each other, then sync in turn.
    QVERIFY(anna->ok(QStringList { u"set"_s, measure } + annaEdit));
    QVERIFY(ben->ok(QStringList { u"set"_s, measure } + benEdit));
    QVERIFY(anna->sync());
    QVERIFY(ben->sync());
    QVERIFY(anna->sync());

    const QJsonArray annaConflicts = anna->list(u"conflicts"_s);
    QCOMPARE(ben->list(u"conflicts"_s), annaConflicts);
    QCOMPARE(ben->show(measure), anna->show(measure));
    if (!conflict) {
        QVERIFY2(annaConflicts.isEmpty(), QJsonDocument(annaConflicts).toJson());
        for (const QString &pair : std::as_const(expected)) {
            const qsizetype eq = pair.indexOf(u'=');
            QCOMPARE(anna->value(measure, pair.left(eq)), pair.mid(eq + 1));
        }
        return;
    }

    QCOMPARE(annaConflicts.size(), 1);
    const QJsonObject open = annaConflicts.first().toObject();
    const QString field = annaEdit.first().section(u'=', 0, 0);
    const QString annaValue = annaEdit.first().section(u'=', 1);
    const QString benValue = benEdit.first().section(u'=', 1);
    QCOMPARE(open.value(u"field"_s).toString(), field);
    QCOMPARE(open.value(u"kind"_s).toString(), u"concurrent_edit"_s);
    // Both values are kept: one as the value, the other in the conflict.
    const QSet<QString> values { open.value(u"kept"_s).toObject().value(u"value"_s).toString(),
        open.value(u"other"_s).toObject().value(u"value"_s).toString() };
    QCOMPARE(values, (QSet<QString> { annaValue, benValue }));
    QCOMPARE(anna->value(measure, field), open.value(u"kept"_s).toObject().value(u"value"_s).toString());
    QCOMPARE(anna->status().value(u"conflicts"_s).toInt(), 1);

    // Ben keeps Anna's value ("theirs" from his laptop); both converge on it.
    QVERIFY(ben->ok({ u"resolve"_s, open.value(u"id"_s).toString(), u"--keep"_s, u"theirs"_s }));
    QVERIFY(ben->list(u"conflicts"_s).isEmpty());
    QVERIFY(ben->sync());
    QVERIFY(anna->sync());
    QVERIFY(anna->list(u"conflicts"_s).isEmpty());
    QCOMPARE(anna->value(measure, field), annaValue);
    QCOMPARE(ben->show(measure), anna->show(measure));

    // A second round resolved by a new value, on the other laptop.
    QVERIFY(anna->ok({ u"set"_s, measure, field + u"=Anna zwei"_s }));
    QVERIFY(ben->ok({ u"set"_s, measure, field + u"=Ben zwei"_s }));
    QVERIFY(anna->sync());
    QVERIFY(ben->sync());
    QVERIFY(anna->sync());
    const QJsonArray again = anna->list(u"conflicts"_s);
    QCOMPARE(again.size(), 1);
    QVERIFY(anna->ok({ u"resolve"_s, again.first().toObject().value(u"id"_s).toString(), u"--value"_s,
        u"Gemeinsam entschieden"_s }));
    QVERIFY(anna->sync());
    QVERIFY(ben->sync());
    QCOMPARE(ben->value(measure, field), u"Gemeinsam entschieden"_s);
    QVERIFY(ben->list(u"conflicts"_s).isEmpty());
    QCOMPARE(ben->show(measure), anna->show(measure));
}

void TestCli::deleteWhileEditingConflictsAndRestoreWorks()
{
    const auto anna = laptop(m_adorfAnna, u"anna"_s);
    const auto ben = laptop(m_adorfBen, u"ben"_s);
    QVERIFY(anna && ben);
    const QString measure = makeMeasure(*anna, u"Ausbildungsmesse"_s);
    QVERIFY(!measure.isEmpty());
    QVERIFY(ben->sync());

    QVERIFY(anna->ok({ u"delete"_s, measure }));
    QVERIFY(ben->ok({ u"set"_s, measure, u"responsible=Wirtschaftsförderung"_s }));
    QVERIFY(anna->sync());
    QVERIFY(ben->sync());
    QVERIFY(anna->sync());

    for (const Laptop *device : { anna.get(), ben.get() }) {
        const QJsonObject shown = device->show(measure);
        QCOMPARE(shown.value(u"state"_s).toString(), u"deleted"_s);
        const QJsonArray conflicts = device->list(u"conflicts"_s);
        QCOMPARE(conflicts.size(), 1);
        QCOMPARE(conflicts.first().toObject().value(u"kind"_s).toString(), u"edit_vs_delete"_s);
        QCOMPARE(conflicts.first().toObject().value(u"entity"_s).toString(), measure);
    }
    QCOMPARE(ben->show(measure), anna->show(measure));
    // A deleted measure is not listed, and not editable until restored.
    QVERIFY(!anna->run({ u"list"_s, u"measures"_s }).text().contains(measure));
    QCOMPARE(anna->run({ u"set"_s, measure, u"title=x"_s }).exitCode, 1);

    QVERIFY(anna->ok({ u"restore"_s, measure }));
    QVERIFY(anna->sync());
    QVERIFY(ben->sync());
    for (const Laptop *device : { anna.get(), ben.get() }) {
        QCOMPARE(device->show(measure).value(u"state"_s).toString(), u"live"_s);
        QCOMPARE(device->value(measure, u"responsible"_s), u"Wirtschaftsförderung"_s);
        QVERIFY(device->list(u"conflicts"_s).isEmpty());
    }
    QCOMPARE(ben->show(measure), anna->show(measure));
}

void TestCli::serverKilledDuringPushLosesNothing()
{
    const auto anna = laptop(m_adorfAnna, u"anna"_s);
    const auto office = laptop(m_office, u"office"_s);
    QVERIFY(anna && office);
    const QString measure = makeMeasure(*anna, u"Ausbildungsmesse"_s);
    QVERIFY(!measure.isEmpty());
    const QString goal = goalOf(*anna, measure);
    const QString prefix = u"Server-Absturz"_s;
    QVERIFY(bulkAdd(*anna, goal, bulkMeasures, prefix));
    const int pending = anna->status().value(u"pending"_s).toInt();
    QVERIFY2(pending >= bulkMeasures * 4, qPrintable(QString::number(pending)));

    const qint64 before = m_server.cursor();
    QVERIFY(before > 0);
    auto syncing = anna->start({ u"sync"_s });
    QVERIFY(syncing->waitForStarted());
    // Kill the server as soon as it has accepted the first batch: later batches are then in flight or queued.
    QTRY_VERIFY_WITH_TIMEOUT(m_server.cursor() > before || syncing->state() == QProcess::NotRunning, 60'000);
    m_server.kill();
    QVERIFY(syncing->waitForFinished(cliTimeoutMs));
    const QByteArray early = "the sync ended before the server was killed; raise bulkMeasures: "
        + syncing->readAllStandardOutput();
    QVERIFY2(syncing->exitCode() == 2, early.constData());
    const int left = anna->status().value(u"pending"_s).toInt();
    // The answer to the accepted batch may have died with the server: then that batch is pushed again.
    QVERIFY2(left > 0 && left <= pending, qPrintable(u"%1 of %2 pending"_s.arg(left).arg(pending)));

    QVERIFY(m_server.start());
    QVERIFY(anna->sync());
    QCOMPARE(anna->status().value(u"pending"_s).toInt(-1), 0);
    QVERIFY(anna->list(u"rejected"_s).isEmpty());
    QVERIFY(office->sync());

    // Every measure arrived once, on the server and at the office.
    QSet<QString> titles;
    int count = 0;
    for (const QJsonValue &value : office->list(u"measures"_s)) {
        const QString title = value.toObject().value(u"values"_s).toObject().value(u"title"_s).toString();
        if (title.startsWith(prefix)) {
            titles.insert(title);
            ++count;
        }
    }
    QCOMPARE(count, bulkMeasures);
    QCOMPARE(titles.size(), bulkMeasures);
    QCOMPARE(office->list(u"measures"_s), anna->list(u"measures"_s));

    // The server's log holds each change once: nothing applied twice.
    SyncClient client { QUrl(m_server.url()) };
    QCOMPARE(client.login(m_office.user, m_office.password, u"audit-device"_s).status, 200);
    const PullResult all = client.pullAll(0);
    QVERIFY(all.ok);
    const QStringList ids = all.ids();
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size());
    int creates = 0;
    QSet<QString> created;
    for (const auto &[seq, change] : all.changes) {
        if (change.op == Change::Op::Create && change.entityType == u"measure"_s) {
            ++creates;
            created.insert(change.entityId);
        }
    }
    QCOMPARE(creates, created.size());
}

void TestCli::clientKilledMidSyncResumes()
{
    const auto anna = laptop(m_adorfAnna, u"anna"_s);
    const auto office = laptop(m_office, u"office"_s);
    QVERIFY(anna && office);
    const QString measure = makeMeasure(*anna, u"Ausbildungsmesse"_s);
    QVERIFY(!measure.isEmpty());
    const QString prefix = u"Client-Abbruch"_s;
    QVERIFY(bulkAdd(*anna, goalOf(*anna, measure), bulkMeasures, prefix));
    const int pending = anna->status().value(u"pending"_s).toInt();

    const qint64 before = m_server.cursor();
    auto syncing = anna->start({ u"sync"_s });
    QVERIFY(syncing->waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(m_server.cursor() > before || syncing->state() == QProcess::NotRunning, 60'000);
    QVERIFY2(syncing->state() == QProcess::Running,
        "the sync ended before it could be killed; raise bulkMeasures");
    syncing->kill();
    QVERIFY(syncing->waitForFinished());
    QCOMPARE(syncing->exitStatus(), QProcess::CrashExit);
    QVERIFY(anna->status().value(u"pending"_s).toInt() <= pending);

    // The next sync resumes: the killed one's batch may be pushed again, and is taken once.
    QVERIFY(anna->sync());
    QCOMPARE(anna->status().value(u"pending"_s).toInt(-1), 0);
    QVERIFY(office->sync());
    int count = 0;
    for (const QJsonValue &value : office->list(u"measures"_s)) {
        if (value.toObject().value(u"values"_s).toObject().value(u"title"_s).toString().startsWith(prefix))
            ++count;
    }
    QCOMPARE(count, bulkMeasures);
    QCOMPARE(office->list(u"measures"_s), anna->list(u"measures"_s));

    // A replica killed during its first sync (bootstrap and pull) also resumes.
    Laptop fresh(u"office-second"_s);
    QVERIFY(fresh.ok({ u"connect"_s, m_server.url(), u"--user"_s, m_office.user, u"--password-file"_s,
        m_secrets.filePath(m_office.user) }));
    auto first = fresh.start({ u"sync"_s });
    QVERIFY(first->waitForStarted());
    const QString replicaFile = QDir(fresh.folder()).filePath(LocalReplica::replicaFile);
    // Kill it once it has written some of what it received.
    QTRY_VERIFY_WITH_TIMEOUT(
        QFileInfo(replicaFile + u"-wal"_s).size() > 256 * 1024 || first->state() == QProcess::NotRunning,
        60'000);
    first->kill();
    first->waitForFinished();
    QVERIFY(fresh.sync());
    QCOMPARE(fresh.list(u"measures"_s), office->list(u"measures"_s));
    QCOMPARE(fresh.list(u"plans"_s), office->list(u"plans"_s));
}

void TestCli::clockAheadIsRejectedAndListed()
{
    const auto anna = laptop(m_adorfAnna, u"anna"_s);
    const auto office = laptop(m_office, u"office"_s);
    QVERIFY(anna && office);
    const QString measure = makeMeasure(*anna, u"Ausbildungsmesse"_s);
    QVERIFY(!measure.isEmpty());
    auto ben = std::make_unique<Laptop>(u"ben-two-days-ahead"_s);
    ben->setEnvironment(u"WERKSTATTPLAN_CLOCK_SKEW_MS"_s, QString::number(twoDaysMs));
    QVERIFY(ben->ok({ u"connect"_s, m_server.url(), u"--user"_s, m_adorfBen.user, u"--password-file"_s,
        m_secrets.filePath(m_adorfBen.user) }));
    QVERIFY(ben->sync());

    QVERIFY(ben->ok({ u"set"_s, measure, u"title=Aus der Zukunft"_s }));
    const CliRun synced = ben->run({ u"sync"_s });
    QVERIFY2(synced.ok(), synced.describe());
    QVERIFY2(synced.text().contains(u"rejected 1"_s), synced.describe());

    // Besides the title, the laptop's first sync wrote its device record (its name), refused for the same clock.
    QJsonArray rejected;
    const QJsonArray allRejected = ben->list(u"rejected"_s);
    for (const QJsonValue &item : allRejected) {
        const QJsonObject change = item.toObject().value(u"change"_s).toObject();
        QCOMPARE(item.toObject().value(u"code"_s).toString(), u"clock_ahead"_s);
        if (change.value(u"type"_s).toString() != u"device"_s)
            rejected.append(item);
    }
    QCOMPARE(rejected.size(), 1);
    const QJsonObject entry = rejected.first().toObject();
    QCOMPARE(entry.value(u"code"_s).toString(), u"clock_ahead"_s);
    QCOMPARE(entry.value(u"change"_s).toObject().value(u"entity"_s).toString(), measure);
    QCOMPARE(entry.value(u"change"_s).toObject().value(u"value"_s).toString(), u"Aus der Zukunft"_s);
    const QJsonObject status = ben->status();
    QCOMPARE(status.value(u"rejected"_s).toInt(), allRejected.size());
    QCOMPARE(status.value(u"pending"_s).toInt(-1), 0);
    QVERIFY(ben->run({ u"list"_s, u"rejected"_s }).text().contains(u"clock_ahead"_s));

    // A later edit with a correct clock wins everywhere the server's bound reaches.
    QVERIFY(anna->ok({ u"set"_s, measure, u"title=Aus der Gegenwart"_s }));
    QVERIFY(anna->sync());
    QVERIFY(office->sync());
    QCOMPARE(anna->value(measure, u"title"_s), u"Aus der Gegenwart"_s);
    QCOMPARE(office->value(measure, u"title"_s), u"Aus der Gegenwart"_s);
    QVERIFY(office->list(u"conflicts"_s).isEmpty());

    // Once synced, the skewed laptop should show what the server and every other replica show.
    // (The rejected change leaves its replica; `list rejected` keeps it.)
    QVERIFY(ben->sync());
    QCOMPARE(ben->show(measure), office->show(measure));
}

void TestCli::corruptedReplicaIsSetAsideAndRebuilt()
{
    const auto anna = laptop(m_adorfAnna, u"anna"_s);
    const auto office = laptop(m_office, u"office"_s);
    QVERIFY(anna && office);
    const QString measure = makeMeasure(*anna, u"Ausbildungsmesse"_s);
    QVERIFY(!measure.isEmpty());

    // Unsynced edits, then damage in the middle of the file.
    QVERIFY(anna->ok({ u"set"_s, measure, u"title=Vor dem Schaden bearbeitet"_s }));
    const QString added
        = anna->add(u"measure"_s, goalOf(*anna, measure), { u"title=Ungesicherte Maßnahme"_s });
    QVERIFY(!added.isEmpty());
    QVERIFY(anna->status().value(u"pending"_s).toInt() > 0);
    const QString path = QDir(anna->folder()).filePath(LocalReplica::replicaFile);
    QVERIFY2(!QFile::exists(path + u"-wal"_s) || QFileInfo(path + u"-wal"_s).size() == 0,
        "the CLI left a write-ahead log behind; the damage would not reach the data");
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const qint64 size = file.size();
        QVERIFY(size > 8192);
        QVERIFY(file.seek(size / 2 / 4096 * 4096));
        QVERIFY(file.write(QByteArray(8192, char(0xa5))) == 8192);
    }

    const CliRun noticed = anna->run({ u"status"_s, u"--json"_s });
    QVERIFY2(noticed.ok(), noticed.describe());
    QVERIFY2(noticed.errorText().contains(u"set aside"_s), noticed.describe());
    const QStringList damaged
        = QDir(anna->folder()).entryList({ LocalReplica::replicaFile + u".damaged*"_s });
    QVERIFY2(!damaged.isEmpty(), qPrintable(QDir(anna->folder()).entryList().join(u", "_s)));
    // Reported once: the next command finds a sound replica.
    QVERIFY(!anna->run({ u"status"_s }).errorText().contains(u"set aside"_s));

    const CliRun resumed = anna->run({ u"sync"_s });
    QVERIFY2(resumed.ok(), resumed.describe());
    QCOMPARE(anna->status().value(u"pending"_s).toInt(-1), 0);
    if (anna->value(measure, u"title"_s) != u"Vor dem Schaden bearbeitet"_s) {
        // Seen once while the core was changing: keep enough evidence to tell salvage from sync.
        qWarning().noquote() << resumed.describe() << anna->run({ u"history"_s, measure }).describe()
                             << anna->run({ u"list"_s, u"rejected"_s }).describe();
    }
    QCOMPARE(anna->value(measure, u"title"_s), u"Vor dem Schaden bearbeitet"_s);
    QCOMPARE(anna->value(added, u"title"_s), u"Ungesicherte Maßnahme"_s);
    QVERIFY(office->sync());
    QCOMPARE(office->value(measure, u"title"_s), u"Vor dem Schaden bearbeitet"_s);
    QCOMPARE(office->value(added, u"title"_s), u"Ungesicherte Maßnahme"_s);
    QCOMPARE(office->show(measure), anna->show(measure));
}

void TestCli::searchAndExportWorkOffline()
{
    const auto anna = laptop(m_adorfAnna, u"anna"_s);
    const auto riesa = laptop(m_riesa, u"riesa"_s);
    const auto office = laptop(m_office, u"office"_s);
    QVERIFY(anna && riesa && office);
    const QString tag = u"Fachkräftebörse%1"_s.arg(QRandomGenerator::global()->bounded(100000));
    const QString adorfMeasure = makeMeasure(*anna, tag + u" Adorf"_s);
    QVERIFY(!adorfMeasure.isEmpty());
    const QString field = riesa->add(u"field"_s, m_riesa.planId, { u"title=Arbeit und Wirtschaft"_s });
    const QString goal = riesa->add(u"goal"_s, field, { u"title=Betriebe vernetzen"_s });
    const QString riesaMeasure = riesa->add(u"measure"_s, goal,
        { u"title=Stammtisch der Betriebe"_s, u"description=Eine "_s + tag + u" mit dem Stahlwerk"_s,
            u"budget=1500"_s, u"themes=skilled_workers,economy"_s });
    QVERIFY(!riesaMeasure.isEmpty());
    QVERIFY(riesa->sync());
    QVERIFY(anna->sync());
    QVERIFY(office->sync());
    const QString syncedAt = office->status().value(u"last_complete_sync"_s).toString();
    QVERIFY(!syncedAt.isEmpty());

    QVERIFY(m_server.stop());
    for (const Laptop *device : { anna.get(), riesa.get(), office.get() }) {
        const CliRun found = device->run({ u"search"_s, tag, u"--json"_s });
        QVERIFY2(found.ok(), found.describe());
        QSet<QString> ids;
        for (const QJsonValue &value : found.json().toArray())
            ids.insert(value.toObject().value(u"id"_s).toString());
        QVERIFY2(ids.contains(adorfMeasure) && ids.contains(riesaMeasure), found.describe());
        QVERIFY(device->run({ u"search"_s, tag }).text().contains(riesaMeasure));
    }

    const QJsonArray measures = office->list(u"measures"_s);
    QSet<QString> expected;
    for (const QJsonValue &value : measures)
        expected.insert(value.toObject().value(u"id"_s).toString());
    QVERIFY(expected.contains(adorfMeasure) && expected.contains(riesaMeasure));

    QTemporaryDir out;
    const QString jsonFile = out.filePath(u"measures.json"_s);
    QVERIFY(office->ok({ u"export"_s, u"json"_s, u"--out"_s, jsonFile }));
    QFile json(jsonFile);
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonObject exported = QJsonDocument::fromJson(json.readAll()).object();
    QCOMPARE(exported.value(u"synced_at"_s).toString(), syncedAt);
    QSet<QString> exportedIds;
    QSet<QString> municipalities;
    for (const QJsonValue &value : exported.value(u"measures"_s).toArray()) {
        exportedIds.insert(value.toObject().value(u"id"_s).toString());
        municipalities.insert(value.toObject().value(u"municipality"_s).toString());
    }
    QCOMPARE(exportedIds, expected);
    QVERIFY(municipalities.contains(u"Riesa"_s) && municipalities.contains(u"Adorf/Vogtl."_s));

    const CliRun csv = office->run({ u"export"_s, u"csv"_s });
    QVERIFY2(csv.ok(), csv.describe());
    const QStringList lines = QString::fromUtf8(csv.out).split(u"\r\n"_s, Qt::SkipEmptyParts);
    QVERIFY(lines.size() >= 2);
    QVERIFY2(lines.first().startsWith(u"# synced_at="_s + syncedAt), qPrintable(lines.first()));
    QVERIFY(lines.at(1).startsWith(u"municipality,plan,field_of_action,goal,id,title"_s));
    QCOMPARE(lines.size() - 2, expected.size());
    for (const QString &id : std::as_const(expected))
        QVERIFY2(csv.out.contains((u',' + id + u',').toUtf8()), qPrintable(id));
    QVERIFY(csv.out.contains("\"[\"\"economy\"\",\"\"skilled_workers\"\"]\""));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"

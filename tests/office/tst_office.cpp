// SPDX-License-Identifier: GPL-3.0-or-later
// End-to-end tests of the project office's review: a real werkstattplan-server with the demo data, and
// laptops of Riesa, Zwickau and the office driven by real werkstattplan-cli processes.
#include "helpers/clientreplica.h"
#include "helpers/cliprocess.h"
#include "helpers/serverprocess.h"
#include "helpers/syncclient.h"
#include "office/csv.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace CliTest;

namespace {

struct Account
{
    QString user;
    QString password;
};

QStringList idsOf(const QJsonArray &array, const QString &key = u"id"_s)
{
    QStringList ids;
    for (const QJsonValue &value : array)
        ids << value.toObject().value(key).toString();
    return ids;
}

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

bool writeText(const QString &path, const QString &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text.toUtf8()) >= 0;
}

/** Text compared as a reader sees it: ligatures unfolded, any run of white space one space. */
QString plain(const QString &text)
{
    return text.normalized(QString::NormalizationForm_KC).simplified();
}

/** The records of a CSV export after its "# synced_at" comment line. */
QList<Csv::Record> csvRecords(const QString &text, QChar separator)
{
    bool ok = false;
    QList<Csv::Record> records = Csv::parse(text, separator, &ok);
    if (!ok || records.isEmpty() || !records.first().fields.value(0).startsWith(u"# synced_at="_s))
        return {};
    records.removeFirst();
    return records;
}

} // namespace

class TestOffice : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void submissionFreezesAVersion();
    void laterEditAppearsInTheDiffAsExactlyThatChange();
    void editorCannotSetTheReviewStatus();
    void reviewNotesReachTheMunicipalityAndItsAnswerTheOffice();
    void synopsisImportRoundTripsWithTheExport();
    void synopsisImportIsAllOrNothing();
    void pdfHoldsEveryMeasureTitleOfThePlan();
    void measuresCsvHasOneRowPerLiveMeasure();
    void dashboardMatchesTheReplica();

private:
    std::unique_ptr<Laptop> laptop(const Account &account, const QString &name);
    /** A live measure of a municipality's plan, as the laptop lists it. */
    QJsonObject someMeasure(const Laptop &laptop, const QString &municipality, int index = 0) const;

    Server m_server;
    QTemporaryDir m_secrets;
    QHash<QString, Account> m_accounts; ///< by user name
};

void TestOffice::initTestCase()
{
    QVERIFY2(QFile::exists(cliBinary()), qPrintable(cliBinary()));
    QVERIFY(m_secrets.isValid());
    QVERIFY(m_server.start());
    const auto seeded = m_server.admin({ u"seed-demo"_s });
    QVERIFY2(seeded.ok(), seeded.err.constData());
    // "account USER PASSWORD ROLE MUNICIPALITY"
    for (const QString &line : seeded.lines()) {
        const QStringList words = line.split(u' ');
        if (words.size() < 4 || words[0] != u"account"_s)
            continue;
        m_accounts.insert(words[1], { words[1], words[2] });
        QVERIFY(writeText(m_secrets.filePath(words[1]), words[2] + u'\n'));
    }
    for (const QString &user : { u"riesa"_s, u"zwickau"_s, u"geschaeftsstelle"_s })
        QVERIFY2(m_accounts.contains(user), qPrintable(user));
}

void TestOffice::init()
{
    if (!m_server.isRunning())
        QVERIFY(m_server.start());
}

void TestOffice::cleanup()
{
    if (QTest::currentTestFailed())
        m_server.dumpLog();
}

std::unique_ptr<Laptop> TestOffice::laptop(const Account &account, const QString &name)
{
    return connectedLaptop(m_server, account.user, m_secrets.filePath(account.user), name);
}

QJsonObject TestOffice::someMeasure(const Laptop &laptop, const QString &municipality, int index) const
{
    return laptop.list(u"measures"_s, { u"--municipality"_s, municipality }).at(index).toObject();
}

// ------------------------------------------------------------------------------------------------

void TestOffice::submissionFreezesAVersion()
{
    const auto riesa = laptop(m_accounts[u"riesa"_s], u"riesa"_s);
    const auto office = laptop(m_accounts[u"geschaeftsstelle"_s], u"office"_s);
    QVERIFY(riesa && office);
    const QStringList before = idsOf(riesa->run({ u"versions"_s, u"--json"_s }).json().toArray());

    // Submitted offline: the version and the review status are one local edit.
    QVERIFY(m_server.stop());
    const CliRun submitted = riesa->run({ u"submit"_s, u"--label"_s, u"Stand für die Prüfung"_s });
    QVERIFY2(submitted.ok(), submitted.describe());
    const QString version = submitted.text();
    QCOMPARE(riesa->value(u"plan-riesa"_s, u"review_status"_s), u"submitted"_s);
    QVERIFY(m_server.start());
    QVERIFY(riesa->sync());
    QCOMPARE(riesa->status().value(u"pending"_s).toInt(-1), 0);

    // The office sees it with who submitted it, and nothing has changed since.
    QVERIFY(office->sync());
    const QJsonArray versions = office->run({ u"versions"_s, u"--plan"_s, u"plan-riesa"_s, u"--json"_s }).json().toArray();
    QCOMPARE(idsOf(versions), before + QStringList { version });
    QCOMPARE(versions.last().toObject().value(u"author"_s).toString(), u"riesa"_s);
    QCOMPARE(versions.last().toObject().value(u"label"_s).toString(), u"Stand für die Prüfung"_s);
    QCOMPARE(office->value(u"plan-riesa"_s, u"review_status"_s), u"submitted"_s);
    const CliRun diff = office->run({ u"diff"_s, u"--plan"_s, u"plan-riesa"_s, u"--json"_s });
    QVERIFY2(diff.ok(), diff.describe());
    QCOMPARE(diff.json().toObject().value(u"from"_s).toString(), version);
    QCOMPARE(diff.json().toObject().value(u"items"_s).toArray(), QJsonArray());

    // Frozen: neither the CLI nor a change crafted past it may touch the version.
    const CliRun edited = riesa->run({ u"set"_s, version, u"label=Nachträglich geändert"_s });
    QCOMPARE(edited.exitCode, 1);
    QVERIFY2(edited.errorText().contains(u"forbidden"_s), edited.describe());
    QCOMPARE(riesa->run({ u"delete"_s, version }).exitCode, 1);

    CraftedClient crafted(m_server, u"riesa"_s, m_accounts[u"riesa"_s].password, u"crafted-device"_s);
    QVERIFY(crafted.signedIn);
    const Change forged
            = crafted.replica.makeSet(version, u"snapshot"_s, crafted.replica.value(version, u"snapshot"_s).left(40));
    const PushResult pushed = crafted.client.push({ forged });
    QCOMPARE(pushed.status(), 200);
    QCOMPARE(pushed.outcomeOf(forged.id), u"forbidden"_s);
    QVERIFY(office->sync());
    QCOMPARE(office->run({ u"diff"_s, u"--plan"_s, u"plan-riesa"_s, u"--json"_s }).json().toObject().value(u"items"_s),
             QJsonValue(QJsonArray()));
}

void TestOffice::laterEditAppearsInTheDiffAsExactlyThatChange()
{
    const auto riesa = laptop(m_accounts[u"riesa"_s], u"riesa"_s);
    const auto office = laptop(m_accounts[u"geschaeftsstelle"_s], u"office"_s);
    QVERIFY(riesa && office);
    const CliRun first = riesa->run({ u"submit"_s });
    QVERIFY2(first.ok(), first.describe());

    const QJsonObject measure = someMeasure(*riesa, u"Riesa"_s, 2);
    const QString id = measure.value(u"id"_s).toString();
    const QString oldTitle = measure.value(u"values"_s).toObject().value(u"title"_s).toString();
    const QString newTitle = u"Neuer Titel %1"_s.arg(QRandomGenerator::global()->bounded(100000));
    QVERIFY(riesa->ok({ u"set"_s, id, u"title="_s + newTitle }));
    QVERIFY(riesa->sync());
    QVERIFY(office->sync());

    const QJsonObject expected { { u"change"_s, u"changed"_s }, { u"type"_s, u"measure"_s }, { u"id"_s, id },
                                 { u"title"_s, newTitle }, { u"field"_s, u"title"_s }, { u"old"_s, oldTitle },
                                 { u"new"_s, newTitle } };
    const CliRun sinceLatest = office->run({ u"diff"_s, u"--plan"_s, u"plan-riesa"_s, u"--json"_s });
    QVERIFY2(sinceLatest.ok(), sinceLatest.describe());
    QCOMPARE(sinceLatest.json().toObject().value(u"items"_s).toArray(), QJsonArray { expected });

    // Submitted again: the same change between the two versions, and nothing since.
    const CliRun second = riesa->run({ u"submit"_s });
    QVERIFY2(second.ok(), second.describe());
    QVERIFY(riesa->sync());
    QVERIFY(office->sync());
    const CliRun between = office->run({ u"diff"_s, u"--plan"_s, u"plan-riesa"_s, u"--from"_s, first.text(),
                                         u"--to"_s, second.text(), u"--json"_s });
    QVERIFY2(between.ok(), between.describe());
    QCOMPARE(between.json().toObject().value(u"items"_s).toArray(), QJsonArray { expected });
    QCOMPARE(office->run({ u"diff"_s, u"--plan"_s, u"plan-riesa"_s, u"--json"_s }).json().toObject().value(u"items"_s),
             QJsonValue(QJsonArray()));
    // The table form names the change too.
    const CliRun table = office->run({ u"diff"_s, u"--plan"_s, u"plan-riesa"_s, u"--from"_s, first.text() });
    QVERIFY(table.text().contains(id) && table.text().contains(u"changed"_s));
}

void TestOffice::editorCannotSetTheReviewStatus()
{
    const auto riesa = laptop(m_accounts[u"riesa"_s], u"riesa"_s);
    const auto office = laptop(m_accounts[u"geschaeftsstelle"_s], u"office"_s);
    QVERIFY(riesa && office);
    const QString status = office->value(u"plan-riesa"_s, u"review_status"_s);
    const QJsonArray history = office->history(u"plan-riesa"_s);

    // The CLI refuses at once and writes nothing.
    const CliRun refused = riesa->run({ u"review"_s, u"--plan"_s, u"plan-riesa"_s, u"--status"_s, u"reviewed"_s });
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.errorText().contains(u"forbidden"_s), refused.describe());
    QCOMPARE(riesa->status().value(u"pending"_s).toInt(-1), 0);

    // The server refuses the change itself, per change, with "forbidden", and keeps the rest of the push.
    CraftedClient crafted(m_server, u"riesa"_s, m_accounts[u"riesa"_s].password, u"crafted-review"_s);
    QVERIFY(crafted.signedIn);
    const Change forged = crafted.replica.makeSet(u"plan-riesa"_s, u"review_status"_s, u"reviewed"_s);
    const Change allowed
            = crafted.replica.makeSet(u"plan-riesa"_s, u"vision"_s, crafted.replica.value(u"plan-riesa"_s, u"vision"_s));
    const PushResult pushed = crafted.client.push({ forged, allowed });
    QCOMPARE(pushed.status(), 200);
    QCOMPARE(pushed.outcomeOf(forged.id), u"forbidden"_s);
    QCOMPARE(pushed.outcomeOf(allowed.id), QString());
    const PullResult after = crafted.client.pullAll(0);
    QVERIFY(after.ok);
    QVERIFY(!after.ids().contains(forged.id));

    // Nothing changed on the server or in either replica.
    QVERIFY(riesa->sync());
    QVERIFY(office->sync());
    QCOMPARE(office->value(u"plan-riesa"_s, u"review_status"_s), status);
    QCOMPARE(riesa->value(u"plan-riesa"_s, u"review_status"_s), status);
    for (const QJsonValue &change : office->history(u"plan-riesa"_s))
        QVERIFY(change.toObject().value(u"id"_s).toString() != forged.id);
    QCOMPARE(office->history(u"plan-riesa"_s).size(), history.size() + 1); // the allowed change only

    // The office may.
    QVERIFY(office->ok({ u"review"_s, u"--plan"_s, u"plan-riesa"_s, u"--status"_s, u"in_review"_s }));
    QVERIFY(office->sync());
    QVERIFY(riesa->sync());
    QCOMPARE(riesa->value(u"plan-riesa"_s, u"review_status"_s), u"in_review"_s);
}

void TestOffice::reviewNotesReachTheMunicipalityAndItsAnswerTheOffice()
{
    const auto zwickau = laptop(m_accounts[u"zwickau"_s], u"zwickau"_s);
    const auto office = laptop(m_accounts[u"geschaeftsstelle"_s], u"office"_s);
    QVERIFY(zwickau && office);
    const QString target = someMeasure(*office, u"Zwickau"_s).value(u"id"_s).toString();

    // Asking for changes without saying which is refused; with a note, both arrive together.
    QCOMPARE(office->run({ u"review"_s, u"--plan"_s, u"plan-zwickau"_s, u"--status"_s, u"changes_requested"_s }).exitCode, 1);
    QVERIFY(office->ok({ u"review"_s, u"--plan"_s, u"plan-zwickau"_s, u"--status"_s, u"changes_requested"_s,
                         u"--note"_s, u"Bitte die Maßnahmen mit Terminen versehen."_s }));
    const QString note = office->add(u"comment"_s, u"plan-zwickau"_s,
                                     { u"target="_s + target, u"kind=review"_s,
                                       u"body=Bitte den Kostenrahmen der Maßnahme begründen."_s });
    QVERIFY(!note.isEmpty());
    QVERIFY(office->sync());
    // A municipality cannot write review notes.
    const CliRun notAllowed = zwickau->run({ u"add"_s, u"comment"_s, u"--parent"_s, u"plan-zwickau"_s, u"--set"_s,
                                             u"kind=review"_s, u"--set"_s, u"body=x"_s });
    QCOMPARE(notAllowed.exitCode, 1);

    QVERIFY(zwickau->sync());
    QCOMPARE(zwickau->value(u"plan-zwickau"_s, u"review_status"_s), u"changes_requested"_s);
    QJsonObject received;
    for (const QJsonValue &value : zwickau->run({ u"notes"_s, u"--json"_s }).json().toArray()) {
        if (value.toObject().value(u"id"_s).toString() == note)
            received = value.toObject();
    }
    QCOMPARE(received.value(u"author"_s).toString(), u"geschaeftsstelle"_s);
    QCOMPARE(received.value(u"target"_s).toString(), target);
    QCOMPARE(received.value(u"resolved"_s).toBool(true), false);

    // The municipality answers and resolves the note.
    const QString answer = zwickau->add(u"comment"_s, u"plan-zwickau"_s,
                                        { u"reply_to="_s + note, u"kind=peer"_s,
                                          u"body=Der Kostenrahmen folgt aus dem Angebot des Verkehrsverbunds."_s });
    QVERIFY(!answer.isEmpty());
    QVERIFY(zwickau->ok({ u"set"_s, note, u"resolved=true"_s }));
    QVERIFY(zwickau->sync());

    QVERIFY(office->sync());
    const QJsonArray thread = office->run({ u"notes"_s, u"--plan"_s, u"plan-zwickau"_s, u"--json"_s }).json().toArray();
    QJsonObject reply;
    QJsonObject resolved;
    for (const QJsonValue &value : thread) {
        if (value.toObject().value(u"id"_s).toString() == answer)
            reply = value.toObject();
        if (value.toObject().value(u"id"_s).toString() == note)
            resolved = value.toObject();
    }
    QCOMPARE(reply.value(u"reply_to"_s).toString(), note);
    QCOMPARE(reply.value(u"author"_s).toString(), u"zwickau"_s);
    QCOMPARE(reply.value(u"body"_s).toString(), u"Der Kostenrahmen folgt aus dem Angebot des Verkehrsverbunds."_s);
    QCOMPARE(resolved.value(u"resolved"_s).toBool(), true);
}

void TestOffice::synopsisImportRoundTripsWithTheExport()
{
    const auto office = laptop(m_accounts[u"geschaeftsstelle"_s], u"office"_s);
    QVERIFY(office);
    QTemporaryDir dir;
    const QString year = QString::number(2030 + QRandomGenerator::global()->bounded(60));
    // New figures: a unit with the separator in it, a decimal, a name in another case.
    const QString input = u"municipality;key;value;unit;year\r\n"
                          "Riesa;pupils_per_school;412.5;\"Schüler; je Schule\";%1\r\n"
                          "zwickau;population;86950;Einwohner;%1\r\n"_s.arg(year);
    QVERIFY(writeText(dir.filePath(u"in.csv"_s), input));
    const CliRun imported = office->run({ u"synopsis"_s, u"import"_s, dir.filePath(u"in.csv"_s) });
    QVERIFY2(imported.ok(), imported.describe());
    QVERIFY2(imported.text().contains(u"created 2,"_s), imported.describe());

    const QString exportFile = dir.filePath(u"synopse.csv"_s);
    QVERIFY(office->ok({ u"export"_s, u"synopsis-csv"_s, u"--out"_s, exportFile }));
    const QString exported = readText(exportFile);
    const QList<Csv::Record> records = csvRecords(exported, u';');
    QVERIFY2(!records.isEmpty(), qPrintable(exported.left(200)));
    QCOMPARE(records.first().fields, (QStringList { u"municipality"_s, u"key"_s, u"value"_s, u"unit"_s, u"year"_s }));
    QSet<QStringList> rows;
    for (qsizetype i = 1; i < records.size(); ++i)
        rows.insert(records[i].fields);
    QVERIFY(rows.contains({ u"Riesa"_s, u"pupils_per_school"_s, u"412.5"_s, u"Schüler; je Schule"_s, year }));
    QVERIFY(rows.contains({ u"Zwickau"_s, u"population"_s, u"86950"_s, u"Einwohner"_s, year }));
    QCOMPARE(rows.size(), records.size() - 1);

    // Importing the export changes nothing.
    const CliRun again = office->run({ u"synopsis"_s, u"import"_s, exportFile });
    QVERIFY2(again.ok(), again.describe());
    QVERIFY2(again.text().contains(u"created 0, updated 0, unchanged %1"_s.arg(rows.size())), again.describe());
    QVERIFY(office->sync());

    // Another device of the office gets the same figures and exports the same rows.
    const auto second = laptop(m_accounts[u"geschaeftsstelle"_s], u"office-2"_s);
    QVERIFY(second);
    const CliRun secondExport = second->run({ u"export"_s, u"synopsis-csv"_s });
    QVERIFY2(secondExport.ok(), secondExport.describe());
    const QList<Csv::Record> secondRecords = csvRecords(QString::fromUtf8(secondExport.out), u';');
    QCOMPARE(secondRecords.size(), records.size());
    for (qsizetype i = 0; i < records.size(); ++i)
        QCOMPARE(secondRecords[i].fields, records[i].fields);
}

void TestOffice::synopsisImportIsAllOrNothing()
{
    const auto office = laptop(m_accounts[u"geschaeftsstelle"_s], u"office"_s);
    const auto riesa = laptop(m_accounts[u"riesa"_s], u"riesa"_s);
    QVERIFY(office && riesa);
    QTemporaryDir dir;
    const QString file = dir.filePath(u"bad.csv"_s);
    QVERIFY(writeText(file, u"municipality;key;value;unit;year\n"
                            "Riesa;area_km2;58.9;km²;2031\n"
                            "Nirgendwo;population;100;Einwohner;2031\n"
                            "Riesa;population;viele;Einwohner;2031\n"_s));
    const QString before = office->run({ u"export"_s, u"synopsis-csv"_s }).text().section(u"\r\n"_s, 1);
    const CliRun refused = office->run({ u"synopsis"_s, u"import"_s, file });
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.errorText().contains(u"line 3"_s) && refused.errorText().contains(u"Nirgendwo"_s),
             refused.describe());
    QVERIFY2(refused.errorText().contains(u"line 4"_s), refused.describe());
    QVERIFY2(!refused.errorText().contains(u"line 2"_s), refused.describe());
    QCOMPARE(office->status().value(u"pending"_s).toInt(-1), 0);
    QCOMPARE(office->run({ u"export"_s, u"synopsis-csv"_s }).text().section(u"\r\n"_s, 1), before);

    // The synopsis is the office's.
    QVERIFY(writeText(file, u"municipality;key;value;unit;year\nRiesa;area_km2;1;km²;2031\n"_s));
    const CliRun editor = riesa->run({ u"synopsis"_s, u"import"_s, file });
    QCOMPARE(editor.exitCode, 1);
    QVERIFY2(editor.errorText().contains(u"forbidden"_s), editor.describe());
}

void TestOffice::pdfHoldsEveryMeasureTitleOfThePlan()
{
    const QString pdftotext = QStandardPaths::findExecutable(u"pdftotext"_s);
    QVERIFY2(!pdftotext.isEmpty(), "pdftotext (poppler-utils) is missing; run scripts/install-deps");
    const auto office = laptop(m_accounts[u"geschaeftsstelle"_s], u"office"_s);
    QVERIFY(office);
    QTemporaryDir dir;
    const QString file = dir.filePath(u"riesa.pdf"_s);
    // Headless: the CLI must not need a display, whatever the test environment says.
    office->setEnvironment(u"QT_QPA_PLATFORM"_s, QString());
    const CliRun exported = office->run({ u"export"_s, u"pdf"_s, u"--plan"_s, u"plan-riesa"_s, u"--out"_s, file });
    QVERIFY2(exported.ok(), exported.describe());
    QFile pdf(file);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");

    QProcess toText;
    toText.start(pdftotext, { u"-enc"_s, u"UTF-8"_s, file, u"-"_s });
    QVERIFY(toText.waitForFinished(60'000));
    QCOMPARE(toText.exitCode(), 0);
    const QString text = plain(QString::fromUtf8(toText.readAllStandardOutput()));

    const QJsonArray measures = office->list(u"measures"_s, { u"--municipality"_s, u"Riesa"_s });
    QVERIFY(measures.size() > 10);
    for (const QJsonValue &measure : measures) {
        const QString title = plain(measure.toObject().value(u"values"_s).toObject().value(u"title"_s).toString());
        QVERIFY2(text.contains(title), qPrintable(title));
    }
    QVERIFY(text.contains(u"Werkstattplan Riesa"_s));
    // One term for it everywhere ("Abgleich"), in local time with its zone, as the client shows it.
    const QDateTime synced = QDateTime::fromString(office->status().value(u"last_complete_sync"_s).toString(), Qt::ISODate);
    const QString syncedAt = synced.toLocalTime().toString(u"dd.MM.yyyy, HH:mm 'Uhr' "_s)
            + synced.toLocalTime().timeZoneAbbreviation();
    QVERIFY2(text.contains(u"Stand der Daten: letzter vollständiger Abgleich am "_s + syncedAt), qPrintable(syncedAt));
    QVERIFY(!text.contains(u"Synchronisierung"_s));
}

void TestOffice::measuresCsvHasOneRowPerLiveMeasure()
{
    const auto riesa = laptop(m_accounts[u"riesa"_s], u"riesa"_s);
    const auto office = laptop(m_accounts[u"geschaeftsstelle"_s], u"office"_s);
    QVERIFY(riesa && office);
    // A deleted measure is not exported; a measure with quotes and separators in its fields is, whole.
    const QJsonObject deleted = someMeasure(*riesa, u"Riesa"_s, 4);
    QVERIFY(riesa->ok({ u"delete"_s, deleted.value(u"id"_s).toString() }));
    const QJsonObject quoted = someMeasure(*riesa, u"Riesa"_s, 5);
    const QString title = u"Markt \"Alt trifft Jung\", Teil 2"_s;
    QVERIFY(riesa->ok({ u"set"_s, quoted.value(u"id"_s).toString(), u"title="_s + title,
                        u"partners=Seniorenbeirat, Jugendclub\nund Schulen"_s }));
    QVERIFY(riesa->sync());
    QVERIFY(office->sync());

    QTemporaryDir dir;
    const QString file = dir.filePath(u"massnahmen.csv"_s);
    QVERIFY(office->ok({ u"export"_s, u"measures-csv"_s, u"--out"_s, file }));
    const QList<Csv::Record> records = csvRecords(readText(file), u',');
    QVERIFY(records.size() > 1);
    const QStringList header = records.first().fields;
    for (const QString &column : { u"municipality"_s, u"plan"_s, u"field_of_action"_s, u"goal"_s, u"id"_s, u"title"_s,
                                   u"status"_s, u"start_date"_s, u"end_date"_s, u"responsible"_s, u"partners"_s,
                                   u"budget"_s, u"themes"_s, u"priority"_s })
        QVERIFY2(header.contains(column), qPrintable(column));

    QStringList exportedIds;
    QHash<QString, QStringList> byId;
    for (qsizetype i = 1; i < records.size(); ++i) {
        QCOMPARE(records[i].fields.size(), header.size());
        const QString id = records[i].fields.value(header.indexOf(u"id"_s));
        exportedIds << id;
        byId.insert(id, records[i].fields);
    }
    QStringList live = idsOf(office->list(u"measures"_s));
    live.sort();
    QStringList sortedExport = exportedIds;
    sortedExport.sort();
    QCOMPARE(sortedExport, live); // one row per live measure, none twice
    QVERIFY(!exportedIds.contains(deleted.value(u"id"_s).toString()));
    const QStringList row = byId.value(quoted.value(u"id"_s).toString());
    QCOMPARE(row.value(header.indexOf(u"title"_s)), title);
    QCOMPARE(row.value(header.indexOf(u"partners"_s)), u"Seniorenbeirat, Jugendclub\nund Schulen"_s);
    QCOMPARE(row.value(header.indexOf(u"municipality"_s)), u"Riesa"_s);
}

void TestOffice::dashboardMatchesTheReplica()
{
    const auto office = laptop(m_accounts[u"geschaeftsstelle"_s], u"office"_s);
    QVERIFY(office);
    const CliRun run = office->run({ u"dashboard"_s, u"--json"_s });
    QVERIFY2(run.ok(), run.describe());
    const QJsonArray rows = run.json().toArray();

    // One row per municipality with its plan.
    const QJsonArray plans = office->list(u"plans"_s);
    QCOMPARE(rows.size(), plans.size());
    QHash<QString, QJsonObject> planOf;
    for (const QJsonValue &plan : plans)
        planOf.insert(plan.toObject().value(u"municipality"_s).toString(), plan.toObject());

    const QJsonArray measures = office->list(u"measures"_s);
    for (const QJsonValue &value : rows) {
        const QJsonObject row = value.toObject();
        const QString name = row.value(u"municipality"_s).toString();
        QVERIFY2(planOf.contains(name), qPrintable(name));
        const QJsonObject plan = planOf.value(name);
        QCOMPARE(row.value(u"plan"_s).toString(), plan.value(u"id"_s).toString());
        QCOMPARE(row.value(u"review_status"_s).toString(),
                 plan.value(u"values"_s).toObject().value(u"review_status"_s).toString());
        const QJsonObject municipality = office->show(plan.value(u"values"_s).toObject().value(u"municipality"_s).toString());
        QCOMPARE(row.value(u"state"_s).toString(), municipality.value(u"values"_s).toObject().value(u"state"_s).toString());
        QCOMPARE(row.value(u"cluster"_s).toString(), municipality.value(u"values"_s).toObject().value(u"cluster"_s).toString());

        // Counts and completeness from the measures as `list` shows them.
        QHash<QString, int> byStatus;
        int total = 0;
        int complete = 0;
        for (const QJsonValue &m : measures) {
            if (m.toObject().value(u"municipality"_s).toString() != name)
                continue;
            const QJsonObject values = m.toObject().value(u"values"_s).toObject();
            ++total;
            byStatus[values.value(u"status"_s).toString(u"none"_s)] += 1;
            const bool dated = !values.value(u"start_date"_s).isNull() || !values.value(u"end_date"_s).isNull();
            if (dated && !values.value(u"responsible"_s).toString().isEmpty())
                ++complete;
        }
        QCOMPARE(row.value(u"measures"_s).toInt(), total);
        const QJsonObject statuses = row.value(u"measures_by_status"_s).toObject();
        QCOMPARE(statuses.size(), byStatus.size());
        for (auto it = byStatus.cbegin(); it != byStatus.cend(); ++it)
            QCOMPARE(statuses.value(it.key()).toInt(), it.value());
        QCOMPARE(row.value(u"completeness"_s).toDouble(), total ? qRound(1000.0 * complete / total) / 1000.0 : 0.0);

        // Open review notes and the last submission, from the review commands.
        int open = 0;
        const QString planId = plan.value(u"id"_s).toString();
        for (const QJsonValue &note : office->run({ u"notes"_s, u"--plan"_s, planId, u"--json"_s }).json().toArray()) {
            const QJsonObject n = note.toObject();
            if (n.value(u"kind"_s) == u"review"_s && n.value(u"reply_to"_s).isNull() && !n.value(u"resolved"_s).toBool())
                ++open;
        }
        QCOMPARE(row.value(u"open_review_notes"_s).toInt(), open);
        const QJsonArray versions = office->run({ u"versions"_s, u"--plan"_s, planId, u"--json"_s }).json().toArray();
        if (versions.isEmpty())
            QVERIFY(row.value(u"last_submission"_s).isNull());
        else
            QCOMPARE(QDateTime::fromString(row.value(u"last_submission"_s).toString(), Qt::ISODate).toSecsSinceEpoch(),
                     QDateTime::fromString(versions.last().toObject().value(u"submitted_at"_s).toString(), Qt::ISODate)
                             .toSecsSinceEpoch());

        // The last change is the newest stamp in the plan's own history.
        const QDateTime lastChange = QDateTime::fromString(row.value(u"last_change"_s).toString(), Qt::ISODate);
        QVERIFY2(lastChange.isValid(), qPrintable(name));
        QVERIFY(lastChange <= QDateTime::currentDateTimeUtc().addSecs(60));
    }
    // The demo's review so far shows: Zwickau submitted and got a note; Riesa submitted twice.
    auto rowOf = [&](const QString &name) {
        for (const QJsonValue &value : rows) {
            if (value.toObject().value(u"municipality"_s).toString() == name)
                return value.toObject();
        }
        return QJsonObject();
    };
    QVERIFY(!rowOf(u"Riesa"_s).value(u"last_submission"_s).isNull());
    QVERIFY(!rowOf(u"Zwickau"_s).value(u"last_submission"_s).isNull());
    QVERIFY(rowOf(u"Adorf/Vogtl."_s).value(u"last_submission"_s).isNull());
}

QTEST_GUILESS_MAIN(TestOffice)
#include "tst_office.moc"

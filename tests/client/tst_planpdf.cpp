// SPDX-License-Identifier: GPL-3.0-or-later
// The plan as PDF, read back with pdftotext: headings stay with what follows them, and a measure that
// goes on over a page break repeats its title with "(Fortsetzung)" on the next page.
#include "localreplica.h"
#include "office/exports.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestPlanPdf : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void headingsStayWithWhatFollows();
    void aMeasureOverAPageBreakRepeatsItsTitle();

private:
    /** A plan with measures of every length, from a line to more than a page. */
    void makePlan();
    /** The PDF's pages as pdftotext gives them, each its lines of content (no footer, no blank lines). */
    QList<QStringList> pages();
    [[nodiscard]] bool isHeading(const QString &line) const
    {
        return line.startsWith(u"Handlungsfeld: "_s) || line.startsWith(u"Ziel: "_s) || line == u"Leitbild"_s
                || m_measureTitles.contains(line) || line.endsWith(u" (Fortsetzung)"_s);
    }

    QTemporaryDir m_dir { QDir::tempPath() + u"/tst_planpdf-XXXXXX"_s };
    std::unique_ptr<LocalReplica> m_replica;
    QString m_planId;
    QStringList m_measureTitles;
    QList<QStringList> m_pages;
};

void TestPlanPdf::initTestCase()
{
    QVERIFY2(!QStandardPaths::findExecutable(u"pdftotext"_s).isEmpty(),
             "pdftotext (poppler-utils) is missing; run scripts/install-deps");
    m_dir.setAutoRemove(qEnvironmentVariableIsEmpty("WERKSTATTPLAN_KEEP_PDF"));
    makePlan();
    if (QTest::currentTestFailed())
        return;
    m_pages = pages();
    QVERIFY2(m_pages.size() >= 4, qPrintable(u"only %1 pages"_s.arg(m_pages.size())));
}

void TestPlanPdf::makePlan()
{
    auto opened = LocalReplica::open(m_dir.filePath(u"replica"_s));
    QVERIFY(opened);
    m_replica = std::move(opened).value();
    const auto place = m_replica->add(u"municipality"_s, {}, { { u"name"_s, u"Adorf"_s }, { u"state"_s, u"Sachsen"_s },
                                                             { u"cluster"_s, u"Mitte"_s } });
    QVERIFY(place);
    const auto plan = m_replica->add(u"plan"_s, *place, { { u"title"_s, u"Werkstattplan Adorf"_s },
                                                         { u"review_status"_s, u"draft"_s } });
    QVERIFY(plan);
    m_planId = *plan;
    const QString sentence = u"Die Gemeinde stimmt sich mit Vereinen, Schulen und Betrieben ab und berichtet im Rat. "_s;
    int lengthIndex = 0;
    // Lengths in sentences: short and long measures mixed, so page breaks fall everywhere; one takes two pages.
    const QList<int> lengths { 2, 9, 25, 4, 14, 40, 1, 18, 7, 33, 3, 200, 12, 6, 21, 2, 30, 8, 16, 5, 45, 10, 3, 27 };
    for (int f = 1; f <= 3; ++f) {
        const auto field = m_replica->add(u"field_of_action"_s, m_planId,
                                          { { u"title"_s, u"Feld %1"_s.arg(f) }, { u"description"_s, u"Worum es geht."_s } });
        QVERIFY(field);
        for (int g = 1; g <= 2; ++g) {
            const auto goal = m_replica->add(u"goal"_s, *field, { { u"title"_s, u"Ziel %1.%2"_s.arg(f).arg(g) } });
            QVERIFY(goal);
            for (int m = 1; m <= 4; ++m) {
                const QString title = u"Maßnahme %1.%2.%3"_s.arg(f).arg(g).arg(m);
                m_measureTitles << title;
                const int sentences = lengths[lengthIndex++ % lengths.size()];
                QVERIFY(m_replica->add(u"measure"_s, *goal,
                                       { { u"title"_s, title }, { u"status"_s, u"planned"_s },
                                         { u"responsible"_s, u"Bauamt"_s }, { u"description"_s, sentence.repeated(sentences) } }));
            }
        }
    }
}

QList<QStringList> TestPlanPdf::pages()
{
    const QString file = m_dir.filePath(u"plan.pdf"_s);
    const Status written = Exports::planPdf(m_replica->store(), m_planId, ExportStamp::of(*m_replica), file);
    [&] { QVERIFY2(written, qPrintable(written ? QString() : written.error().message)); }();
    QProcess toText;
    toText.start(QStandardPaths::findExecutable(u"pdftotext"_s), { u"-raw"_s, u"-enc"_s, u"UTF-8"_s, file, u"-"_s });
    toText.waitForFinished(60'000);
    QList<QStringList> result;
    static const QRegularExpression footer(u"^(Stand der Daten|.*Seite \\d+ von \\d+$)"_s);
    const QStringList pages = QString::fromUtf8(toText.readAllStandardOutput()).split(u'\f', Qt::SkipEmptyParts);
    for (const QString &page : pages) {
        QStringList lines;
        for (const QString &raw : page.split(u'\n')) {
            const QString line = raw.simplified();
            if (!line.isEmpty() && !footer.match(line).hasMatch())
                lines << line;
        }
        if (!lines.isEmpty())
            result << lines;
    }
    return result;
}

void TestPlanPdf::headingsStayWithWhatFollows()
{
    for (qsizetype p = 0; p < m_pages.size(); ++p) {
        const QString last = m_pages[p].constLast();
        QVERIFY2(!isHeading(last), qPrintable(u"page %1 ends with the heading „%2“"_s.arg(p + 1).arg(last)));
    }
}

void TestPlanPdf::aMeasureOverAPageBreakRepeatsItsTitle()
{
    int continued = 0;
    QString current; // the measure whose title came last
    for (qsizetype p = 0; p < m_pages.size(); ++p) {
        const QString first = m_pages[p].constFirst();
        if (p > 0 && !isHeading(first))
            QFAIL(qPrintable(u"page %1 starts inside „%2“ without its title: „%3“"_s.arg(p + 1).arg(current, first)));
        if (first.endsWith(u" (Fortsetzung)"_s)) {
            QCOMPARE(first, current + u" (Fortsetzung)"_s);
            ++continued;
        }
        for (const QString &line : m_pages[p]) {
            if (m_measureTitles.contains(line))
                current = line;
        }
    }
    // The longest measure does not fit on a page: it must have been continued.
    QVERIFY(continued >= 1);
}

QTEST_MAIN(TestPlanPdf)
#include "tst_planpdf.moc"

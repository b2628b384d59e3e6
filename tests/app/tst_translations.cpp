// SPDX-License-Identifier: GPL-3.0-or-later
// The English translation is complete, and user-visible QML text is never a bare string literal.
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString sourceDir = QStringLiteral(WERKSTATTPLAN_SOURCE_DIR);
const QString tsFile = sourceDir + u"/client/app/i18n/werkstattplan_en.ts"_s;
const QString germanPluralsFile = sourceDir + u"/client/app/i18n/werkstattplan_de.ts"_s;

struct TsStats
{
    int messages = 0;
    QStringList unfinished; ///< source texts without a finished translation
};

TsStats readTs(const QString &path)
{
    TsStats stats;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return stats;
    QXmlStreamReader xml(&file);
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"message"_s)
            ++stats.messages;
        else if (xml.name() == u"source"_s)
            source = xml.readElementText();
        else if (xml.name() == u"translation"_s) {
            const bool unfinished = xml.attributes().value(u"type"_s) == u"unfinished"_s;
            // Plural forms hold their text in <numerusform> children.
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (unfinished || text.trimmed().isEmpty())
                stats.unfinished << source;
        }
    }
    return stats;
}

/** A property that people read, assigned a string literal that contains a letter. */
const QString bareTextPattern = QStringLiteral(
        "\\b(text|title|placeholderText|Accessible\\.name|Accessible\\.description|ToolTip\\.text|label)"
        "\\s*:\\s*\"(?!#)[^\"]*\\p{L}"); // colours ("#1f2a33") are not text

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void englishIsComplete()
    {
        const TsStats stats = readTs(tsFile);
        QVERIFY2(stats.messages > 100, qPrintable(u"%1 holds only %2 messages"_s.arg(tsFile).arg(stats.messages)));
        QVERIFY2(stats.unfinished.isEmpty(),
                 qPrintable(u"unfinished English translations:\n  "_s + stats.unfinished.join(u"\n  "_s)));
    }

    void germanPluralsAreComplete()
    {
        const TsStats stats = readTs(germanPluralsFile);
        QVERIFY2(stats.messages > 0, qPrintable(germanPluralsFile));
        QVERIFY2(stats.unfinished.isEmpty(),
                 qPrintable(u"German plural forms missing:\n  "_s + stats.unfinished.join(u"\n  "_s)));
    }

    /** lupdate over today's sources finds no string the committed files lack (run scripts/update-translations). */
    void translationsCoverEverySourceString_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("options");
        QTest::newRow("English") << tsFile << QStringList();
        QTest::newRow("German plurals") << germanPluralsFile << QStringList { u"-pluralonly"_s };
    }
    void translationsCoverEverySourceString()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, options);
        QTemporaryDir dir;
        const QString copy = dir.filePath(QFileInfo(file).fileName());
        QVERIFY(QFile::copy(file, copy));
        QProcess lupdate;
        lupdate.setWorkingDirectory(sourceDir);
        lupdate.start(QStringLiteral(WERKSTATTPLAN_LUPDATE),
                      QStringList { u"client/app/src"_s, u"client/app/qml"_s, u"client/core/terms.cpp"_s, u"-ts"_s, copy,
                                    u"-no-obsolete"_s,
                                    u"-locations"_s, u"none"_s }
                              + options);
        QVERIFY(lupdate.waitForFinished(120'000));
        QCOMPARE(lupdate.exitCode(), 0);
        const TsStats stats = readTs(copy);
        QVERIFY2(stats.unfinished.isEmpty(),
                 qPrintable(u"strings without translation (run scripts/update-translations and translate):\n  "_s
                            + stats.unfinished.join(u"\n  "_s)));
    }

    /** Text shown to people is assigned through qsTr(); symbols and keys are not text. */
    void qmlTextGoesThroughQsTr()
    {
        static const QRegularExpression bare(bareTextPattern);
        QStringList offenders;
        QDirIterator it(sourceDir + u"/client/app/qml"_s, { u"*.qml"_s }, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            int number = 0;
            for (const QByteArray &line : file.readAll().split('\n')) {
                ++number;
                const QString text = QString::fromUtf8(line);
                // Language names are shown in their own language, whatever the interface language is.
                if (text.contains(u"// own language"_s))
                    continue;
                if (bare.match(text).hasMatch())
                    offenders << u"%1:%2: %3"_s.arg(path.mid(sourceDir.size() + 1)).arg(number).arg(text.trimmed());
            }
        }
        QVERIFY2(offenders.isEmpty(), qPrintable(u"text outside qsTr():\n  "_s + offenders.join(u"\n  "_s)));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"

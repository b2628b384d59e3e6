// SPDX-License-Identifier: GPL-3.0-or-later
// Every QML module the client needs at run time is installed, and comes from a package listed in
// packaging/client-runtime-packages.txt (which the werkstattplan package depends on and scripts/install-deps
// installs): the client's own imports and, followed through qmldir files and the modules' own QML files, the
// imports of Qt's modules (the non-native file dialog of QtQuick.Dialogs needs Qt.labs.folderlistmodel,
// which a missing package turns into a crash on the first export). Also Qt's own translations.
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString sourceDir = QStringLiteral(WERKSTATTPLAN_SOURCE_DIR);
/** The client's own module: its files are the client's QML, scanned directly. */
const QString ownModule = u"Werkstattplan"_s;

/** The module URIs a QML file imports ("import QtQuick.Controls", "import QtQuick.Templates as T"). */
QStringList qmlImports(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    static const QRegularExpression importLine(u"^\\s*import\\s+([A-Za-z_][\\w.]*)"_s,
                                               QRegularExpression::MultilineOption);
    QStringList uris;
    for (auto it = importLine.globalMatch(QString::fromUtf8(file.readAll())); it.hasNext();)
        uris << it.next().captured(1);
    return uris;
}

/** What a module's qmldir names: the modules it needs (not the optional ones) and its QML files. */
struct Qmldir
{
    QStringList modules;
    QStringList files;
};

Qmldir readQmldir(const QString &path)
{
    Qmldir result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return result;
    const QString folder = QFileInfo(path).absolutePath();
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    for (const QString &raw : lines) {
        const QStringList words = raw.simplified().split(u' ', Qt::SkipEmptyParts);
        if (words.isEmpty() || words.first().startsWith(u'#'))
            continue;
        // "optional import QtQuick.Controls.Windows": another platform's style, never needed here.
        if (words.first() == u"optional"_s)
            continue;
        if ((words.first() == u"depends"_s || words.first() == u"import"_s) && words.size() >= 2)
            result.modules << words[1];
        else if (words.first() == u"default"_s && words.size() >= 3 && words[1] == u"import"_s)
            result.modules << words[2];
        else if (words.last().endsWith(u".qml"_s) || words.last().endsWith(u".js"_s))
            result.files << QDir(folder).filePath(words.last()); // "Name 6.0 File.qml", "singleton Name 6.0 File.qml"
    }
    return result;
}

/** Debian names a module's package after it: QtQuick.Dialogs → qml6-module-qtquick-dialogs. */
QString debianPackageHint(const QString &uri)
{
    return u"qml6-module-"_s + uri.toLower().replace(u'.', u'-');
}

const QString runtimeList = u"packaging/client-runtime-packages.txt"_s;

/** The packages of packaging/client-runtime-packages.txt: one a line, '#' starts a comment line. */
QSet<QString> runtimePackages()
{
    QFile file(sourceDir + u'/' + runtimeList);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QSet<QString> packages;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    for (const QString &line : lines) {
        const QString package = line.section(u'#', 0, 0).trimmed();
        if (!package.isEmpty())
            packages.insert(package);
    }
    return packages;
}

/** Debian's package of each file ("qml6-module-qtquick-dialogs"), by `dpkg -S`; empty if dpkg is not there. */
QHash<QString, QString> owningPackages(const QStringList &files)
{
    QHash<QString, QString> owners;
    const QString dpkg = QStandardPaths::findExecutable(u"dpkg"_s);
    if (dpkg.isEmpty() || files.isEmpty())
        return owners;
    QProcess process;
    process.start(dpkg, QStringList { u"-S"_s } + files);
    process.waitForFinished(60'000);
    // "qml6-module-qtquick-dialogs:amd64: /usr/lib/…/qmldir"
    const QStringList lines = QString::fromUtf8(process.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const qsizetype colon = line.indexOf(u": "_s);
        if (colon > 0)
            owners.insert(line.mid(colon + 2).trimmed(), line.left(colon).section(u':', 0, 0).section(u',', 0, 0));
    }
    return owners;
}

} // namespace

class TestQmlImports : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyImportedModuleIsInstalled();
    void everyModuleComesFromTheRuntimeList();
    void qtTranslationsAreInstalled();
    void theRuntimeListIsInstalledAndDependedOn();

private:
    /** module URI → its qmldir; filled by initTestCase. */
    QMap<QString, QString> m_found;
    /** module URI → who imports it, for the ones not found. */
    QMap<QString, QString> m_missing;
};

void TestQmlImports::initTestCase()
{
    const QString imports = QLibraryInfo::path(QLibraryInfo::QmlImportsPath);
    QStringList queue; // (uri, importer) pairs, flattened
    QDirIterator it(sourceDir + u"/client/app/qml"_s, { u"*.qml"_s }, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        for (const QString &uri : qmlImports(file))
            queue << uri << QDir(sourceDir).relativeFilePath(file);
    }
    QVERIFY2(!queue.isEmpty(), "no QML file found under client/app/qml");

    QSet<QString> seen { ownModule };
    while (!queue.isEmpty()) {
        const QString uri = queue.takeFirst();
        const QString importer = queue.takeFirst();
        if (seen.contains(uri))
            continue;
        seen.insert(uri);
        const QString qmldir = imports + u'/' + QString(uri).replace(u'.', u'/') + u"/qmldir"_s;
        if (!QFileInfo::exists(qmldir)) {
            m_missing.insert(uri, importer);
            continue;
        }
        m_found.insert(uri, qmldir);
        const Qmldir module = readQmldir(qmldir);
        for (const QString &needed : module.modules)
            queue << needed << QDir(imports).relativeFilePath(qmldir);
        for (const QString &file : module.files) {
            for (const QString &needed : qmlImports(file))
                queue << needed << QDir(imports).relativeFilePath(file);
        }
        // A module's implementation lives in a module of its own beside it that its plugin loads from C++
        // (QtQuick.Dialogs → QtQuick.Dialogs.quickimpl, whose FileDialog.qml imports Qt.labs.folderlistmodel).
        const QDir folder = QFileInfo(qmldir).absoluteDir();
        for (const QString &sub : folder.entryList({ u"*impl"_s }, QDir::Dirs | QDir::NoDotAndDotDot)) {
            if (QFileInfo::exists(folder.filePath(sub + u"/qmldir"_s)))
                queue << uri + u'.' + sub << QDir(imports).relativeFilePath(qmldir);
        }
    }
    qInfo("%d QML modules in use", int(m_found.size()));
}

void TestQmlImports::everyImportedModuleIsInstalled()
{
    QStringList problems;
    for (auto it = m_missing.cbegin(); it != m_missing.cend(); ++it) {
        problems << u"QML module %1 (imported by %2) is not installed; Debian: %3 — add it to %4"_s
                            .arg(it.key(), it.value(), debianPackageHint(it.key()), runtimeList);
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n"_s)));
    // The module the non-native file dialog needs is among them (else the scan did not reach Qt's own files).
    QVERIFY(m_found.contains(u"QtQuick.Dialogs.quickimpl"_s) || !m_found.contains(u"QtQuick.Dialogs"_s));
    QVERIFY(m_found.contains(u"Qt.labs.folderlistmodel"_s) || !m_found.contains(u"QtQuick.Dialogs"_s));
    QVERIFY(m_found.contains(u"QtQuick.Controls.Basic"_s));
}

void TestQmlImports::everyModuleComesFromTheRuntimeList()
{
    const QHash<QString, QString> owners = owningPackages(m_found.values());
    if (owners.isEmpty())
        QSKIP("dpkg is not available: cannot tell which package installs a module");
    const QSet<QString> listed = runtimePackages();
    QVERIFY2(!listed.isEmpty(), qPrintable(u"cannot read %1"_s.arg(runtimeList)));
    QStringList problems;
    for (auto it = m_found.cbegin(); it != m_found.cend(); ++it) {
        const QString package = owners.value(it.value());
        if (package.isEmpty())
            problems << u"%1: %2 belongs to no Debian package"_s.arg(it.key(), it.value());
        else if (!listed.contains(package))
            problems << u"QML module %1 comes from %2, which %3 does not list"_s.arg(it.key(), package, runtimeList);
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n"_s)));
}

void TestQmlImports::qtTranslationsAreInstalled()
{
    // The file dialog, the print dialog and the dialog buttons speak German only with Qt's own translations.
    const QString folder = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    QStringList files;
    for (const QString &name : { u"qtbase_de.qm"_s, u"qtdeclarative_de.qm"_s }) {
        const QString file = folder + u'/' + name;
        QVERIFY2(QFileInfo::exists(file),
                 qPrintable(u"%1 is missing; Debian: qt6-translations-l10n — add it to %2"_s.arg(file, runtimeList)));
        files << file;
    }
    const QHash<QString, QString> owners = owningPackages(files);
    if (owners.isEmpty())
        QSKIP("dpkg is not available: cannot tell which package installs Qt's translations");
    const QSet<QString> listed = runtimePackages();
    for (const QString &file : std::as_const(files))
        QVERIFY2(listed.contains(owners.value(file)),
                 qPrintable(u"%1 comes from %2, which %3 does not list"_s.arg(file, owners.value(file), runtimeList)));
}

void TestQmlImports::theRuntimeListIsInstalledAndDependedOn()
{
    // The list is only worth checking if the build machine installs it and the package depends on it.
    for (const QString &reader : { u"scripts/install-deps"_s, u"cmake/Packaging.cmake"_s }) {
        QFile file(sourceDir + u'/' + reader);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(u"cannot read "_s + reader));
        QVERIFY2(QString::fromUtf8(file.readAll()).contains(runtimeList.section(u'/', 1)),
                 qPrintable(u"%1 does not read %2"_s.arg(reader, runtimeList)));
    }
}

QTEST_GUILESS_MAIN(TestQmlImports)
#include "tst_qmlimports.moc"

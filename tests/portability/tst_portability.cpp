// SPDX-License-Identifier: GPL-3.0-or-later
// The client builds for Windows and macOS too: client/ and shared/ (which the client links) use
// Qt's APIs for files, paths and processes, never POSIX headers or calls, unless the code sits
// under a platform guard (#ifdef Q_OS_UNIX … with a fallback) or is listed below with a reason.
// The server is POSIX-only on purpose: each of its files that is must be named in docs/platforms.md.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

/** Code allowed to stay POSIX-only without a guard: a file (relative to the source root) and why. */
struct Allowed
{
    const char *file;
    const char *what; ///< the finding's text, e.g. "::chmod("
    const char *reason;
};
// Empty today: every POSIX-only line of client/ and shared/ is guarded.
const Allowed allowed[] = { { nullptr, nullptr, nullptr } };

struct Finding
{
    int line = 0;
    QString what;
};

/** Macros whose positive test marks a branch as Unix-only; a branch after a Windows test is Unix-only too. */
const QRegularExpression unixMacro(u"\\b(Q_OS_UNIX|Q_OS_LINUX|Q_OS_MACOS|Q_OS_DARWIN|Q_OS_BSD4|__unix__|__linux__|__APPLE__|__GLIBC__|_POSIX_VERSION)\\b"_s);
const QRegularExpression windowsMacro(u"\\b(Q_OS_WIN|Q_OS_WINDOWS|_WIN32|_WIN64|_MSC_VER)\\b"_s);

const QRegularExpression posixInclude(
        u"^\\s*#\\s*include\\s*<(unistd\\.h|sys/[\\w/]+\\.h|fcntl\\.h|signal\\.h|csignal|pthread\\.h|dlfcn\\.h|pwd\\.h|grp\\.h"
        "|poll\\.h|termios\\.h|malloc\\.h|syslog\\.h|dirent\\.h|netdb\\.h|spawn\\.h|semaphore\\.h|arpa/\\w+\\.h|netinet/\\w+\\.h)>"_s);
/** POSIX (or glibc) functions whose names are their own: found with or without a leading "::". */
const QRegularExpression posixCall(
        u"(?<![\\w.>:])(?:::)?(fork|vfork|umask|chmod|fchmod|chown|getuid|geteuid|getgid|getegid|getpid|getppid|setsid"
        "|sigaction|sigemptyset|socketpair|mkfifo|dup2|fsync|fdatasync|mmap|munmap|madvise|mallopt|setrlimit|getrlimit"
        "|prctl|readlink|symlink|realpath|setenv|unsetenv|usleep|sysconf|pthread_\\w+|posix_\\w+)\\s*\\("_s);
/** POSIX functions whose names are common member names (open, close, …): only the global "::open(" counts. */
const QRegularExpression globalCall(
        u"(?<![\\w.>:])::(open|close|read|write|unlink|stat|lstat|kill|signal|pipe|sleep|access|dup|ioctl|select|poll|link)\\s*\\("_s);

/** Blanks comments and string and character literals, keeping the line structure. */
QString codeOnly(const QString &text)
{
    QString code = text;
    enum { Code, LineComment, BlockComment, String, Char } state = Code;
    for (qsizetype i = 0; i < code.size(); ++i) {
        const QChar c = code[i];
        const QChar next = i + 1 < code.size() ? code[i + 1] : QChar();
        switch (state) {
        case Code:
            if (c == u'/' && next == u'/')
                state = LineComment;
            else if (c == u'/' && next == u'*')
                state = BlockComment;
            else if (c == u'"')
                state = String;
            else if (c == u'\'' && !(i > 0 && code[i - 1].isDigit())) // not a digit separator (10'000)
                state = Char;
            if (state != Code)
                code[i] = u' ';
            break;
        case LineComment:
            if (c == u'\n')
                state = Code;
            else
                code[i] = u' ';
            break;
        case BlockComment:
            if (c == u'*' && next == u'/') {
                code[i] = code[i + 1] = u' ';
                ++i;
                state = Code;
            } else if (c != u'\n') {
                code[i] = u' ';
            }
            break;
        case String:
        case Char:
            if (c == u'\\' && next != u'\n') {
                code[i] = code[i + 1] = u' ';
                ++i;
            } else if ((state == String && c == u'"') || (state == Char && c == u'\'') || c == u'\n') {
                if (c != u'\n')
                    code[i] = u' ';
                state = Code;
            } else {
                code[i] = u' ';
            }
            break;
        }
    }
    return code;
}

/**
 * POSIX-only headers and calls outside a Unix-only branch. Includes are read before the literals are
 * blanked (the header's name is between <>, which stays); everything else from the code alone.
 */
QList<Finding> scan(const QString &text)
{
    struct Frame
    {
        bool unixBranch = false; ///< the branch in force is Unix-only
        bool elseIsUnix = false; ///< an earlier branch was Windows-only (or not Unix): #else is Unix-only
    };
    QList<Frame> frames;
    const QStringList original = text.split(u'\n');
    const QStringList code = codeOnly(text).split(u'\n');
    QList<Finding> findings;
    for (qsizetype n = 0; n < code.size(); ++n) {
        const QString line = code[n].trimmed();
        if (line.startsWith(u'#')) {
            const QString directive = line.mid(1).trimmed();
            const QString condition = directive.section(u' ', 1).trimmed();
            const bool negated = condition.startsWith(u'!') || directive.startsWith(u"ifndef"_s);
            const bool unix = unixMacro.match(condition).hasMatch();
            const bool windows = windowsMacro.match(condition).hasMatch();
            const Frame tested { (unix && !negated) || (windows && negated), (windows && !negated) || (unix && negated) };
            if (directive.startsWith(u"if"_s))
                frames.append(tested);
            else if (directive.startsWith(u"elif"_s) && !frames.isEmpty())
                frames.last() = { tested.unixBranch, frames.last().elseIsUnix || tested.elseIsUnix };
            else if (directive.startsWith(u"else"_s) && !frames.isEmpty())
                frames.last() = { frames.last().elseIsUnix, false };
            else if (directive.startsWith(u"endif"_s) && !frames.isEmpty())
                frames.removeLast();
        }
        const bool guarded = std::any_of(frames.cbegin(), frames.cend(), [](const Frame &f) { return f.unixBranch; });
        if (guarded)
            continue;
        const auto include = posixInclude.match(original.value(n));
        if (include.hasMatch() && line.startsWith(u'#')) {
            findings.append({ int(n + 1), u"<%1>"_s.arg(include.captured(1)) });
            continue;
        }
        for (const QRegularExpression *pattern : { &posixCall, &globalCall }) {
            auto it = pattern->globalMatch(code[n]);
            while (it.hasNext())
                findings.append({ int(n + 1), it.next().captured(0).remove(u' ') });
        }
    }
    return findings;
}

QString sourceRoot()
{
    return QStringLiteral(WERKSTATTPLAN_SOURCE_DIR);
}

/** The C and C++ files under a folder of the source tree, relative to the root. */
QStringList sourcesUnder(const QString &folder)
{
    QStringList files;
    const QDir root(sourceRoot());
    QDirIterator it(root.filePath(folder), { u"*.cpp"_s, u"*.h"_s, u"*.hpp"_s, u"*.cc"_s, u"*.c"_s, u"*.mm"_s },
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << root.relativeFilePath(it.next());
    files.sort();
    return files;
}

QString read(const QString &relative)
{
    QFile file(QDir(sourceRoot()).filePath(relative));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

bool isAllowed(const QString &file, const QString &what)
{
    return std::any_of(std::begin(allowed), std::end(allowed), [&](const Allowed &a) {
        return a.file && file == QLatin1String(a.file) && what == QLatin1String(a.what);
    });
}

} // namespace

class TestPortability : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scannerFindsWhatItShould_data();
    void scannerFindsWhatItShould();
    void clientAndSharedAreFreeOfPosixOnlyCode();
    void posixOnlyServerFilesAreDocumented();
};

void TestPortability::scannerFindsWhatItShould_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QStringList>("found");
    QTest::addRow("header") << u"#include <unistd.h>\n"_s << QStringList { u"1:<unistd.h>"_s };
    QTest::addRow("sys header") << u"#include <QFile>\n#include <sys/stat.h>\n"_s << QStringList { u"2:<sys/stat.h>"_s };
    QTest::addRow("csignal") << u"#include <csignal>\n"_s << QStringList { u"1:<csignal>"_s };
    QTest::addRow("global chmod") << u"void f() { ::chmod(path, 0600); }\n"_s << QStringList { u"1:::chmod("_s };
    QTest::addRow("bare umask") << u"int main() {\n    umask(077);\n}\n"_s << QStringList { u"2:umask("_s };
    QTest::addRow("global open") << u"int fd = ::open(name, O_RDONLY);\n"_s << QStringList { u"1:::open("_s };
    QTest::addRow("pthread") << u"pthread_create(&t, nullptr, run, nullptr);\n"_s << QStringList { u"1:pthread_create("_s };
    QTest::addRow("member and qualified names") << u"file.open(QIODevice::ReadOnly); LocalReplica::open(folder);\n"
                                                   "socket->close(); close(); QProcess::kill(); m_store.read();\n"_s
                                                << QStringList {};
    QTest::addRow("comments and strings") << u"// ::chmod(x)\n/* #include <unistd.h>\n fork() */\nqDebug() << \"::umask(\";\n"_s
                                          << QStringList {};
    QTest::addRow("unix guard") << u"#ifdef Q_OS_UNIX\n#include <unistd.h>\n::chmod(p, 0600);\n#endif\n"_s << QStringList {};
    QTest::addRow("glibc guard") << u"#if defined(__GLIBC__)\nmallopt(M_TRIM_THRESHOLD, 1);\n#endif\n"_s << QStringList {};
    QTest::addRow("after a Windows branch") << u"#ifdef Q_OS_WIN\n_chmod(p, 0);\n#else\n::chmod(p, 0600);\n#endif\n"_s
                                            << QStringList {};
    QTest::addRow("else of a unix guard") << u"#ifdef Q_OS_UNIX\n#else\n::chmod(p, 0600);\n#endif\n"_s
                                          << QStringList { u"3:::chmod("_s };
    QTest::addRow("not Windows") << u"#ifndef Q_OS_WIN\n::chmod(p, 0600);\n#endif\n"_s << QStringList {};
    QTest::addRow("negated guard") << u"#if !defined(Q_OS_UNIX)\nfork();\n#endif\n"_s << QStringList { u"2:fork("_s };
    QTest::addRow("after the guard") << u"#ifdef Q_OS_LINUX\n#endif\ngetuid();\n"_s << QStringList { u"3:getuid("_s };
}

void TestPortability::scannerFindsWhatItShould()
{
    QFETCH(QString, source);
    QFETCH(QStringList, found);
    QStringList actual;
    for (const Finding &finding : scan(source))
        actual << u"%1:%2"_s.arg(finding.line).arg(finding.what);
    QCOMPARE(actual, found);
}

void TestPortability::clientAndSharedAreFreeOfPosixOnlyCode()
{
    QStringList problems;
    int files = 0;
    for (const QString &folder : { u"client"_s, u"shared"_s }) {
        for (const QString &file : sourcesUnder(folder)) {
            ++files;
            for (const Finding &finding : scan(read(file))) {
                if (!isAllowed(file, finding.what))
                    problems << u"%1:%2: %3 is POSIX-only; use Qt's API, or guard it (#ifdef Q_OS_UNIX) with a "
                                "fallback"_s.arg(file).arg(finding.line).arg(finding.what);
            }
        }
    }
    QVERIFY2(files > 50, qPrintable(u"only %1 source files under client/ and shared/ in %2"_s.arg(files).arg(sourceRoot())));
    QVERIFY2(problems.isEmpty(), qPrintable(u"\n"_s + problems.join(u'\n')));
}

void TestPortability::posixOnlyServerFilesAreDocumented()
{
    const QString doc = read(u"docs/platforms.md"_s);
    QVERIFY2(!doc.isEmpty(), "no docs/platforms.md");
    QStringList undocumented;
    QStringList posixOnly;
    for (const QString &file : sourcesUnder(u"syncserver"_s)) {
        const QList<Finding> findings = scan(read(file));
        if (!findings.isEmpty())
            posixOnly << file;
        if (!findings.isEmpty() && !doc.contains(file))
            undocumented << u"%1 (line %2: %3)"_s.arg(file).arg(findings.first().line).arg(findings.first().what);
    }
    // The scanner sees what is there: the server's signal handling and umask are POSIX-only.
    QVERIFY2(posixOnly.contains(u"syncserver/main.cpp"_s), qPrintable(posixOnly.join(u", "_s)));
    QVERIFY2(undocumented.isEmpty(),
             qPrintable(u"POSIX-only server files not named in docs/platforms.md: "_s + undocumented.join(u", "_s)));
}

QTEST_GUILESS_MAIN(TestPortability)
#include "tst_portability.moc"

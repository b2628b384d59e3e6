// SPDX-License-Identifier: GPL-3.0-or-later
// LocalReplica: opening a replica folder (set aside and salvaged if damaged) and the local check beside it.
#include "localreplica.h"
#include "localreplicakeys.h"

#include "common/logging.h"
#include "storage/replicaseal.h"

#include <QDateTime>
#include <QDir>
#include <QSaveFile>
#include <QStandardPaths>

using namespace Qt::Literals::StringLiterals;
using namespace LocalReplicaKeys;

namespace {

/** The device id lives beside the replica, so a rebuilt replica keeps it (tokens are bound to it). */
QString deviceOf(const QString &folder)
{
    const QString id = readJson(QDir(folder).filePath(LocalReplica::accountFile)).value(u"device"_s).toString();
    return isChangeId(id) ? id : u"dev-"_s + LocalEditor::newId().left(12);
}

} // namespace

QString LocalReplica::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

Result<std::unique_ptr<LocalReplica>> LocalReplica::open(const QString &folder, OpenReport *report,
                                                         HlcClock::TimeSource wallClock)
{
    if (!QDir().mkpath(folder))
        return Error { u"storage_error"_s, u"cannot create the folder %1"_s.arg(folder) };
    const QString path = QDir(folder).filePath(replicaFile);
    // What the replica held when it was last written, kept outside the SQLite file (writeCheck()).
    const QJsonObject check = readJson(QDir(folder).filePath(checkFile));
    const bool wasReplica = !check.isEmpty() || QFile::exists(QDir(folder).filePath(accountFile));
    const QString device = deviceOf(folder);
    QList<Change> salvaged;
    OpenReport opened;
    auto setAside = [&](const QString &why) -> Status {
        // Set aside, never delete: what cannot be salvaged now may still be rescued by hand.
        opened.setAsidePath = path + u".damaged-"_s + QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd'T'HHmmss"_s);
        if (!QFile::rename(path, opened.setAsidePath))
            return Error { u"storage_error"_s, u"cannot move the damaged replica %1 aside"_s.arg(path) };
        for (const QString &suffix : { u"-wal"_s, u"-shm"_s })
            QFile::rename(path + suffix, opened.setAsidePath + suffix);
        QFile::remove(ReplicaSeal::sealFile(path)); // it vouched for the file set aside
        qCWarning(lcSync) << "replica" << path << why << "; moved to" << opened.setAsidePath;
        opened.problem = why;
        salvaged = ReplicaStore::salvageOutbox(opened.setAsidePath, device, &opened.salvageComplete);
        return Ok {};
    };
    const QFileInfo file(path);
    if (file.exists() && file.size() == 0 && wasReplica) {
        // SQLite would take an empty file for a new database: the replica it was would vanish without a word.
        if (Status aside = setAside(u"replica_empty"_s); !aside)
            return aside.error();
    } else if (!file.exists() && check.value(u"log_seq"_s).toInteger() > 0) {
        opened.problem = u"replica_missing"_s;
        opened.lostWork = u"the replica file %1 is gone; a new one was started"_s.arg(path);
    }
    // This device's file: sealed at a clean close, so the next open can skip the full check (ReplicaSeal).
    ReplicaStore::Options options;
    options.sealOnClose = true;
    auto store = ReplicaStore::open(path, options);
    if (!store && (store.errorCode() == u"replica_corrupt"_s || store.errorCode() == u"not_a_replica"_s)) {
        if (Status aside = setAside(store.errorCode() == u"not_a_replica"_s ? u"replica_foreign"_s : u"replica_corrupt"_s);
            !aside)
            return aside.error();
        store = ReplicaStore::open(path, options);
    }
    if (!store)
        return store.error();
    // Unshared plans and the sign-in token: for this user's eyes only, also in a replica made before.
    QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    for (const QString &suffix : { u""_s, u"-wal"_s, u"-shm"_s }) {
        if (QFileInfo::exists(path + suffix))
            QFile::setPermissions(path + suffix, QFile::ReadOwner | QFile::WriteOwner);
    }
    std::unique_ptr<LocalReplica> replica(new LocalReplica(folder, std::move(store).value(), device, std::move(wallClock)));
    if (Status loaded = replica->loadAccount(); !loaded)
        return loaded.error();
    if (!salvaged.isEmpty()) {
        // Queued again as they were: same ids, so the server takes each once even if it had it.
        if (Status queued = replica->m_store->applyLocal(salvaged, {}); !queued)
            return queued.error();
        opened.salvagedChanges = int(salvaged.size());
    }
    if (opened.setAsidePath.isEmpty() && opened.lostWork.isEmpty() && !check.isEmpty()) {
        // Committed work the file no longer has (a deleted -wal, a copy put back): the stamp of the
        // last local edit and the cursor only ever grow.
        const Hlc stamp = Hlc::fromString(replica->state(lastStampKey));
        const Hlc expected = Hlc::fromString(check.value(u"local_stamp"_s).toString());
        const qint64 cursor = replica->cursor();
        const qint64 expectedCursor = check.value(u"cursor"_s).toInteger();
        if (stamp < expected || cursor < expectedCursor) {
            opened.problem = u"replica_work_lost"_s;
            opened.lostWork = u"the replica lacks committed work: last local edit %1 (expected %2), cursor %3 "
                              "(expected %4), %5 unsynced change(s) (expected %6)"_s
                                      .arg(stamp.toString(), expected.toString())
                                      .arg(cursor)
                                      .arg(expectedCursor)
                                      .arg(replica->pendingCount())
                                      .arg(check.value(u"outbox"_s).toInteger());
            qCWarning(lcSync).noquote() << "replica" << path << ":" << opened.lostWork;
        }
    }
    if (!opened.problem.isEmpty()) {
        const QString message = !opened.lostWork.isEmpty()
                ? opened.lostWork
                : u"the replica was damaged (%1) and set aside as %2; %3 unsynced change(s) salvaged%4"_s.arg(
                          opened.problem, opened.setAsidePath)
                          .arg(opened.salvagedChanges)
                          .arg(opened.salvageComplete ? QString() : u", some rows were unreadable"_s);
        if (Status noted = replica->setNotice(opened.problem, message); !noted)
            return noted.error();
    }
    replica->writeCheck();
    if (report)
        *report = opened;
    return replica;
}

LocalReplica::Notice LocalReplica::notice()
{
    const QJsonObject json = QJsonDocument::fromJson(state(noticeKey).toUtf8()).object();
    return { json.value(u"code"_s).toString(), json.value(u"message"_s).toString(),
             QDateTime::fromString(json.value(u"at"_s).toString(), Qt::ISODateWithMs) };
}

Status LocalReplica::setNotice(const QString &code, const QString &message)
{
    if (code.isEmpty())
        return writeState(noticeKey, u""_s); // NOT NULL column
    const QJsonObject json { { u"code"_s, code }, { u"message"_s, message },
                             { u"at"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) } };
    return writeState(noticeKey, QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
}

void LocalReplica::writeCheck()
{
    // Written after each commit, never before: a crash in between leaves a record that is behind
    // the file (harmless), never ahead of it (a false alarm).
    const QJsonObject json { { u"local_stamp"_s, state(lastStampKey) },
                             { u"cursor"_s, cursor() },
                             { u"log_seq"_s, m_store->lastSequence() },
                             { u"outbox"_s, m_store->outboxSize() },
                             { u"outbox_seq"_s, m_store->outboxSequence() } };
    QSaveFile out(QDir(m_folder).filePath(checkFile));
    if (!out.open(QIODevice::WriteOnly)
        || out.write(QJsonDocument(json).toJson(QJsonDocument::Compact)) < 0 || !out.commit())
        qCWarning(lcSync).noquote() << "cannot write" << out.fileName() << ":" << out.errorString();
    QFile::setPermissions(out.fileName(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}


// SPDX-License-Identifier: GPL-3.0-or-later
#include "fleetworker.h"

#include "helpers/signin.h"
#include "helpers/syncclient.h"
#include "localreplica.h"
#include "syncengine.h"

#include "storage/replicastore.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QThread>

#include <functional>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace {

/** One laptop: its replica and sync engine, made, used and destroyed on a thread of its own. */
class Laptop
{
public:
    Laptop() : m_context(std::make_unique<QObject>())
    {
        m_thread.start();
        m_context->moveToThread(&m_thread);
    }
    ~Laptop()
    {
        post([this] {
            engine.reset();
            replica.reset();
        });
        m_done.acquire();
        m_thread.quit();
        m_thread.wait();
        m_context.reset();
    }
    Q_DISABLE_COPY_MOVE(Laptop)

    /** Runs job on the laptop's thread; finished() tells when. */
    void post(std::function<void()> job)
    {
        QMetaObject::invokeMethod(m_context.get(), [this, job = std::move(job)] {
            job();
            m_done.release();
        });
    }
    void finished() { m_done.acquire(); }

    std::unique_ptr<LocalReplica> replica;
    std::unique_ptr<SyncEngine> engine;
    QJsonObject result;

private:
    QThread m_thread;
    std::unique_ptr<QObject> m_context;
    QSemaphore m_done;
};

/** Runs job on every laptop at once and waits for all; their results in order. */
QJsonArray onEvery(std::vector<std::unique_ptr<Laptop>> &laptops, const std::function<QJsonObject(Laptop &, int)> &job)
{
    for (size_t i = 0; i < laptops.size(); ++i) {
        Laptop *laptop = laptops[i].get();
        laptop->post([laptop, &job, i] { laptop->result = job(*laptop, int(i)); });
    }
    QJsonArray results;
    for (auto &laptop : laptops) {
        laptop->finished();
        results.append(laptop->result);
    }
    return results;
}

QJsonObject openLaptop(Laptop &laptop, const QJsonObject &spec, const QString &password)
{
    auto opened = LocalReplica::open(spec.value(u"folder"_s).toString());
    if (!opened)
        return { { u"error"_s, u"cannot open the replica: %1"_s.arg(opened.errorMessage()) } };
    laptop.replica = std::move(opened).value();
    laptop.engine = std::make_unique<SyncEngine>(*laptop.replica);
    const Status signedIn = signInAndWait(*laptop.engine, QUrl(spec.value(u"url"_s).toString()),
                                          spec.value(u"user"_s).toString(), password);
    if (!signedIn)
        return { { u"error"_s, u"sign-in: %1"_s.arg(signedIn.errorMessage()) } };
    return { { u"device"_s, laptop.replica->device() } };
}

/** One `werkstattplan-cli sync`: syncOnce() again while a round still moves the outbox. */
QJsonObject syncLaptop(Laptop &laptop)
{
    LocalReplica &replica = *laptop.replica;
    SyncSummary total;
    QString error;
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        const int pendingBefore = replica.pendingCount();
        const auto round = laptop.engine->syncOnce();
        if (!round) {
            error = round.errorCode() + u": "_s + round.errorMessage();
            break;
        }
        total.pushed += round->pushed;
        total.rejected += round->rejected;
        total.pulled += round->pulled;
        total.bootstrapped += round->bootstrapped;
        const int pendingAfter = replica.pendingCount();
        if (pendingAfter == 0 || pendingAfter >= pendingBefore)
            break;
    }
    return { { u"ms"_s, double(timer.nsecsElapsed()) / 1e6 },
             { u"pushed"_s, total.pushed },
             { u"rejected"_s, total.rejected },
             { u"pulled"_s, total.pulled },
             { u"bootstrapped"_s, total.bootstrapped },
             { u"pending"_s, replica.pendingCount() },
             { u"error"_s, error } };
}

QJsonObject editLaptop(Laptop &laptop, const QJsonArray &edits)
{
    int failed = 0;
    QString firstError;
    for (const QJsonValue &edit : edits) {
        const QJsonArray e = edit.toArray();
        // One local transaction per edit, as `werkstattplan-cli set` makes it.
        const Status set = laptop.replica->set(e[0].toString(), { { e[1].toString(), e[2].toString() } });
        if (!set && failed++ == 0)
            firstError = set.errorMessage();
    }
    return { { u"failed"_s, failed }, { u"error"_s, firstError } };
}

QJsonArray conflictsOf(ReplicaStore &store)
{
    QJsonArray list;
    for (const Conflict &conflict : store.conflicts())
        list.append(QJsonArray { conflict.entityId, conflict.field, conflict.kept.value, conflict.other.value });
    return list;
}

/**
 * The server's state for the laptop's account, into a scratch store: a compact bootstrap (records and
 * their heads, as the laptops' first syncs were: the digest compares records), stored page by page so
 * no more than one page is held, then the pull after it.
 */
QJsonObject serverState(const QString &url, const QString &user, const QString &password, const QString &device)
{
    SyncClient client { QUrl(url) };
    const HttpResponse login = client.login(user, password, device);
    if (login.status != 200)
        return { { u"error"_s, u"reference login: %1"_s.arg(login.describe()) } };
    QTemporaryDir folder;
    auto store = ReplicaStore::open(folder.filePath(u"reference.sqlite"_s));
    if (!store)
        return { { u"error"_s, store.errorMessage() } };
    qint64 cursor = -1;
    for (qint64 after = 0;;) {
        const HttpResponse page = client.request(
                "GET", u"/v1/bootstrap?after=%1&limit=1000&meta=%2&history=none"_s.arg(after).arg(
                               int(Protocol::MetaFormat::Compact)));
        if (page.status != 200)
            return { { u"error"_s, u"reference bootstrap: %1"_s.arg(page.describe()) } };
        if (cursor < 0)
            cursor = page.json.value(u"cursor"_s).toInteger(-1); // the pull goes on from the first page's cursor
        QList<SnapshotEntity> entities;
        for (const QJsonValue &item : page.json.value(u"entities"_s).toArray()) {
            auto entity = Protocol::snapshotEntityFromJson(item.toObject());
            if (!entity)
                return { { u"error"_s, u"reference bootstrap: %1"_s.arg(entity.errorMessage()) } };
            entities << std::move(entity).value();
        }
        if (Status imported = store.value()->importSnapshot(entities); !imported)
            return { { u"error"_s, imported.errorMessage() } };
        const qint64 next = page.json.value(u"next"_s).toInteger(-1);
        if (!page.json.value(u"more"_s).toBool())
            break;
        if (next <= after)
            return { { u"error"_s, u"reference bootstrap: a page does not advance"_s } };
        after = next;
    }
    if (Status finished = store.value()->finishImport(); !finished)
        return { { u"error"_s, finished.errorMessage() } };
    const PullResult tail = client.pullAll(cursor);
    if (!tail.ok)
        return { { u"error"_s, u"reference pull: %1"_s.arg(tail.response.describe()) } };
    const QList<Change> changes = tail.plainChanges();
    // Nothing writes during the check; a change that needs an entity's whole history would need its fetch too.
    const auto incomplete = store.value()->entitiesToComplete(changes);
    if (!incomplete || !incomplete->isEmpty())
        return { { u"error"_s, u"reference pull: changes after the bootstrap need histories a compact one lacks"_s } };
    if (auto applied = store.value()->applyBatch(changes); !applied)
        return { { u"error"_s, applied.errorMessage() } };
    // Records (values, heads, pending bases): a compact first sync holds heads, not every history.
    return { { u"digest"_s, QString::fromLatin1(store.value()->stateDigest(DigestOf::Records)) },
             { u"conflicts"_s, conflictsOf(*store.value()) } };
}

QJsonObject reportLaptop(Laptop &laptop, const QJsonArray &fields)
{
    ReplicaStore &store = laptop.replica->store();
    QJsonArray values;
    for (const QJsonValue &field : fields) {
        const QJsonArray f = field.toArray();
        const auto record = store.record(f[0].toString());
        values.append(record ? QJsonValue(record->value(f[1].toString())) : QJsonValue());
    }
    QJsonObject report { { u"digest"_s, QString::fromLatin1(store.stateDigest(DigestOf::Records)) },
                         { u"conflicts"_s, conflictsOf(store) },
                         { u"values"_s, values },
                         { u"pending"_s, laptop.replica->pendingCount() },
                         { u"rejected"_s, int(laptop.replica->rejected().size()) } };
    return report;
}

void answer(const QJsonArray &laptops)
{
    std::cout << QJsonDocument(QJsonObject { { u"laptops"_s, laptops } }).toJson(QJsonDocument::Compact).toStdString()
              << std::endl;
}

} // namespace

int runFleetWorker()
{
    std::vector<std::unique_ptr<Laptop>> laptops;
    QString password;
    for (std::string line; std::getline(std::cin, line);) {
        const QJsonObject command = QJsonDocument::fromJson(QByteArray::fromStdString(line)).object();
        const QString cmd = command.value(u"cmd"_s).toString();
        if (cmd == u"open"_s) {
            password = command.value(u"password"_s).toString();
            QJsonArray results;
            for (const QJsonValue &spec : command.value(u"laptops"_s).toArray()) {
                laptops.push_back(std::make_unique<Laptop>());
                Laptop &laptop = *laptops.back();
                laptop.post([&laptop, spec, password] { laptop.result = openLaptop(laptop, spec.toObject(), password); });
                laptop.finished();
                results.append(laptop.result);
            }
            answer(results);
        } else if (cmd == u"sync"_s) {
            answer(onEvery(laptops, [](Laptop &laptop, int) { return syncLaptop(laptop); }));
        } else if (cmd == u"edit"_s) {
            const QJsonArray edits = command.value(u"edits"_s).toArray();
            answer(onEvery(laptops, [&edits](Laptop &laptop, int i) { return editLaptop(laptop, edits[i].toArray()); }));
        } else if (cmd == u"report"_s) {
            const QJsonArray fields = command.value(u"fields"_s).toArray();
            const QJsonArray reference = command.value(u"reference"_s).toArray();
            QJsonArray reports = onEvery(laptops, [&](Laptop &laptop, int) {
                return reportLaptop(laptop, fields);
            });
            // The server's state one laptop at a time: each reads the whole project into memory.
            for (size_t i = 0; i < laptops.size(); ++i) {
                if (!reference[qsizetype(i)].toBool())
                    continue;
                Laptop &laptop = *laptops[i];
                laptop.post([&laptop, &password] {
                    const auto account = laptop.replica->account();
                    laptop.result = serverState(account->serverUrl, account->user, password,
                                                u"check-"_s + laptop.replica->device());
                });
                laptop.finished();
                QJsonObject report = reports[qsizetype(i)].toObject();
                report.insert(u"server"_s, laptop.result);
                reports[qsizetype(i)] = report;
            }
            answer(reports);
        } else {
            break;
        }
    }
    laptops.clear();
    return 0;
}

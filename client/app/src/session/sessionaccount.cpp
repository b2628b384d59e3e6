// SPDX-License-Identifier: GPL-3.0-or-later
// Session: the account side (signing in, which folder an account's replica lives in, signing out, the first
// sync) and how devices and authors are named for people.
#include "session.h"

#include "common/logging.h"
#include "tlstrust.h"
#include "vocabulary.h"

#include <QDateTime>
#include <QDir>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString accountFolderName = u"account"_s;
/** Folders tried for accounts: "account", then "account-2", … */
constexpr int maxAccountFolders = 50;

/** The server's own changes (accounts, municipalities, demo data) carry a device id of this form. */
bool isServerDevice(const QString &device)
{
    return device.startsWith(u"server-"_s);
}

/** Fields copied when local work moves into the account's plan (the parent link and position are set anew). */
bool isCopiedField(const EntitySpec &spec, const FieldSpec &field)
{
    return field.name != spec.parentField && field.type != FieldType::OrderKey;
}

QString normalizedServer(const QString &server)
{
    return Session::serverUrlFromInput(server)
            .adjusted(QUrl::StripTrailingSlash | QUrl::RemoveQuery | QUrl::RemoveFragment)
            .toString();
}

} // namespace

QString Session::accountFolder(const QString &server, const QString &user) const
{
    // An account keeps its folder: signing in again picks up its replica and whatever it had not sent.
    const QString wanted = normalizedServer(server);
    QString free;
    for (int i = 1; i <= maxAccountFolders; ++i) {
        const QString folder =
                QDir(m_dataFolder).filePath(i == 1 ? accountFolderName : u"%1-%2"_s.arg(accountFolderName).arg(i));
        const auto account = LocalReplica::accountIn(folder);
        if (account && account->serverUrl == wanted && account->user.compare(user, Qt::CaseInsensitive) == 0)
            return folder;
        if (!account && free.isEmpty())
            free = folder;
    }
    return free.isEmpty() ? QDir(m_dataFolder).filePath(accountFolderName) : free;
}

void Session::signIn(const QString &server, const QString &user, const QString &password)
{
    if (m_busy)
        return;
    m_busy = true;
    // The new account's replica opens before the server answers: until it does, this is no plan yet.
    m_firstSignIn = !m_replica;
    Q_EMIT busyChanged();
    // Let the page show that it is working before the request starts.
    QTimer::singleShot(0, this, [this, server = server.trimmed(), user = user.trimmed(), password, caFile = m_caFile] {
        SignInAttempt attempt;
        attempt.previousFolder = m_replica ? m_replica->folder() : QString();
        attempt.fromLocalWork = isLocalOnly();
        attempt.folder = accountFolder(server, user);
        Status opened = Ok {};
        if (attempt.previousFolder != attempt.folder)
            opened = open(attempt.folder);
        // The choice made on the sign-in page, for this account from now on.
        if (opened)
            opened = m_engine->setCaFile(caFile);
        if (!opened) {
            signInFailed(attempt, opened.error());
            return;
        }
        const QUrl url = serverUrlFromInput(server);
        if (TlsTrust::isInsecure(url))
            qCWarning(lcSync).noquote() << "signing in over plain HTTP at" << url.toDisplayString();
        connect(m_engine.get(), &SyncEngine::loginFinished, this,
                [this, attempt](const Status &result) {
                    if (result)
                        signedIn(attempt);
                    else
                        signInFailed(attempt, result.error());
                },
                Qt::SingleShotConnection);
        m_engine->login(url, user, password);
    });
}

void Session::signInFailed(const SignInAttempt &attempt, const Error &error)
{
    m_firstSignIn = false;
    if (!attempt.previousFolder.isEmpty() && attempt.previousFolder != attempt.folder)
        check(open(attempt.previousFolder));
    else if (attempt.previousFolder.isEmpty()) {
        close();
        Q_EMIT accountChanged();
    }
    m_busy = false;
    Q_EMIT busyChanged();
    Q_EMIT signInFinished(Vocabulary::signInErrorText(error.code));
}

void Session::signedIn(const SignInAttempt &attempt)
{
    rememberCurrent(attempt.folder);
    findPlan();
    m_firstSignIn = false;
    Q_EMIT accountChanged();
    // The first sync runs in the background; the sign-in ends with its first cycle, whichever way it went.
    auto connections = std::make_shared<QList<QMetaObject::Connection>>();
    const auto firstCycleEnded = [this, attempt, connections](bool synced) {
        for (const QMetaObject::Connection &connection : std::as_const(*connections))
            disconnect(connection);
        firstSyncEnded(attempt, synced);
    };
    connections->append(connect(m_engine.get(), &SyncEngine::synced, this, [firstCycleEnded] { firstCycleEnded(true); }));
    connections->append(connect(m_engine.get(), &SyncEngine::failed, this, [firstCycleEnded] { firstCycleEnded(false); }));
    m_engine->start();
}

void Session::firstSyncEnded(const SignInAttempt &attempt, bool synced)
{
    findPlan();
    if (attempt.fromLocalWork && synced) {
        if (Status adopted = adoptLocalWork(attempt.previousFolder); !adopted)
            Q_EMIT notice(Vocabulary::errorText(adopted.errorCode()));
    }
    changed();
    if (m_workOffline)
        m_engine->pause();
    m_busy = false;
    Q_EMIT busyChanged();
    Q_EMIT signInFinished({});
}

Status Session::adoptLocalWork(const QString &localFolder)
{
    if (m_planId.isEmpty())
        return Error { u"no_plan"_s, u"the account has no plan to take the local work"_s };
    auto local = LocalReplica::open(localFolder);
    if (!local)
        return local.error();
    ReplicaStore &from = local.value()->store();
    QString localPlan;
    for (const QString &id : from.entityIds(u"plan"_s)) {
        if (const auto record = from.record(id); record && record->isLive())
            localPlan = id;
    }
    const Schema &schema = Schema::instance();
    int copied = 0;
    // Depth first, in list order, so the copies keep the order of the originals.
    std::function<Status(const QString &, const QString &, const EntitySpec &)> copyChildren =
            [&](const QString &fromParent, const QString &toParent, const EntitySpec &spec) -> Status {
        const QList<EntityRecord> children = ReplicaView(from).orderedChildren(spec, fromParent);
        for (const EntityRecord &child : children) {
            LocalReplica::Fields fields;
            for (int i = 0; i < spec.fields.size(); ++i) {
                if (isCopiedField(spec, spec.fields[i]) && !child.fields[i].value.isNull())
                    fields.append({ spec.fields[i].name, child.fields[i].value });
            }
            auto id = m_replica->add(spec.name, toParent, fields);
            if (!id)
                return id.error();
            ++copied;
            for (const EntitySpec &childSpec : schema.entities()) {
                if (childSpec.parentField == spec.name && childSpec.name != u"meeting_link"_s) {
                    if (Status ok = copyChildren(child.id, *id, childSpec); !ok)
                        return ok;
                }
            }
        }
        return Ok {};
    };
    if (!localPlan.isEmpty()) {
        const auto planRecord = from.record(localPlan);
        const QString vision = planRecord->value(u"vision"_s);
        if (!vision.isEmpty() && fieldValue(m_planId, u"vision"_s).isEmpty()) {
            if (Status ok = m_replica->set(m_planId, { { u"vision"_s, vision } }); !ok)
                return ok;
        }
        if (Status ok = copyChildren(localPlan, m_planId, *schema.entity(u"field_of_action"_s)); !ok)
            return ok;
    }
    local.value().reset();
    // Kept, not deleted: the local work stays readable as it was.
    const QString keptAs = localFolder + u".übernommen-"_s
            + QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd'T'HHmmss"_s);
    QDir().rename(localFolder, keptAs);
    m_engine->notifyLocalChange();
    Q_EMIT notice(tr("Ihre lokale Arbeit (%n Einträge) wurde in den Plan Ihrer Kommune übernommen.", nullptr, copied));
    return Ok {};
}

int Session::unsentChanges() const
{
    return m_replica ? m_replica->pendingCount() : 0;
}

void Session::signOut()
{
    if (!m_replica || isLocalOnly() || m_busy)
        return;
    const int unsent = unsentChanges();
    m_engine->stop();
    // Only the token goes: the replica, its outbox and the account it belongs to stay in the folder.
    if (Status cleared = m_replica->clearToken(); !cleared) {
        report(cleared.error());
        return;
    }
    qCInfo(lcSync).noquote() << "signed out of" << serverUrl() << "as" << user() << "with" << unsent
                             << "changes kept in" << m_replica->folder();
    close();
    m_settings.forgetLastReplica();
    Q_EMIT accountChanged();
    Q_EMIT planChanged();
    Q_EMIT undoChanged();
    changed();
    Q_EMIT notice(unsent > 0 ? tr("Abgemeldet. %n Änderung(en) bleiben auf diesem Gerät und werden übertragen, "
                                  "sobald Sie sich wieder mit diesem Konto anmelden.", nullptr, unsent)
                             : tr("Abgemeldet."));
}

void Session::updateFirstSync()
{
    bool first = false;
    if (m_replica && m_replica->account()) {
        const QString plan = m_replica->account()->planId;
        const auto record = plan.isEmpty() ? std::nullopt : m_replica->store().record(plan);
        first = m_replica->needsBootstrap() || (!plan.isEmpty() && !(record && record->exists()));
    }
    if (first == m_firstSync)
        return;
    m_firstSync = first;
    Q_EMIT firstSyncChanged();
}

QString Session::deviceName() const
{
    if (!m_replica)
        return {};
    const QString name = m_replica->deviceName();
    return name.isEmpty() ? LocalReplica::defaultDeviceName() : name;
}

void Session::setDeviceName(const QString &name)
{
    if (!m_replica || name.trimmed() == deviceName())
        return;
    if (name.trimmed().isEmpty()) {
        Q_EMIT notice(tr("Bitte geben Sie diesem Gerät einen Namen."));
        Q_EMIT deviceNameChanged(); // the field shows the name it keeps
        return;
    }
    if (!check(m_replica->describeDevice(name)))
        return;
    edited();
    Q_EMIT deviceNameChanged();
}

std::optional<EntityRecord> Session::deviceRecord(const QString &device) const
{
    if (!m_replica || device.isEmpty())
        return std::nullopt;
    auto record = m_replica->store().record(device);
    if (!record || !record->exists() || record->spec->name != u"device"_s)
        return std::nullopt;
    return record;
}

QString Session::authorLabel(const QString &author, const QString &device) const
{
    if (isServerDevice(device))
        return tr("Einrichtung des Servers");
    // The device tells the municipality; a device not yet known, the account if it is this one.
    std::optional<QString> municipality;
    if (const auto record = deviceRecord(device))
        municipality = record->value(u"municipality"_s);
    else if (m_replica && m_replica->account() && m_replica->account()->user == author)
        municipality = m_replica->account()->municipalityId;
    if (municipality && municipality->isEmpty())
        return tr("Geschäftsstelle");
    if (municipality) {
        const auto place = m_replica->store().record(*municipality);
        if (place && !place->value(u"name"_s).isEmpty())
            return place->value(u"name"_s);
    }
    return author.isEmpty() ? tr("unbekannt") : author;
}

QString Session::origin(const QString &author, const QString &device) const
{
    if (isServerDevice(device))
        return tr("Einrichtung des Servers");
    if (!device.isEmpty() && device == this->device())
        return tr("auf diesem Gerät");
    const QString who = authorLabel(author, device);
    const auto record = deviceRecord(device);
    const QString name = record ? record->value(u"name"_s) : QString();
    //: a change's origin: the device's name (in quotes) and the municipality or the office
    return name.isEmpty() ? tr("auf einem anderen Gerät (%1)").arg(who) : tr("auf „%1“ (%2)").arg(name, who);
}

bool Session::isLive(const QString &entityId) const
{
    if (!m_replica || entityId.isEmpty())
        return false;
    const auto record = m_replica->store().record(entityId);
    return record && record->isLive();
}

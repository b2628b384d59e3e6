// SPDX-License-Identifier: GPL-3.0-or-later
// Session: the account side (which folder an account's replica lives in, signing out, the first sync) and
// how devices and authors are named for people.
#include "session.h"

#include "common/logging.h"

#include <QDir>
#include <QSettings>

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
    QSettings settings(QDir(m_dataFolder).filePath(u"settings.ini"_s), QSettings::IniFormat);
    settings.remove(u"replica"_s);
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

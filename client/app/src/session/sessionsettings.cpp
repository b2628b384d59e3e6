// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionsettings.h"

#include <QDir>
#include <QSettings>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString languageKey = u"language"_s;
const QString workOfflineKey = u"work_offline"_s;
const QString replicaKey = u"replica"_s;

} // namespace

SessionSettings::SessionSettings(QString dataFolder)
    : m_dataFolder(std::move(dataFolder)),
      m_file(QDir(m_dataFolder).filePath(u"settings.ini"_s))
{ }

QString SessionSettings::language() const
{
    return QSettings(m_file, QSettings::IniFormat).value(languageKey, u"de"_s).toString();
}

void SessionSettings::setLanguage(const QString &language)
{
    QSettings(m_file, QSettings::IniFormat).setValue(languageKey, language);
}

bool SessionSettings::workOffline() const
{
    return QSettings(m_file, QSettings::IniFormat).value(workOfflineKey, false).toBool();
}

void SessionSettings::setWorkOffline(bool offline)
{
    QSettings(m_file, QSettings::IniFormat).setValue(workOfflineKey, offline);
}

QString SessionSettings::lastReplica() const
{
    // Kept relative to the data folder, so the folder can move with everything in it.
    const QString folder = QSettings(m_file, QSettings::IniFormat).value(replicaKey).toString();
    if (folder.isEmpty() || !QDir(QDir(m_dataFolder).filePath(folder)).exists())
        return {};
    return QDir(m_dataFolder).filePath(folder);
}

void SessionSettings::setLastReplica(const QString &folder)
{
    QSettings(m_file, QSettings::IniFormat).setValue(replicaKey, QDir(m_dataFolder).relativeFilePath(folder));
}

void SessionSettings::forgetLastReplica()
{
    QSettings(m_file, QSettings::IniFormat).remove(replicaKey);
}

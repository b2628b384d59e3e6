// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/**
 * The desktop client's choices kept in settings.ini of its data folder: the language, "Offline arbeiten"
 * and which replica folder was open last. Read when asked, written at once.
 */
class SessionSettings
{
public:
    explicit SessionSettings(QString dataFolder);

    [[nodiscard]] QString language() const;
    void setLanguage(const QString &language);
    [[nodiscard]] bool workOffline() const;
    void setWorkOffline(bool offline);
    /** The replica folder open last, absolute; empty if none was remembered or it is gone. */
    [[nodiscard]] QString lastReplica() const;
    void setLastReplica(const QString &folder);
    void forgetLastReplica();

private:
    QString m_dataFolder;
    QString m_file;
};

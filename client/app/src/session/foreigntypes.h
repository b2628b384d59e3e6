// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "syncstatus.h"

#include <QQmlEngine>

/** The client core's SyncStatus for QML (the core itself does not depend on QML). */
struct SyncStatusForeign
{
    Q_GADGET
    QML_FOREIGN(SyncStatus)
    QML_NAMED_ELEMENT(SyncStatus)
    QML_UNCREATABLE("SyncStatus belongs to the sync engine")
};

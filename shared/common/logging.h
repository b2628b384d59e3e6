// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// One category per subsystem, switched with QT_LOGGING_RULES (docs/operations.md lists them).
Q_DECLARE_LOGGING_CATEGORY(lcStorage)
Q_DECLARE_LOGGING_CATEGORY(lcSync)
Q_DECLARE_LOGGING_CATEGORY(lcServer)
Q_DECLARE_LOGGING_CATEGORY(lcServerHttp)
Q_DECLARE_LOGGING_CATEGORY(lcServerAuth)
Q_DECLARE_LOGGING_CATEGORY(lcServerTls)

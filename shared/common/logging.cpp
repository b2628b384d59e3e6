// SPDX-License-Identifier: GPL-3.0-or-later
#include "logging.h"

Q_LOGGING_CATEGORY(lcStorage, "werkstattplan.storage")
Q_LOGGING_CATEGORY(lcSync, "werkstattplan.sync")
Q_LOGGING_CATEGORY(lcServer, "werkstattplan.server")
Q_LOGGING_CATEGORY(lcServerHttp, "werkstattplan.server.http")
Q_LOGGING_CATEGORY(lcServerAuth, "werkstattplan.server.auth")
Q_LOGGING_CATEGORY(lcServerTls, "werkstattplan.server.tls")

// SPDX-License-Identifier: GPL-3.0-or-later
#include "logging.h"

Q_LOGGING_CATEGORY(lcStorage, "werkstattplan.storage")
Q_LOGGING_CATEGORY(lcSync, "werkstattplan.sync")
Q_LOGGING_CATEGORY(lcServer, "werkstattplan.server")

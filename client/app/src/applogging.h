// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// The desktop client's own category; the shared ones are in shared/common/logging.h (docs/operations.md).
Q_DECLARE_LOGGING_CATEGORY(lcApp)

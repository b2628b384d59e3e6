// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

/** Shared by the server's store classes: the error of a failed statement, and transactions around work. */
namespace ServerSql {

inline Error error(const QSqlQuery &query)
{
    return { QStringLiteral("storage_error"), query.lastError().text() };
}

/** Runs work in one transaction: its result if it and the commit succeed, else its error (rolled back). */
template<typename T, typename Work> Result<T> inTransaction(QSqlDatabase db, Work work)
{
    if (!db.transaction())
        return Error { QStringLiteral("storage_error"), db.lastError().text() };
    Result<T> result = work();
    if (!result || !db.commit()) {
        const Error failure
            = result ? Error { QStringLiteral("storage_error"), db.lastError().text() } : result.error();
        db.rollback();
        return failure;
    }
    return result;
}

} // namespace ServerSql

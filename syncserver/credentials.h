// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

/**
 * Passwords and tokens. Passwords are kept as salted PBKDF2-SHA256
 * ("pbkdf2-sha256$ITERATIONS$SALT$HASH", base64); tokens are random and
 * kept only as SHA-256 hashes, so a copy of the store reveals neither.
 */
namespace Credentials {

/** Slow on purpose: about a tenth of a second per login on a laptop core (OWASP 2021: 310,000). */
constexpr int passwordIterations = 310000;

QString hashPassword(const QString &password, int iterations = passwordIterations);
/** Compares in constant time; false for a malformed stored hash. */
bool verifyPassword(const QString &password, const QString &stored);

/** A new bearer token: "wpt_" and 43 base64url characters (256 random bits). */
QString newToken();
QString tokenHash(const QString &token);

/** Equality whose running time does not depend on where the inputs differ. */
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace Credentials

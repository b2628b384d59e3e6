// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/change.h"

#include <QList>
#include <QString>

class LocalEditor;

/** A municipality of the demo data set, with the login name of its staff account. */
struct DemoMunicipality
{
    QString id; ///< entity id, e.g. "muni-adorf"
    QString planId; ///< entity id of its plan, e.g. "plan-adorf"
    QString name; ///< "Adorf/Vogtl."
    QString state; ///< federal state, "Sachsen"
    QString cluster; ///< "Süd"
    QString kind; ///< "city" | "community" | "initiative"
    QString account; ///< login name of its staff account, ASCII lowercase, e.g. "adorf"
};

/**
 * Demo content for a fresh server: the municipalities of cluster "Süd" of
 * the model project plus a few of cluster "Nord", each with synopsis figures
 * and a complete workshop plan, two regional workshop meetings, and the
 * review so far (submitted versions of Riesa and Zwickau, a review note
 * with its answer). Places and projects follow the report of a real
 * meeting; every figure, plan item and status is invented, and no real
 * person is named.
 */
class DemoData
{
public:
    /** The demo municipalities, in a fixed order; their ids and plan ids are stable. */
    [[nodiscard]] static QList<DemoMunicipality> municipalities();

    /**
     * Every change that creates the demo content, parents before children,
     * each already validated (canonical values). They are made with @p editor,
     * whose clock and author are used as they are. The texts, figures and
     * statuses are the same on every call; entity ids other than those of
     * municipalities() and their plans are new random ids each time.
     */
    [[nodiscard]] static QList<Change> changes(LocalEditor &editor);
};

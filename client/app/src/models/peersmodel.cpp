// SPDX-License-Identifier: GPL-3.0-or-later
#include "peersmodel.h"

#include "session/session.h"
#include "session/vocabulary.h"

using namespace Qt::Literals::StringLiterals;

PeersModel::PeersModel(QObject *parent)
    : RowListModel({ "municipalityId", "name", "federalState", "cluster", "kind", "planId", "planTitle", "readable", "own",
                     "reviewStatus", "measureCount" },
                   parent)
{ }

void PeersModel::setTheme(const QString &theme)
{
    if (theme == m_theme)
        return;
    m_theme = theme;
    Q_EMIT themeChanged();
    scheduleRefresh();
}

QList<RowListModel::Row> PeersModel::readRows()
{
    QList<Row> rows;
    Session &s = *session();
    for (const ReplicaView::MunicipalityOverview &m : s.view()->municipalities(m_theme)) {
        if (!m_theme.isEmpty() && m.measures == 0)
            continue;
        const bool readable = !m.planId.isEmpty();
        rows.append(Row { m.id, m.name, m.state, m.cluster, Vocabulary::choiceLabel(u"kind"_s, m.kind), m.planId,
                          m.planTitle, readable, readable && m.planId == s.planId(),
                          Vocabulary::choiceLabel(u"review_status"_s, m.reviewStatus), m.measures });
    }
    return rows;
}

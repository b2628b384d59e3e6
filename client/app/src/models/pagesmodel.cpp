// SPDX-License-Identifier: GPL-3.0-or-later
#include "pagesmodel.h"

using namespace Qt::Literals::StringLiterals;

PagesModel::PagesModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

QStringList PagesModel::keys()
{
    static const QStringList keys { u"plan"_s,     u"dashboard"_s, u"review"_s,    u"peers"_s,
                                    u"search"_s,   u"meetings"_s,  u"synopsis"_s,  u"charts"_s,
                                    u"conflicts"_s, u"sync"_s,     u"settings"_s,  u"help"_s };
    return keys;
}

QString PagesModel::home(bool office)
{
    return office ? u"dashboard"_s : u"plan"_s;
}

int PagesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(keys().size());
}

QVariant PagesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || role != Qt::UserRole)
        return {};
    return keys().at(index.row());
}

QHash<int, QByteArray> PagesModel::roleNames() const
{
    return { { Qt::UserRole, "key" } };
}

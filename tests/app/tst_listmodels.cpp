// SPDX-License-Identifier: GPL-3.0-or-later
// Every list model of the desktop client under Qt's QAbstractItemModelTester (fatal on the first broken
// rule), on a real session over a real replica, while the session edits the plan underneath it.
#include "chartmodels.h"
#include "commentsmodel.h"
#include "conflictsmodel.h"
#include "dashboardmodel.h"
#include "deletedentriesmodel.h"
#include "editortabsmodel.h"
#include "entityfieldsmodel.h"
#include "historymodel.h"
#include "meetingsmodel.h"
#include "milestonesmodel.h"
#include "pagesmodel.h"
#include "peersmodel.h"
#include "planoutlinemodel.h"
#include "rejectedchangesmodel.h"
#include "reviewactionsmodel.h"
#include "reviewmodels.h"
#include "samplesession.h"
#include "searchmodel.h"
#include "synopsismodel.h"
#include "timelinemodel.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QDirIterator>
#include <QRegularExpression>
#include <QTest>

#include <functional>
#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

/** Makes one model, set up to show the sample plan's entries (its properties as QML would set them). */
using ModelFactory = std::function<QAbstractItemModel *(Session *)>;

template<typename Model>
ModelFactory make(const QVariantMap &properties = {})
{
    return [properties](Session *session) {
        auto *model = new Model;
        if constexpr (std::is_base_of_v<RowListModel, Model>)
            model->setSession(session);
        for (auto it = properties.begin(); it != properties.end(); ++it)
            model->setProperty(it.key().toLatin1().constData(), it.value());
        return model;
    };
}

const QList<std::pair<QString, ModelFactory>> &everyListModel()
{
    static const QList<std::pair<QString, ModelFactory>> models = {
        { u"ChartModel"_s, make<ChartModel>() },
        { u"ChartMeasuresModel"_s, make<ChartMeasuresModel>() },
        { u"CommentsModel"_s, make<CommentsModel>({ { u"entityId"_s, u"measure-1"_s } }) },
        { u"ConflictsModel"_s, make<ConflictsModel>() },
        { u"DashboardModel"_s, make<DashboardModel>() },
        { u"DeletedEntriesModel"_s, make<DeletedEntriesModel>({ { u"planId"_s, u"plan-adorf"_s } }) },
        { u"EditorTabsModel"_s, make<EditorTabsModel>({ { u"entityId"_s, u"measure-1"_s } }) },
        { u"EntityFieldsModel"_s, make<EntityFieldsModel>({ { u"entityId"_s, u"measure-1"_s } }) },
        { u"HistoryModel"_s, make<HistoryModel>({ { u"entityId"_s, u"measure-1"_s } }) },
        { u"MeetingsModel"_s, make<MeetingsModel>() },
        { u"MeetingLinksModel"_s, make<MeetingLinksModel>() },
        { u"MilestonesModel"_s, make<MilestonesModel>({ { u"measureId"_s, u"measure-1"_s } }) },
        { u"PagesModel"_s, make<PagesModel>() },
        { u"PeersModel"_s, make<PeersModel>() },
        { u"PlanOutlineModel"_s, make<PlanOutlineModel>({ { u"planId"_s, u"plan-adorf"_s } }) },
        { u"RejectedChangesModel"_s, make<RejectedChangesModel>() },
        { u"ReviewActionsModel"_s, make<ReviewActionsModel>({ { u"planId"_s, u"plan-adorf"_s } }) },
        { u"PlanVersionsModel"_s, make<PlanVersionsModel>({ { u"planId"_s, u"plan-adorf"_s } }) },
        { u"PlanDiffModel"_s, make<PlanDiffModel>({ { u"planId"_s, u"plan-adorf"_s } }) },
        { u"SearchModel"_s, make<SearchModel>({ { u"query"_s, u"Adorf"_s } }) },
        { u"SynopsisModel"_s, make<SynopsisModel>() },
        { u"TimelineModel"_s, make<TimelineModel>({ { u"planId"_s, u"plan-adorf"_s } }) },
    };
    return models;
}

void refresh(QAbstractItemModel *model)
{
    // PagesModel is fixed; the others read the session again.
    if (model->metaObject()->indexOfMethod("refresh()") >= 0)
        QMetaObject::invokeMethod(model, "refresh");
    QCoreApplication::processEvents();
}

} // namespace

class TestListModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void everyModelIsTested();
    void modelFollowsEdits_data();
    void modelFollowsEdits();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Session> m_session;
};

void TestListModels::cleanup()
{
    Session::setInstance(nullptr);
    m_session.reset();
    m_dir.reset();
}

void TestListModels::everyModelIsTested()
{
    // The list above is checked against the sources: a new list model joins it or this fails.
    const QString folder = QDir(QStringLiteral(WERKSTATTPLAN_TEST_DATA)).filePath(u"../../client/app/src/models"_s);
    static const QRegularExpression listModel(u"^class (\\w+) : public (RowListModel|QAbstractListModel)\\b"_s,
                                              QRegularExpression::MultilineOption);
    QStringList declared;
    QDirIterator headers(folder, { u"*.h"_s }, QDir::Files);
    while (headers.hasNext()) {
        QFile header(headers.next());
        QVERIFY(header.open(QIODevice::ReadOnly));
        auto matches = listModel.globalMatch(QString::fromUtf8(header.readAll()));
        while (matches.hasNext())
            declared << matches.next().captured(1);
    }
    declared.removeAll(u"RowListModel"_s); // the base of the others, not a model of its own
    QStringList tested;
    for (const auto &[name, factory] : everyListModel())
        tested << name;
    declared.sort();
    tested.sort();
    QVERIFY(!declared.isEmpty());
    QCOMPARE(tested, declared);
}

void TestListModels::modelFollowsEdits_data()
{
    QTest::addColumn<int>("index");
    for (qsizetype i = 0; i < everyListModel().size(); ++i)
        QTest::newRow(qPrintable(everyListModel()[i].first)) << int(i);
}

void TestListModels::modelFollowsEdits()
{
    QFETCH(int, index);
    openSampleSession(m_dir, m_session, u"editor"_s, u"muni-adorf"_s);
    if (QTest::currentTestFailed())
        return;
    const std::unique_ptr<QAbstractItemModel> model(everyListModel()[index].second(m_session.get()));
    QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    refresh(model.get());

    // Each edit grows, shrinks or changes rows the models show; the tester checks every signal they send.
    QVERIFY(m_session->setField(u"measure-1"_s, u"title"_s, u"Rufbus für alle Ortsteile"_s));
    refresh(model.get());
    const QString milestone = m_session->addEntity(u"milestone"_s, u"measure-1"_s, u"Beschluss im Gemeinderat"_s);
    QVERIFY(!milestone.isEmpty());
    refresh(model.get());
    const QString measure = m_session->addEntity(u"measure"_s, u"goal-1"_s, u"Dorfladen mit Café"_s);
    QVERIFY(!measure.isEmpty());
    QVERIFY(m_session->setField(measure, u"themes"_s, u"public_services"_s));
    refresh(model.get());
    QVERIFY(!m_session->addComment(u"measure-1"_s, u"Wer fährt den Bus?"_s).isEmpty());
    refresh(model.get());
    QVERIFY(m_session->moveEntity(measure, -1));
    refresh(model.get());
    QVERIFY(m_session->removeEntity(milestone));
    refresh(model.get());
    QVERIFY(m_session->restoreEntity(milestone));
    refresh(model.get());
    QVERIFY(m_session->removeEntity(measure));
    refresh(model.get());
    m_session->undo();
    refresh(model.get());
    m_session->redo();
    refresh(model.get());
}

QTEST_MAIN(TestListModels)
#include "tst_listmodels.moc"

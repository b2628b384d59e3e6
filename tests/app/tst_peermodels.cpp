// SPDX-License-Identifier: GPL-3.0-or-later
// PeersModel, SearchModel and CommentsModel over a real local replica holding
// the own plan and a peer's plan.
#include "commentsmodel.h"
#include "peersmodel.h"
#include "searchmodel.h"
#include "session.h"
#include "vocabulary.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestPeerModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void municipalitiesByClusterWithTheirMeasures();
    void themeFilterKeepsOnlyWhoWorksOnIt();
    void searchFindsTextAcrossPlans();
    void searchByThemeNameFindsMeasuresOfThatTheme();
    void commentOnAMeasureShowsAndResolves();

private:
    /** A plan of another municipality with one measure; returns the measure. */
    QString addPeerPlan(const QString &name, const QString &cluster, const QString &measureTitle, const QString &themes);
    static QVariant value(RowListModel &model, int row, const char *role)
    {
        return model.get(row).value(QString::fromLatin1(role));
    }
    static QStringList column(RowListModel &model, const char *role)
    {
        QStringList values;
        for (int row = 0; row < model.count(); ++row)
            values << value(model, row, role).toString();
        return values;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Session> m_session;
    QString m_ownMeasure;
};

void TestPeerModels::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_session = std::make_unique<Session>(m_dir->path());
    Session::setInstance(m_session.get());
    QVERIFY(m_session->startLocal(u"Adorf/Vogtl."_s));
    QVERIFY(m_session->setField(m_session->replica()->store().record(m_session->planId())->value(u"municipality"_s),
                                u"cluster"_s, u"Süd"_s));
    const QString field = m_session->addEntity(u"field_of_action"_s, m_session->planId(), u"Fachkräfte"_s);
    const QString goal = m_session->addEntity(u"goal"_s, field, u"Ausbildung im Ort halten"_s);
    m_ownMeasure = m_session->addEntity(u"measure"_s, goal, u"Ausbildungsmesse im Rathaus"_s);
    QVERIFY(!m_ownMeasure.isEmpty());
}

void TestPeerModels::cleanup()
{
    Session::setInstance(nullptr);
    m_session.reset();
    m_dir.reset();
}

QString TestPeerModels::addPeerPlan(const QString &name, const QString &cluster, const QString &measureTitle,
                                    const QString &themes)
{
    // Local work has no rules yet, so another municipality's plan can be written here as a pull would bring it.
    LocalReplica &replica = *m_session->replica();
    const auto add = [&](const QString &type, const QString &parent, const LocalReplica::Fields &fields) {
        const auto id = replica.add(type, parent, fields);
        return id ? *id : QString();
    };
    const QString place = add(u"municipality"_s, {},
                              { { u"name"_s, name }, { u"cluster"_s, cluster }, { u"state"_s, u"Bayern"_s } });
    const QString plan = add(u"plan"_s, place, { { u"title"_s, u"Werkstattplan %1"_s.arg(name) }, { u"shared"_s, u"true"_s } });
    const QString field = add(u"field_of_action"_s, plan, { { u"title"_s, u"Arbeit"_s } });
    const QString goal = add(u"goal"_s, field, { { u"title"_s, u"Betriebe halten"_s } });
    const QString measure = add(u"measure"_s, goal,
                                { { u"title"_s, measureTitle }, { u"themes"_s, themes },
                                  { u"description"_s, u"Gemeinsam mit dem Gewerbeverein und der Berufsschule "
                                                      "stellen Betriebe sich Schülerinnen und Schülern vor."_s } });
    [&] { QVERIFY(!measure.isEmpty()); }();
    return measure;
}

void TestPeerModels::municipalitiesByClusterWithTheirMeasures()
{
    addPeerPlan(u"Furth"_s, u"Süd"_s, u"Azubi-Tag"_s, {});
    addPeerPlan(u"Anklam"_s, u"Nord"_s, u"Dorfladen"_s, {});
    PeersModel peers;
    peers.setSession(m_session.get());
    peers.refresh();
    QCOMPARE(column(peers, "name"), (QStringList { u"Anklam"_s, u"Adorf/Vogtl."_s, u"Furth"_s }));
    QCOMPARE(column(peers, "cluster"), (QStringList { u"Nord"_s, u"Süd"_s, u"Süd"_s }));
    QCOMPARE(value(peers, 1, "own").toBool(), true);
    QCOMPARE(value(peers, 2, "own").toBool(), false);
    QCOMPARE(value(peers, 2, "readable").toBool(), true);
    QCOMPARE(value(peers, 2, "measureCount").toInt(), 1);
    QCOMPARE(value(peers, 2, "federalState").toString(), u"Bayern"_s);

    // A measure deleted is no longer counted.
    QVERIFY(m_session->removeEntity(m_ownMeasure));
    peers.refresh();
    QCOMPARE(value(peers, 1, "measureCount").toInt(), 0);
}

void TestPeerModels::themeFilterKeepsOnlyWhoWorksOnIt()
{
    addPeerPlan(u"Furth"_s, u"Süd"_s, u"Azubi-Tag"_s, u"[\"skilled_workers\",\"youth\"]"_s);
    addPeerPlan(u"Riesa"_s, u"Süd"_s, u"Bürgerbus"_s, u"[\"mobility\"]"_s);
    PeersModel peers;
    peers.setSession(m_session.get());
    peers.setTheme(u"skilled_workers"_s);
    peers.refresh();
    QCOMPARE(column(peers, "name"), QStringList { u"Furth"_s });
    peers.setTheme(u"mobility"_s);
    peers.refresh();
    QCOMPARE(column(peers, "name"), QStringList { u"Riesa"_s });
    peers.setTheme({});
    peers.refresh();
    QCOMPARE(peers.count(), 3);
}

void TestPeerModels::searchFindsTextAcrossPlans()
{
    const QString peerMeasure = addPeerPlan(u"Furth"_s, u"Süd"_s, u"Azubi-Tag"_s, {});
    SearchModel search;
    search.setSession(m_session.get());
    search.setQuery(u"Ausbildungsmesse"_s);
    search.refresh();
    QCOMPARE(column(search, "entityId"), QStringList { m_ownMeasure });
    QCOMPARE(value(search, 0, "municipality").toString(), u"Adorf/Vogtl."_s);
    QCOMPARE(value(search, 0, "entityType").toString(), Vocabulary::typeLabel(u"measure"_s));

    // Words from the description, as word starts, in any order; the snippet shows where they stand.
    search.setQuery(u"berufs gewerbe"_s);
    search.refresh();
    QCOMPARE(column(search, "entityId"), QStringList { peerMeasure });
    QCOMPARE(value(search, 0, "title").toString(), u"Azubi-Tag"_s);
    QVERIFY(value(search, 0, "snippet").toString().contains(u"Berufsschule"_s));

    // Who else works on it: another municipality's entry comes before the own plan's.
    QVERIFY(m_session->setField(m_ownMeasure, u"description"_s, u"Für Schülerinnen und Schüler der Oberschule"_s));
    search.setQuery(u"Schülerinnen"_s);
    search.refresh();
    QCOMPARE(column(search, "entityId"), (QStringList { peerMeasure, m_ownMeasure }));

    search.setQuery(u"Seilbahn"_s);
    search.refresh();
    QCOMPARE(search.count(), 0);
    search.setQuery(u"  "_s);
    search.refresh();
    QCOMPARE(search.count(), 0);
}

void TestPeerModels::searchByThemeNameFindsMeasuresOfThatTheme()
{
    const QString peerMeasure = addPeerPlan(u"Furth"_s, u"Süd"_s, u"Azubi-Tag"_s, u"[\"skilled_workers\"]"_s);
    addPeerPlan(u"Riesa"_s, u"Süd"_s, u"Bürgerbus"_s, u"[\"mobility\"]"_s);
    SearchModel search;
    search.setSession(m_session.get());
    search.setQuery(Vocabulary::choiceLabel(u"themes"_s, u"skilled_workers"_s)); // "Fachkräftemangel"
    search.refresh();
    QCOMPARE(column(search, "entityId"), QStringList { peerMeasure });
    QCOMPARE(value(search, 0, "theme").toString(), Vocabulary::choiceLabel(u"themes"_s, u"skilled_workers"_s));
    QCOMPARE(value(search, 0, "municipality").toString(), u"Furth"_s);
}

void TestPeerModels::commentOnAMeasureShowsAndResolves()
{
    CommentsModel comments;
    comments.setSession(m_session.get());
    comments.setEntityId(m_ownMeasure);
    comments.refresh();
    QCOMPARE(comments.count(), 0);

    const QString first = m_session->addComment(m_ownMeasure, u"  Wer stellt die Halle?  "_s);
    const QString second = m_session->addComment(m_ownMeasure, u"Die Turnhalle der Oberschule."_s);
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    QVERIFY(m_session->addComment(m_ownMeasure, u"   "_s).isEmpty()); // nothing to say, nothing written
    comments.refresh();
    QCOMPARE(column(comments, "commentId"), (QStringList { first, second }));
    QCOMPARE(value(comments, 0, "body").toString(), u"Wer stellt die Halle?"_s);
    QCOMPARE(value(comments, 0, "kind").toString(), u"peer"_s);
    QCOMPARE(value(comments, 0, "resolved").toBool(), false);
    QCOMPARE(value(comments, 0, "mine").toBool(), true);
    QCOMPARE(value(comments, 0, "mayResolve").toBool(), true);

    QVERIFY(m_session->setField(first, u"resolved"_s, u"true"_s));
    comments.refresh();
    QCOMPARE(value(comments, 0, "resolved").toBool(), true);

    // An answer follows the comment it answers, not the order of writing.
    const QString answer = m_session->addComment(m_ownMeasure, u"Die Halle stellt der Sportverein."_s, first);
    QVERIFY(!answer.isEmpty());
    QCOMPARE(m_session->fieldValue(answer, u"reply_to"_s), first);
    comments.refresh();
    QCOMPARE(column(comments, "commentId"), (QStringList { first, answer, second }));
    QCOMPARE(value(comments, 1, "isAnswer").toBool(), true);
    QCOMPARE(value(comments, 0, "isAnswer").toBool(), false);

    // Comments on another entry are not listed here.
    comments.setEntityId(m_session->planId());
    comments.refresh();
    QCOMPARE(comments.count(), 0);
}

QTEST_GUILESS_MAIN(TestPeerModels)
#include "tst_peermodels.moc"

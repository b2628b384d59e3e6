// SPDX-License-Identifier: GPL-3.0-or-later
#include "session.h"

#include "common/logging.h"
#include "office/exports.h"
#include "office/reviewnotes.h"
#include "office/synopsisimport.h"
#include "model/orderkey.h"
#include "tlstrust.h"
#include "vocabulary.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QTimer>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

Session *s_instance = nullptr;

const QString localFolderName = u"local"_s;

/** Fields copied when local work moves into the account's plan (the parent link and position are set anew). */
bool isCopiedField(const EntitySpec &spec, const FieldSpec &field)
{
    return field.name != spec.parentField && field.type != FieldType::OrderKey;
}

} // namespace

Session::Session(const QString &dataFolder, QObject *parent)
    : QObject(parent),
      m_dataFolder(QDir(dataFolder).absolutePath())
{
    QSettings settings(QDir(m_dataFolder).filePath(u"settings.ini"_s), QSettings::IniFormat);
    m_language = settings.value(u"language"_s, u"de"_s).toString();
    m_workOffline = settings.value(u"work_offline"_s, false).toBool();
    // The first sync ends with the cycle that completes the bootstrap: its state, progress or cursor changes.
    connect(this, &Session::accountChanged, this, [this] {
        if (SyncStatus *status = sync()) {
            for (auto signal : { &SyncStatus::stateChanged, &SyncStatus::progressTotalChanged, &SyncStatus::cursorChanged })
                connect(status, signal, this, &Session::updateFirstSync, Qt::UniqueConnection);
        }
        updateFirstSync();
        Q_EMIT deviceNameChanged();
    });
    connect(this, &Session::planChanged, this, &Session::updateFirstSync);
}

Session::~Session()
{
    close();
    if (s_instance == this)
        s_instance = nullptr;
}

void Session::setInstance(Session *session)
{
    s_instance = session;
}

Session *Session::create(QQmlEngine *, QJSEngine *)
{
    Q_ASSERT_X(s_instance, "Session", "Session::setInstance() must be called before QML is loaded");
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

Session *Session::instance()
{
    return s_instance;
}

bool Session::openLast()
{
    QSettings settings(QDir(m_dataFolder).filePath(u"settings.ini"_s), QSettings::IniFormat);
    const QString folder = settings.value(u"replica"_s).toString();
    if (folder.isEmpty() || !QDir(QDir(m_dataFolder).filePath(folder)).exists())
        return false;
    return bool(open(QDir(m_dataFolder).filePath(folder)));
}

void Session::rememberCurrent(const QString &folder)
{
    QSettings settings(QDir(m_dataFolder).filePath(u"settings.ini"_s), QSettings::IniFormat);
    settings.setValue(u"replica"_s, QDir(m_dataFolder).relativeFilePath(folder));
}

Status Session::open(const QString &folder)
{
    close();
    LocalReplica::OpenReport report;
    auto replica = LocalReplica::open(folder, &report);
    if (!replica) {
        Q_EMIT notice(Vocabulary::errorText(replica.errorCode()));
        return replica.error();
    }
    m_replica = std::move(replica).value();
    m_view = std::make_unique<ReplicaView>(m_replica->store());
    m_engine = std::make_unique<SyncEngine>(*m_replica);
    // An account's own choice; local work keeps the one made for its coming sign-in.
    if (m_replica->account() && m_replica->caFile() != m_caFile) {
        m_caFile = m_replica->caFile();
        Q_EMIT caFileChanged();
    }
    connect(m_engine.get(), &SyncEngine::synced, this, [this](const SyncSummary &summary) {
        if (summary.pulled > 0 || summary.bootstrapped > 0 || summary.rejected > 0) {
            if (m_planId.isEmpty())
                findPlan();
            changed();
        }
    });
    if (!report.setAsidePath.isEmpty())
        Q_EMIT notice(tr("Die Datei mit Ihren Daten war beschädigt. Sie wurde als %1 aufbewahrt; %n noch nicht "
                         "übertragene Änderung(en) wurden gerettet, der Rest kommt beim nächsten Abgleich vom Server.",
                         nullptr, report.salvagedChanges)
                              .arg(QDir::toNativeSeparators(report.setAsidePath)));
    findPlan();
    Q_EMIT accountChanged();
    if (!isLocalOnly()) {
        if (m_workOffline)
            m_engine->pause();
        else
            m_engine->start();
    }
    return Ok {};
}

void Session::close()
{
    if (m_engine)
        m_engine->stop();
    m_engine.reset();
    m_view.reset();
    m_replica.reset();
    m_undo.clear();
    m_redo.clear();
    m_redoNext = false;
    m_planId.clear();
    m_municipalityName.clear();
}

void Session::findPlan()
{
    QString plan;
    if (const auto account = m_replica->account(); account && !account->planId.isEmpty())
        plan = account->planId;
    else if (!isOffice()) {
        // Local work: the one plan this replica holds.
        for (const QString &id : m_replica->store().entityIds(u"plan"_s)) {
            const auto record = m_replica->store().record(id);
            if (record && record->isLive()) {
                plan = id;
                break;
            }
        }
    }
    m_planId = plan;
    m_municipalityName = m_view->municipalityName(plan);
    Q_EMIT planChanged();
}

bool Session::isLocalOnly() const
{
    return m_replica && !m_replica->account();
}

bool Session::isOffice() const
{
    return m_replica && m_replica->account() && m_replica->account()->isOffice();
}

QString Session::user() const
{
    return m_replica && m_replica->account() ? m_replica->account()->user : QString();
}

QString Session::serverUrl() const
{
    return m_replica && m_replica->account() ? m_replica->account()->serverUrl : QString();
}

QString Session::device() const
{
    return m_replica ? m_replica->device() : QString();
}

QString Session::undoText() const
{
    return m_undo.isEmpty() ? QString() : m_undo.constLast().describe();
}

void Session::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    m_language = language;
    QSettings settings(QDir(m_dataFolder).filePath(u"settings.ini"_s), QSettings::IniFormat);
    settings.setValue(u"language"_s, language);
    Q_EMIT languageChanged();
    Q_EMIT undoChanged(); // what undo and redo would do, said in the new language
}

QUrl Session::serverUrlFromInput(const QString &input)
{
    // A bare host name means the encrypted protocol: http:// only when typed.
    const QString text = input.trimmed();
    return QUrl::fromUserInput(text.contains(u"://"_s) || text.isEmpty() ? text : u"https://"_s + text);
}

bool Session::isInsecureServer(const QString &server) const
{
    return TlsTrust::isInsecure(serverUrlFromInput(server));
}

Status Session::setCaFile(const QString &caFile)
{
    if (m_engine && !isLocalOnly()) {
        if (Status used = m_engine->setCaFile(caFile); !used)
            return used;
        if (!m_workOffline)
            m_engine->start(); // what failed for want of trust goes out now
    } else if (auto trust = TlsTrust::fromCaFile(caFile); !trust) {
        return trust.error();
    }
    const QString path = caFile.isEmpty() ? QString() : QFileInfo(caFile).absoluteFilePath();
    if (path != m_caFile) {
        m_caFile = path;
        Q_EMIT caFileChanged();
    }
    return Ok {};
}

bool Session::useCaFile(const QUrl &file)
{
    return check(setCaFile(file.toLocalFile()));
}

void Session::useSystemCertificates()
{
    check(setCaFile({}));
}

void Session::setWorkOffline(bool offline)
{
    if (offline == m_workOffline)
        return;
    m_workOffline = offline;
    QSettings settings(QDir(m_dataFolder).filePath(u"settings.ini"_s), QSettings::IniFormat);
    settings.setValue(u"work_offline"_s, offline);
    if (m_engine && !isLocalOnly()) {
        if (offline)
            m_engine->pause();
        else
            m_engine->start();
    }
    Q_EMIT workOfflineChanged();
}

void Session::signIn(const QString &server, const QString &user, const QString &password)
{
    if (m_busy)
        return;
    m_busy = true;
    // The new account's replica opens before the server answers: until it does, this is no plan yet.
    m_firstSignIn = !m_replica;
    Q_EMIT busyChanged();
    // Let the page show that it is working before the request starts.
    QTimer::singleShot(0, this, [this, server = server.trimmed(), user = user.trimmed(), password, caFile = m_caFile] {
        const QString previous = m_replica ? m_replica->folder() : QString();
        const bool fromLocalWork = isLocalOnly();
        const QString folder = accountFolder(server, user);
        Status result = Ok {};
        if (previous != folder)
            result = open(folder);
        // The choice made on the sign-in page, for this account from now on.
        if (result)
            result = m_engine->setCaFile(caFile);
        if (result) {
            const QUrl url = serverUrlFromInput(server);
            if (TlsTrust::isInsecure(url))
                qCWarning(lcSync).noquote() << "signing in over plain HTTP at" << url.toDisplayString();
            result = m_engine->login(url, user, password);
        }
        if (!result) {
            m_firstSignIn = false;
            if (!previous.isEmpty() && previous != folder)
                check(open(previous));
            else if (previous.isEmpty()) {
                close();
                Q_EMIT accountChanged();
            }
            m_busy = false;
            Q_EMIT busyChanged();
            Q_EMIT signInFinished(Vocabulary::signInErrorText(result.errorCode()));
            return;
        }
        rememberCurrent(folder);
        findPlan();
        m_firstSignIn = false;
        Q_EMIT accountChanged();
        const auto synced = m_engine->syncOnce();
        findPlan();
        if (fromLocalWork && synced) {
            if (Status adopted = adoptLocalWork(previous); !adopted)
                Q_EMIT notice(Vocabulary::errorText(adopted.errorCode()));
        }
        changed();
        if (m_workOffline)
            m_engine->pause();
        else
            m_engine->start();
        m_busy = false;
        Q_EMIT busyChanged();
        Q_EMIT signInFinished({});
    });
}

Status Session::adoptLocalWork(const QString &localFolder)
{
    if (m_planId.isEmpty())
        return Error { u"no_plan"_s, u"the account has no plan to take the local work"_s };
    auto local = LocalReplica::open(localFolder);
    if (!local)
        return local.error();
    ReplicaStore &from = local.value()->store();
    QString localPlan;
    for (const QString &id : from.entityIds(u"plan"_s)) {
        if (const auto record = from.record(id); record && record->isLive())
            localPlan = id;
    }
    const Schema &schema = Schema::instance();
    int copied = 0;
    // Depth first, in list order, so the copies keep the order of the originals.
    std::function<Status(const QString &, const QString &, const EntitySpec &)> copyChildren =
            [&](const QString &fromParent, const QString &toParent, const EntitySpec &spec) -> Status {
        const QList<EntityRecord> children = ReplicaView(from).orderedChildren(spec, fromParent);
        for (const EntityRecord &child : children) {
            LocalReplica::Fields fields;
            for (int i = 0; i < spec.fields.size(); ++i) {
                if (isCopiedField(spec, spec.fields[i]) && !child.fields[i].value.isNull())
                    fields.append({ spec.fields[i].name, child.fields[i].value });
            }
            auto id = m_replica->add(spec.name, toParent, fields);
            if (!id)
                return id.error();
            ++copied;
            for (const EntitySpec &childSpec : schema.entities()) {
                if (childSpec.parentField == spec.name && childSpec.name != u"meeting_link"_s) {
                    if (Status ok = copyChildren(child.id, *id, childSpec); !ok)
                        return ok;
                }
            }
        }
        return Ok {};
    };
    if (!localPlan.isEmpty()) {
        const auto planRecord = from.record(localPlan);
        const QString vision = planRecord->value(u"vision"_s);
        if (!vision.isEmpty() && fieldValue(m_planId, u"vision"_s).isEmpty()) {
            if (Status ok = m_replica->set(m_planId, { { u"vision"_s, vision } }); !ok)
                return ok;
        }
        if (Status ok = copyChildren(localPlan, m_planId, *schema.entity(u"field_of_action"_s)); !ok)
            return ok;
    }
    local.value().reset();
    // Kept, not deleted: the local work stays readable as it was.
    const QString keptAs = localFolder + u".übernommen-"_s
            + QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd'T'HHmmss"_s);
    QDir().rename(localFolder, keptAs);
    m_engine->notifyLocalChange();
    Q_EMIT notice(tr("Ihre lokale Arbeit (%n Einträge) wurde in den Plan Ihrer Kommune übernommen.", nullptr, copied));
    return Ok {};
}

bool Session::startLocal(const QString &municipality)
{
    const QString name = municipality.trimmed();
    if (name.isEmpty()) {
        Q_EMIT notice(tr("Bitte geben Sie den Namen Ihrer Kommune ein."));
        return false;
    }
    const QString folder = QDir(m_dataFolder).filePath(localFolderName);
    if (!check(open(folder)))
        return false;
    if (m_planId.isEmpty()) {
        auto place = m_replica->add(u"municipality"_s, {}, { { u"name"_s, name } });
        if (!check(place))
            return false;
        auto plan = m_replica->add(u"plan"_s, *place,
                                   { { u"title"_s, tr("Werkstattplan %1").arg(name) },
                                     { u"review_status"_s, u"draft"_s },
                                     { u"shared"_s, u"true"_s } });
        if (!check(plan))
            return false;
        findPlan();
    }
    rememberCurrent(folder);
    Q_EMIT accountChanged();
    changed();
    return true;
}

void Session::syncNow()
{
    if (!m_engine || isLocalOnly())
        return;
    if (m_workOffline)
        setWorkOffline(false);
    else
        m_engine->start();
}

void Session::dismissNotice()
{
    if (m_engine)
        m_engine->dismissNotice();
}

void Session::report(const Error &error)
{
    qCInfo(lcSync) << "refused:" << error.code << error.message;
    Q_EMIT notice(Vocabulary::errorText(error.code));
}

void Session::changed()
{
    ++m_revision;
    Q_EMIT revisionChanged();
}

void Session::pushUndo(Describe describe, std::function<Status()> revert, std::function<Status()> reapply)
{
    m_undo.append({ std::move(describe), std::move(revert), std::move(reapply) });
    if (m_undo.size() > 100)
        m_undo.removeFirst();
    m_redo.clear(); // a new edit: what was undone before it cannot be redone on top of it
    m_redoNext = false;
    Q_EMIT undoChanged();
}

void Session::edited()
{
    changed();
    if (!isLocalOnly())
        m_engine->notifyLocalChange(); // the edit goes out with the next push
}

bool Session::setField(const QString &entityId, const QString &field, const QString &value)
{
    if (!m_replica)
        return false;
    const auto record = m_replica->store().record(entityId);
    if (!record)
        return check(Status(Error { u"not_found"_s, entityId }));
    const QString old = record->value(field);
    const QString wanted = value.isEmpty() ? QString() : value;
    if (old == wanted)
        return true;
    if (!check(m_replica->set(entityId, { { field, wanted } })))
        return false;
    pushUndo([field, label = ReplicaView::label(*record)] {
                 return tr("%1 von %2 ändern").arg(Vocabulary::fieldLabel(field), Vocabulary::quoted(label));
             },
             [this, entityId, field, old] { return m_replica->set(entityId, { { field, old } }); },
             [this, entityId, field, wanted] { return m_replica->set(entityId, { { field, wanted } }); });
    edited();
    return true;
}

QString Session::addEntity(const QString &type, const QString &parentId, const QString &title)
{
    LocalReplica::Fields fields { { u"title"_s, title } };
    if (type == u"measure"_s)
        fields.append({ u"status"_s, u"idea"_s });
    return addRecord(type, parentId, fields,
                     [type, title] { return tr("%1 %2 anlegen").arg(Vocabulary::typeLabel(type), Vocabulary::quoted(title)); });
}

QString Session::addRecord(const QString &type, const QString &parentId, const LocalReplica::Fields &fields,
                           Describe undoText)
{
    if (!m_replica)
        return {};
    auto id = m_replica->add(type, parentId, fields);
    if (!check(id))
        return {};
    pushUndo(undoText, [this, id = *id] { return m_replica->remove(id); },
             [this, id = *id] { return m_replica->restore(id); });
    edited();
    return *id;
}

QString Session::addMeeting(const QString &title, const QString &cluster, const QString &date, const QString &hostId,
                            const QString &place)
{
    return addRecord(u"meeting"_s, {},
                     { { u"title"_s, title }, { u"cluster"_s, cluster }, { u"date"_s, date }, { u"host"_s, hostId },
                       { u"place"_s, place } },
                     [title] { return tr("%1 %2 anlegen").arg(Vocabulary::typeLabel(u"meeting"_s), Vocabulary::quoted(title)); });
}

QString Session::linkToMeeting(const QString &measureId, const QString &meetingId)
{
    return addRecord(u"meeting_link"_s, measureId, { { u"meeting"_s, meetingId } },
                     [title = fieldValue(measureId, u"title"_s)] {
                         return tr("Maßnahme %1 zum Werkstatttreffen anmelden").arg(Vocabulary::quoted(title));
                     });
}

bool Session::setSynopsisFigure(const QString &municipalityId, const QString &key, const QString &value,
                                const QString &unit, const QString &year)
{
    if (!m_replica)
        return false;
    // A figure is one municipality's key in one year (as the synopsis import has it): another year is another figure.
    const EntitySpec &spec = *Schema::instance().entity(u"synopsis_figure"_s);
    const LocalReplica::Fields fields { { u"value"_s, value }, { u"unit"_s, unit } };
    for (const EntityRecord &figure : m_replica->store().children(spec, municipalityId)) {
        if (figure.value(u"key"_s) != key || figure.value(u"year"_s) != year)
            continue;
        LocalReplica::Fields old;
        for (const auto &[field, _] : fields)
            old.append({ field, figure.value(field) });
        if (!check(m_replica->set(figure.id, fields)))
            return false;
        pushUndo([key] { return tr("%1 ändern").arg(Vocabulary::synopsisKeyLabel(key)); },
                 [this, id = figure.id, old] { return m_replica->set(id, old); },
                 [this, id = figure.id, fields] { return m_replica->set(id, fields); });
        edited();
        return true;
    }
    return !addRecord(u"synopsis_figure"_s, municipalityId,
                      LocalReplica::Fields { { u"key"_s, key }, { u"year"_s, year } } + fields,
                      [key] { return tr("%1 eintragen").arg(Vocabulary::synopsisKeyLabel(key)); })
                    .isEmpty();
}

bool Session::removeEntity(const QString &entityId)
{
    if (!m_replica)
        return false;
    const auto record = m_replica->store().record(entityId);
    if (!check(m_replica->remove(entityId)))
        return false;
    const QString label = record ? ReplicaView::label(*record) : QString();
    pushUndo([label] { return tr("%1 löschen").arg(Vocabulary::quoted(label)); }, [this, entityId] { return m_replica->restore(entityId); },
             [this, entityId] { return m_replica->remove(entityId); });
    edited();
    Q_EMIT notice(tr("%1 wurde gelöscht. Mit „Rückgängig“ holen Sie es zurück.").arg(Vocabulary::quoted(label)));
    return true;
}

bool Session::restoreEntity(const QString &entityId)
{
    if (!m_replica || !check(m_replica->restore(entityId)))
        return false;
    pushUndo([] { return tr("Wiederherstellen"); }, [this, entityId] { return m_replica->remove(entityId); },
             [this, entityId] { return m_replica->restore(entityId); });
    edited();
    return true;
}

bool Session::moveEntity(const QString &entityId, int step)
{
    if (!m_replica || (step != -1 && step != 1))
        return false;
    const auto record = m_replica->store().record(entityId);
    if (!record || record->spec->parentField.isEmpty() || !record->spec->field(u"position"_s))
        return check(Status(Error { u"not_found"_s, entityId }));
    const QList<EntityRecord> siblings = m_view->orderedChildren(*record->spec, record->value(record->spec->parentField));
    const auto at = std::find_if(siblings.cbegin(), siblings.cend(), [&](const EntityRecord &r) { return r.id == entityId; });
    const qsizetype index = at - siblings.cbegin();
    const qsizetype target = index + step;
    if (at == siblings.cend() || target < 0 || target >= siblings.size())
        return check(Status(Error { u"stale_position"_s, entityId }));
    // The new place is between the neighbour we pass and the one after it.
    const auto key = [&](qsizetype i) {
        return i >= 0 && i < siblings.size() ? siblings[i].value(u"position"_s) : QString();
    };
    const QString position = step < 0 ? OrderKey::between(key(target - 1), key(target))
                                       : OrderKey::between(key(target), key(target + 1));
    if (position.isEmpty())
        return check(Status(Error { u"stale_position"_s, entityId }));
    return setField(entityId, u"position"_s, position);
}

bool Session::resolveConflict(const QString &conflictId, const QString &side, const QString &value)
{
    if (!m_replica)
        return false;
    std::optional<LocalReplica::Keep> keep;
    if (side == u"kept"_s)
        keep = LocalReplica::Keep::Kept;
    else if (side == u"other"_s)
        keep = LocalReplica::Keep::Other;
    if (!check(m_replica->resolve(conflictId, keep, value)))
        return false;
    edited();
    return true;
}

QString Session::addComment(const QString &targetId, const QString &body, const QString &replyToId)
{
    if (!m_replica || body.trimmed().isEmpty())
        return {};
    LocalReplica::Fields fields { { u"target"_s, targetId }, { u"body"_s, body.trimmed() },
                                  { u"kind"_s, isOffice() ? u"review"_s : u"peer"_s }, { u"resolved"_s, u"false"_s } };
    if (!replyToId.isEmpty())
        fields.append({ u"reply_to"_s, replyToId });
    return addRecord(u"comment"_s, planOf(targetId), fields, [] { return tr("Kommentar schreiben"); });
}

bool Session::submitPlan()
{
    if (!m_replica || m_planId.isEmpty())
        return false;
    if (!check(m_replica->submit(m_planId)))
        return false;
    edited();
    Q_EMIT notice(tr("Ihr Plan ist eingereicht. Die Geschäftsstelle sieht diesen Stand nach dem nächsten Abgleich."));
    return true;
}

bool Session::reviewPlan(const QString &planId, const QString &status, const QString &note)
{
    if (!m_replica || !check(m_replica->review(planId, status, note)))
        return false;
    edited();
    Q_EMIT notice(note.trimmed().isEmpty()
                          ? tr("Prüfstatus: %1").arg(Vocabulary::choiceLabel(u"review_status"_s, status))
                          : tr("Prüfstatus: %1. Die Kommune sieht Ihren Hinweis nach dem nächsten Abgleich.")
                                    .arg(Vocabulary::choiceLabel(u"review_status"_s, status)));
    return true;
}

QVariantMap Session::latestReviewNote(const QString &planId) const
{
    if (!m_replica || planId.isEmpty())
        return {};
    const auto note = ReviewNotes::latestOnPlan(m_replica->store(), planId);
    if (!note)
        return {};
    return { { u"id"_s, note->id }, { u"body"_s, note->body },
             { u"createdAt"_s, QDateTime::fromString(note->createdAt, Qt::ISODateWithMs) } };
}

bool Session::exportable(const QUrl &file)
{
    if (!m_replica)
        return false;
    if (file.toLocalFile().isEmpty()) {
        Q_EMIT notice(tr("Es wurde kein Dateiname angegeben. Bitte wählen Sie einen Ordner und geben Sie einen Namen ein."));
        return false;
    }
    return true;
}

bool Session::exported(const Status &written, const QUrl &file)
{
    const QString path = QDir::toNativeSeparators(file.toLocalFile());
    if (!written) {
        qCWarning(lcStorage) << "export failed:" << written.error().message;
        Q_EMIT notice(tr("Die Datei „%1“ konnte nicht gespeichert werden. Bitte prüfen Sie, ob es den Ordner gibt "
                         "und ob Sie dort speichern dürfen, oder wählen Sie einen anderen Ort.")
                              .arg(path));
        return false;
    }
    Q_EMIT notice(tr("Gespeichert: %1").arg(path));
    return true;
}

bool Session::printPlan(const QString &planId, QPagedPaintDevice &device)
{
    if (!m_replica)
        return false;
    if (const Status printed = Exports::renderPlan(m_replica->store(), planId, ExportStamp::of(*m_replica), device);
        !printed) {
        qCWarning(lcStorage) << "printing failed:" << printed.error().message;
        Q_EMIT notice(tr("Der Plan konnte nicht gedruckt werden. Bitte prüfen Sie den Drucker und versuchen Sie es noch einmal."));
        return false;
    }
    Q_EMIT notice(tr("Der Plan wurde zum Drucken gegeben."));
    return true;
}

bool Session::exportPlanPdf(const QString &planId, const QUrl &file)
{
    if (!exportable(file))
        return false;
    return exported(Exports::planPdf(m_replica->store(), planId, ExportStamp::of(*m_replica), file.toLocalFile()), file);
}

bool Session::exportMeasuresCsv(const QUrl &file)
{
    if (!exportable(file))
        return false;
    const QString csv = Exports::measuresCsv(Exports::measureRows(m_replica->store(), *m_view), ExportStamp::of(*m_replica));
    return exported(Exports::writeFile(file.toLocalFile(), csv.toUtf8()), file);
}

bool Session::exportSynopsisCsv(const QUrl &file)
{
    if (!exportable(file))
        return false;
    const QString csv = Exports::synopsisCsv(m_replica->store(), ExportStamp::of(*m_replica));
    return exported(Exports::writeFile(file.toLocalFile(), csv.toUtf8()), file);
}

bool Session::importSynopsisCsv(const QUrl &file)
{
    if (!m_replica)
        return false;
    QFile in(file.toLocalFile());
    if (!in.open(QIODevice::ReadOnly)) {
        Q_EMIT notice(tr("Die Datei %1 lässt sich nicht öffnen.").arg(file.toLocalFile()));
        return false;
    }
    const auto summary = SynopsisImport::run(*m_replica, QString::fromUtf8(in.readAll()));
    if (!summary) {
        Q_EMIT notice(tr("Nichts übernommen: %1").arg(summary.error().message));
        return false;
    }
    edited();
    Q_EMIT notice(tr("Synopse übernommen: %1 neu, %2 geändert, %3 unverändert.")
                          .arg(summary->created).arg(summary->updated).arg(summary->unchanged));
    return true;
}

void Session::undo()
{
    if (m_undo.isEmpty())
        return;
    const UndoStep step = m_undo.takeLast();
    const bool undone = check(step.revert());
    // Undoing an undo is a redo: the step waits on the redo stack, and the notice offers it.
    if (undone && step.reapply)
        m_redo.append(step);
    m_redoNext = undone && step.reapply;
    Q_EMIT undoChanged();
    if (undone) {
        Q_EMIT notice(tr("Rückgängig gemacht: %1").arg(step.describe()));
        edited();
    }
}

void Session::redo()
{
    if (m_redo.isEmpty())
        return;
    const UndoStep step = m_redo.takeLast();
    const bool redone = check(step.reapply());
    if (redone)
        m_undo.append(step); // and it can be undone again
    m_redoNext = false;
    Q_EMIT undoChanged();
    if (redone) {
        Q_EMIT notice(tr("Wiederholt: %1").arg(step.describe()));
        edited();
    }
}

QString Session::redoText() const
{
    return m_redo.isEmpty() ? QString() : m_redo.constLast().describe();
}

QString Session::fieldValue(const QString &entityId, const QString &field) const
{
    if (!m_replica || entityId.isEmpty())
        return {};
    const auto record = m_replica->store().record(entityId);
    return record ? record->value(field) : QString();
}

QString Session::entityType(const QString &entityId) const
{
    if (!m_replica || entityId.isEmpty())
        return {};
    const auto record = m_replica->store().record(entityId);
    return record ? record->spec->name : QString();
}

bool Session::mayEdit(const QString &entityId) const
{
    // The rules the server applies (Permissions), not a second guess of them: nothing before the entity arrived.
    return m_replica && !entityId.isEmpty() && m_replica->mayEdit(entityId);
}

QString Session::parentForNew(const QString &type, const QString &near) const
{
    const EntitySpec *spec = Schema::instance().entity(type);
    if (!m_replica || !spec || spec->parentField.isEmpty())
        return {};
    const QString wanted = spec->field(spec->parentField)->target;
    QString id = near;
    for (int depth = 0; depth < 8 && !id.isEmpty(); ++depth) { // plans are a few levels deep
        const auto record = m_replica->store().record(id);
        if (!record || !record->isLive())
            return {};
        if (record->spec->name == wanted)
            return id;
        id = record->spec->parentField.isEmpty() ? QString() : record->value(record->spec->parentField);
    }
    return {};
}

QString Session::planOf(const QString &entityId) const
{
    if (!m_replica)
        return {};
    const auto record = m_replica->store().record(entityId);
    return record ? m_view->planOf(*record) : QString();
}

QString Session::municipalityOf(const QString &entityId) const
{
    return m_view ? m_view->municipalityName(planOf(entityId)) : QString();
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "session.h"

#include "common/logging.h"
#include "office/exports.h"
#include "office/reviewnotes.h"
#include "office/synopsisimport.h"
#include "tlstrust.h"
#include "vocabulary.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTimer>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

Session *s_instance = nullptr;

const QString localFolderName = u"local"_s;

} // namespace

Session::Session(const QString &dataFolder, QObject *parent)
    : QObject(parent),
      m_dataFolder(QDir(dataFolder).absolutePath()),
      m_settings(m_dataFolder)
{
    m_language = m_settings.language();
    m_workOffline = m_settings.workOffline();
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

Session *Session::of(const QObject *object)
{
    QQmlEngine *engine = qmlEngine(object);
    return engine ? engine->singletonInstance<Session *>(qmlTypeId("Werkstattplan", 1, 0, "Session")) : nullptr;
}

bool Session::openLast()
{
    const QString folder = m_settings.lastReplica();
    return !folder.isEmpty() && bool(open(folder));
}

void Session::rememberCurrent(const QString &folder)
{
    m_settings.setLastReplica(folder);
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
    m_editor = std::make_unique<PlanEditor>(*m_replica);
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
    m_editor.reset();
    m_view.reset();
    m_replica.reset();
    m_undo.clear();
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
    return m_undo.undoText();
}

void Session::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    m_language = language;
    m_settings.setLanguage(language);
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
    m_settings.setWorkOffline(offline);
    if (m_engine && !isLocalOnly()) {
        if (offline)
            m_engine->pause();
        else
            m_engine->start();
    }
    Q_EMIT workOfflineChanged();
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
    m_undo.push({ std::move(describe), std::move(revert), std::move(reapply) });
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
    if (!check(m_editor->set(entityId, { { field, wanted } })))
        return false;
    pushUndo([field, label = ReplicaView::label(*record)] {
                 return tr("%1 von %2 ändern").arg(Vocabulary::fieldLabel(field), Vocabulary::quoted(label));
             },
             [this, entityId, field, old] { return m_editor->set(entityId, { { field, old } }); },
             [this, entityId, field, wanted] { return m_editor->set(entityId, { { field, wanted } }); });
    edited();
    return true;
}

QString Session::addEntity(const QString &type, const QString &parentId, const QString &title)
{
    return addRecord(type, parentId, { { u"title"_s, title } },
                     [type, title] { return tr("%1 %2 anlegen").arg(Vocabulary::typeLabel(type), Vocabulary::quoted(title)); });
}

QString Session::addRecord(const QString &type, const QString &parentId, const LocalReplica::Fields &fields,
                           Describe undoText)
{
    if (!m_replica)
        return {};
    return added(m_editor->add(type, parentId, fields), std::move(undoText));
}

QString Session::added(const Result<QString> &id, Describe undoText)
{
    if (!check(id))
        return {};
    pushUndo(std::move(undoText), [this, id = *id] { return m_editor->remove(id); },
             [this, id = *id] { return m_editor->restore(id); });
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
    const auto edit = m_editor->setSynopsisFigure(municipalityId, key, value, unit, year);
    if (!check(edit))
        return false;
    if (edit->created) {
        pushUndo([key] { return tr("%1 eintragen").arg(Vocabulary::synopsisKeyLabel(key)); },
                 [this, id = edit->id] { return m_editor->remove(id); },
                 [this, id = edit->id] { return m_editor->restore(id); });
    } else {
        pushUndo([key] { return tr("%1 ändern").arg(Vocabulary::synopsisKeyLabel(key)); },
                 [this, id = edit->id, old = edit->before] { return m_editor->set(id, old); },
                 [this, id = edit->id, now = edit->after] { return m_editor->set(id, now); });
    }
    edited();
    return true;
}

bool Session::removeEntity(const QString &entityId)
{
    if (!m_replica)
        return false;
    const auto record = m_replica->store().record(entityId);
    if (!check(m_editor->remove(entityId)))
        return false;
    const QString label = record ? ReplicaView::label(*record) : QString();
    pushUndo([label] { return tr("%1 löschen").arg(Vocabulary::quoted(label)); }, [this, entityId] { return m_editor->restore(entityId); },
             [this, entityId] { return m_editor->remove(entityId); });
    edited();
    Q_EMIT notice(tr("%1 wurde gelöscht. Mit „Rückgängig“ holen Sie es zurück.").arg(Vocabulary::quoted(label)));
    return true;
}

bool Session::restoreEntity(const QString &entityId)
{
    if (!m_replica || !check(m_editor->restore(entityId)))
        return false;
    pushUndo([] { return tr("Wiederherstellen"); }, [this, entityId] { return m_editor->remove(entityId); },
             [this, entityId] { return m_editor->restore(entityId); });
    edited();
    return true;
}

bool Session::moveEntity(const QString &entityId, int step)
{
    if (!m_replica || (step != -1 && step != 1))
        return false;
    const auto position = m_editor->positionAfterMove(entityId, step);
    if (!check(position))
        return false;
    return setField(entityId, u"position"_s, *position); // undoable like any edit of a field
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
    return added(m_editor->addComment(targetId, body, replyToId), [] { return tr("Kommentar schreiben"); });
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
    const auto outcome = m_undo.undo();
    if (!outcome)
        return;
    const bool undone = check(outcome->status);
    Q_EMIT undoChanged();
    if (undone) {
        Q_EMIT notice(tr("Rückgängig gemacht: %1").arg(outcome->description));
        edited();
    }
}

void Session::redo()
{
    const auto outcome = m_undo.redo();
    if (!outcome)
        return;
    const bool redone = check(outcome->status);
    Q_EMIT undoChanged();
    if (redone) {
        Q_EMIT notice(tr("Wiederholt: %1").arg(outcome->description));
        edited();
    }
}

QString Session::redoText() const
{
    return m_undo.redoText();
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
    return m_editor && m_editor->mayEdit(entityId);
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

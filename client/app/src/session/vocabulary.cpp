// SPDX-License-Identifier: GPL-3.0-or-later
#include "vocabulary.h"

#include "model/schema.h"
#include "office/exports.h"
#include "syncstatus.h"
#include "terms.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QKeySequence>
#include <QLocale>
#include <QVariantMap>

#include <span>

using namespace Qt::Literals::StringLiterals;

namespace {

// The model's keys have their German words in the client core (Terms), shared with the PDF export; the
// tables below are the client's own: sentences, error codes, sync states.
using Terms::Term;

QString lookup(std::span<const Term> terms, const QString &key)
{
    for (const Term &term : terms) {
        if (key == QLatin1StringView(term.key))
            return QCoreApplication::translate(Terms::context, term.text);
    }
    return key;
}

QString lookup(Terms::Table table, const QString &key)
{
    return lookup(Terms::table(table), key);
}

const Term changeTerms[] = {
    { "create", QT_TRANSLATE_NOOP("Vocabulary", "Eintrag angelegt") },
    { "delete", QT_TRANSLATE_NOOP("Vocabulary", "Eintrag gelöscht") },
    { "restore", QT_TRANSLATE_NOOP("Vocabulary", "Eintrag wiederhergestellt") },
    { "position", QT_TRANSLATE_NOOP("Vocabulary", "In der Liste verschoben") },
};

/** Where a sign-in says something else than a sync would (errorTerms otherwise). */
const Term signInErrorTerms[] = {
    { "server_unreachable", QT_TRANSLATE_NOOP("Vocabulary", "Der Server ist nicht erreichbar. Bitte prüfen Sie die Serveradresse und ob dieses Gerät mit dem Netz verbunden ist.") },
};

const Term errorTerms[] = {
    { "forbidden", QT_TRANSLATE_NOOP("Vocabulary", "Das dürfen Sie hier nicht ändern: Sie bearbeiten nur den Plan Ihrer Kommune und Ihre eigenen Kommentare.") },
    { "invalid_value", QT_TRANSLATE_NOOP("Vocabulary", "Dieser Wert passt nicht in das Feld. Bitte prüfen Sie die Eingabe.") },
    { "value_too_long", QT_TRANSLATE_NOOP("Vocabulary", "Der Text ist zu lang. Bitte kürzen Sie ihn.") },
    { "deleted", QT_TRANSLATE_NOOP("Vocabulary", "Der Eintrag ist gelöscht. Stellen Sie ihn zuerst wieder her.") },
    { "not_found", QT_TRANSLATE_NOOP("Vocabulary", "Der Eintrag ist nicht (mehr) vorhanden.") },
    { "bad_credentials", QT_TRANSLATE_NOOP("Vocabulary", "Benutzername oder Passwort stimmen nicht. Bitte versuchen Sie es noch einmal.") },
    { "too_many_attempts", QT_TRANSLATE_NOOP("Vocabulary", "Zu viele Anmeldeversuche. Bitte warten Sie eine Minute und versuchen Sie es dann erneut.") },
    { "account_disabled", QT_TRANSLATE_NOOP("Vocabulary", "Dieses Konto ist gesperrt. Bitte wenden Sie sich an die IT Ihrer Verwaltung oder an die Geschäftsstelle; Ihre Arbeit auf diesem Gerät bleibt erhalten.") },
    { "server_unreachable", QT_TRANSLATE_NOOP("Vocabulary", "Der Server ist nicht erreichbar. Ihre Arbeit ist auf diesem Gerät gespeichert und wird übertragen, sobald die Verbindung wieder besteht.") },
    { "unsupported_protocol", QT_TRANSLATE_NOOP("Vocabulary", "Diese Version von Werkstattplan ist zu alt für den Server. Bitte installieren Sie die neue Version; Ihre Arbeit bleibt erhalten.") },
    { "unauthorized", QT_TRANSLATE_NOOP("Vocabulary", "Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an; Ihre Arbeit bleibt erhalten.") },
    { "invalid_url", QT_TRANSLATE_NOOP("Vocabulary", "Die Serveradresse ist ungültig. Sie beginnt mit http:// oder https://.") },
    { "account_mismatch", QT_TRANSLATE_NOOP("Vocabulary", "Diese Daten gehören zu einem anderen Konto.") },
    { "storage_error", QT_TRANSLATE_NOOP("Vocabulary", "Die Daten konnten auf diesem Gerät nicht gespeichert werden. Ist der Datenträger voll?") },
    { "malformed_response", QT_TRANSLATE_NOOP("Vocabulary", "Der Server hat unverständlich geantwortet. Bitte wenden Sie sich an die Geschäftsstelle.") },
    { "no_server", QT_TRANSLATE_NOOP("Vocabulary", "Sie arbeiten ohne Server. Melden Sie sich an, um Ihren Plan zu teilen.") },
    { "ambiguous", QT_TRANSLATE_NOOP("Vocabulary", "Bitte wählen Sie, welcher Wert gelten soll.") },
    { "bad_request", QT_TRANSLATE_NOOP("Vocabulary", "Diese Änderung ist nicht möglich.") },
    { "no_plan", QT_TRANSLATE_NOOP("Vocabulary", "Für dieses Konto gibt es noch keinen Plan. Die Geschäftsstelle legt ihn an.") },
    { "stale_position", QT_TRANSLATE_NOOP("Vocabulary", "Der Eintrag steht schon am Rand der Liste.") },
    { "note_required", QT_TRANSLATE_NOOP("Vocabulary", "Bitte schreiben Sie dazu, welche Änderungen Sie erbitten.") },
    { "duplicate_field", QT_TRANSLATE_NOOP("Vocabulary", "Ein Feld wurde in einer Änderung zweimal angegeben. Bitte geben Sie jedes Feld nur einmal an.") },
    // What happened to the user's data (SyncStatus::noticeCode), shown until the user has read it.
    { "server_restored", QT_TRANSLATE_NOOP("Vocabulary", "Der Server wurde aus einer Sicherung wiederhergestellt. Was ihm fehlte, hat dieses Gerät noch einmal gesendet; es ist nichts verloren.") },
    { "replica_corrupt", QT_TRANSLATE_NOOP("Vocabulary", "Die Datei mit Ihren Daten war beschädigt und wurde beiseitegelegt. Die noch nicht übertragenen Änderungen, die sich lesen ließen, wurden gerettet; der Rest kommt vom Server.") },
    { "replica_foreign", QT_TRANSLATE_NOOP("Vocabulary", "An der Stelle Ihrer Daten lag eine fremde Datei. Sie wurde beiseitegelegt; Ihr Plan kommt beim nächsten Abgleich vom Server.") },
    { "replica_empty", QT_TRANSLATE_NOOP("Vocabulary", "Die Datei mit Ihren Daten war leer. Sie wurde beiseitegelegt; Ihr Plan kommt beim nächsten Abgleich vom Server. Noch nicht übertragene Änderungen können fehlen.") },
    { "replica_missing", QT_TRANSLATE_NOOP("Vocabulary", "Ein Teil der Datei mit Ihren Daten fehlte. Bitte prüfen Sie Ihre letzten Änderungen.") },
    { "replica_work_lost", QT_TRANSLATE_NOOP("Vocabulary", "Auf diesem Gerät fehlen Änderungen, die schon gespeichert waren (die Datei wurde außerhalb von Werkstattplan verändert). Bitte prüfen Sie Ihre letzten Änderungen.") },
    // Reasons the server gives for a refused change.
    { "clock_ahead", QT_TRANSLATE_NOOP("Vocabulary", "Die Uhr dieses Geräts geht vor. Bitte stellen Sie Datum und Uhrzeit richtig ein und ändern Sie den Eintrag dann noch einmal.") },
    { "author_mismatch", QT_TRANSLATE_NOOP("Vocabulary", "Die Änderung wurde unter einem anderen Konto gemacht. Bitte ändern Sie den Eintrag noch einmal.") },
    { "type_mismatch", QT_TRANSLATE_NOOP("Vocabulary", "Der Eintrag hat auf dem Server eine andere Art. Bitte legen Sie ihn neu an.") },
    { "malformed_change", QT_TRANSLATE_NOOP("Vocabulary", "Die Änderung war unvollständig. Bitte ändern Sie den Eintrag noch einmal.") },
    { "unknown_field", QT_TRANSLATE_NOOP("Vocabulary", "Der Server kennt dieses Feld nicht. Bitte wenden Sie sich an die Geschäftsstelle.") },
    { "unknown_type", QT_TRANSLATE_NOOP("Vocabulary", "Der Server kennt diese Art von Eintrag nicht. Bitte wenden Sie sich an die Geschäftsstelle.") },
    { "exists", QT_TRANSLATE_NOOP("Vocabulary", "Diesen Eintrag gibt es auf dem Server schon.") },
    // The connection's security (TlsTrust): never shown as "offline", since waiting does not help.
    { "tls_untrusted", QT_TRANSLATE_NOOP("Vocabulary", "Das Zertifikat des Servers ist nicht vertrauenswürdig: Es stammt von keiner Stelle, der dieses Gerät vertraut, ist abgelaufen oder gilt für eine andere Adresse. Betreibt Ihre Verwaltung eine eigene Zertifizierungsstelle, wählen Sie bei der Anmeldung unter „Erweitert“ deren Zertifikat; sonst wenden Sie sich an die IT. Ihre Arbeit bleibt auf diesem Gerät gespeichert.") },
    { "tls_failed", QT_TRANSLATE_NOOP("Vocabulary", "Es kam keine verschlüsselte Verbindung zum Server zustande. Stimmt die Adresse (https:// oder http://)? Ihre Arbeit bleibt auf diesem Gerät gespeichert.") },
    { "tls_required", QT_TRANSLATE_NOOP("Vocabulary", "Der Server nimmt nur verschlüsselte Verbindungen an. Bitte beginnen Sie die Serveradresse mit https://.") },
    { "ca_file_unreadable", QT_TRANSLATE_NOOP("Vocabulary", "Die Zertifikatsdatei lässt sich nicht lesen. Bitte wählen Sie sie erneut.") },
    { "ca_file_invalid", QT_TRANSLATE_NOOP("Vocabulary", "In dieser Datei steht kein Zertifikat (PEM). Bitte wählen Sie die Datei, die Ihnen die IT gegeben hat.") },
};

struct StateTerm
{
    SyncStatus::State state;
    const char *label;
    const char *explanation;
};

const StateTerm stateTerms[] = {
    { SyncStatus::LocalOnly, QT_TRANSLATE_NOOP("Vocabulary", "Nur auf diesem Gerät"),
      QT_TRANSLATE_NOOP("Vocabulary", "Ihr Plan ist nur auf diesem Gerät gespeichert. Verbinden Sie sich mit dem Server, um ihn mit den anderen Kommunen und der Geschäftsstelle zu teilen.") },
    { SyncStatus::Offline, QT_TRANSLATE_NOOP("Vocabulary", "Offline"),
      QT_TRANSLATE_NOOP("Vocabulary", "Gerade besteht keine Verbindung zum Server. Ihre Änderungen sind auf diesem Gerät sicher gespeichert und werden übertragen, sobald die Verbindung wieder besteht.") },
    { SyncStatus::Online, QT_TRANSLATE_NOOP("Vocabulary", "Alles übertragen"),
      QT_TRANSLATE_NOOP("Vocabulary", "Der Server hat alle Ihre Änderungen bestätigt. Neues von anderen kommt von selbst an.") },
    { SyncStatus::Syncing, QT_TRANSLATE_NOOP("Vocabulary", "Wird abgeglichen …"),
      QT_TRANSLATE_NOOP("Vocabulary", "Ihre Änderungen werden übertragen. Erst wenn der Server sie bestätigt hat, gelten sie als abgeglichen.") },
    { SyncStatus::Error, QT_TRANSLATE_NOOP("Vocabulary", "Abgleich braucht Ihre Hilfe"),
      QT_TRANSLATE_NOOP("Vocabulary", "Der Abgleich ist angehalten, bis Sie etwas tun. Ihre Arbeit bleibt auf diesem Gerät gespeichert.") },
    { SyncStatus::OfflineByChoice, QT_TRANSLATE_NOOP("Vocabulary", "Offline (gewählt)"),
      QT_TRANSLATE_NOOP("Vocabulary", "Sie haben „Offline arbeiten“ gewählt: Es wird nichts gesendet oder empfangen. Ihre Änderungen bleiben auf diesem Gerät gespeichert und werden übertragen, sobald Sie wieder verbinden.") },
};

const StateTerm *stateTerm(int state)
{
    for (const StateTerm &term : stateTerms) {
        if (term.state == state)
            return &term;
    }
    return nullptr;
}

} // namespace

Vocabulary::Vocabulary(QObject *parent)
    : QObject(parent)
    , m_now(QDateTime::currentDateTimeUtc())
{
    // Relative times change by the minute; a tick every 15 s keeps them at most that late.
    m_tick.setInterval(15'000);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        m_now = QDateTime::currentDateTimeUtc();
        Q_EMIT nowChanged();
    });
    m_tick.start();
}

QStringList Vocabulary::synopsisKeys()
{
    QStringList keys;
    for (const Term &term : Terms::table(Terms::Table::Synopsis))
        keys << QString::fromLatin1(term.key);
    return keys;
}

QString Vocabulary::synopsisKeyLabel(const QString &key)
{
    return lookup(Terms::Table::Synopsis, key);
}

QString Vocabulary::typeLabel(const QString &entityType)
{
    return lookup(Terms::Table::Type, entityType);
}

QString Vocabulary::fieldLabel(const QString &field)
{
    return lookup(Terms::Table::Field, field);
}

QString Vocabulary::choiceLabel(const QString &field, const QString &key)
{
    if (key.isEmpty())
        return {};
    return lookup(Terms::Table::Choice, field + u'.' + key);
}

QString Vocabulary::changeSentence(const QString &op, const QString &field)
{
    return lookup(changeTerms, field == u"position"_s ? field : op);
}

QVariantList Vocabulary::choices(const QString &entityType, const QString &field)
{
    QVariantList list;
    const EntitySpec *spec = Schema::instance().entity(entityType);
    const FieldSpec *f = spec ? spec->field(field) : nullptr;
    if (!f)
        return list;
    for (const QString &key : f->choices)
        list.append(QVariantMap { { u"key"_s, key }, { u"label"_s, choiceLabel(field, key) } });
    return list;
}

QString Vocabulary::displayValue(const QString &entityType, const QString &field, const QString &value)
{
    if (value.isEmpty())
        return {};
    if (field == u"_state"_s)
        return choiceLabel(field, value);
    const EntitySpec *spec = Schema::instance().entity(entityType);
    const FieldSpec *f = spec ? spec->field(field) : nullptr;
    if (!f)
        return value;
    switch (f->type) {
    case FieldType::Enum:
        return choiceLabel(field, value);
    case FieldType::Themes: {
        QStringList labels;
        for (const QJsonValue &key : QJsonDocument::fromJson(value.toUtf8()).array())
            labels << choiceLabel(field, key.toString());
        return labels.join(u", "_s);
    }
    case FieldType::Date:
        return QDate::fromString(value, Qt::ISODate).toString(u"dd.MM.yyyy"_s);
    case FieldType::Bool:
        return value == u"true"_s ? QCoreApplication::translate("Vocabulary", "ja")
                                  : QCoreApplication::translate("Vocabulary", "nein");
    case FieldType::Number:
        return QLocale().toString(value.toDouble(), 'f', value.contains(u'.') ? 2 : 0);
    default:
        return value;
    }
}

QString Vocabulary::parseDate(const QString &text)
{
    return FieldInput::date(text).value;
}

QString Vocabulary::parseNumber(const QString &text)
{
    return FieldInput::number(text).value;
}

QString Vocabulary::inputProblem(const QString &entityType, const QString &field, const QString &text)
{
    const EntitySpec *spec = Schema::instance().entity(entityType);
    const FieldSpec *fieldSpec = spec ? spec->field(field) : nullptr;
    if (!fieldSpec)
        return {};
    const FieldInput::Parsed parsed = FieldInput::parse(*fieldSpec, text);
    return inputProblemText(parsed.problem, FieldInput::maxLength(*fieldSpec), int(text.size()));
}

QString Vocabulary::inputProblemText(FieldInput::Problem problem, int maxLength, int length)
{
    switch (problem) {
    case FieldInput::Problem::None:
        return {};
    case FieldInput::Problem::DateFormat:
        return QCoreApplication::translate("Vocabulary", "Bitte als TT.MM.JJJJ eingeben, zum Beispiel 31.03.2026.");
    case FieldInput::Problem::NoSuchDay:
        return QCoreApplication::translate("Vocabulary", "Diesen Tag gibt es nicht.");
    case FieldInput::Problem::NoSuchMonth:
        return QCoreApplication::translate("Vocabulary", "Diesen Monat gibt es nicht (1 bis 12).");
    case FieldInput::Problem::NotANumber:
        return QCoreApplication::translate("Vocabulary", "Bitte eine Zahl eingeben, zum Beispiel 1.500,50.");
    case FieldInput::Problem::TooLong:
        return QCoreApplication::translate("Vocabulary", "Zu lang: höchstens %1 Zeichen, jetzt %2.")
                .arg(QLocale().toString(maxLength), QLocale().toString(length));
    case FieldInput::Problem::NotAChoice:
        return QCoreApplication::translate("Vocabulary", "Bitte einen der angebotenen Werte wählen.");
    }
    return {};
}

QString Vocabulary::hintText(const PlanHints::Hint &hint)
{
    const QString date = hint.date.toString(u"dd.MM.yyyy"_s);
    switch (hint.kind) {
    case PlanHints::Kind::MilestoneBeforeStart:
        return QCoreApplication::translate("Vocabulary", "Liegt vor dem Beginn der Maßnahme (%1).").arg(date);
    case PlanHints::Kind::MilestoneAfterEnd:
        return QCoreApplication::translate("Vocabulary", "Liegt nach dem Ende der Maßnahme (%1).").arg(date);
    case PlanHints::Kind::DoneButEndsLater:
        return QCoreApplication::translate("Vocabulary", "Die Maßnahme ist %1, endet aber erst am %2. Stimmt das Ende?")
                .arg(quoted(choiceLabel(u"status"_s, u"done"_s)), date);
    case PlanHints::Kind::EndBeforeStart:
        return QCoreApplication::translate("Vocabulary", "Das Ende liegt vor dem Beginn (%1).").arg(date);
    }
    return {};
}

QString Vocabulary::withTheme(const QString &themes, const QString &key, bool on)
{
    QStringList keys;
    for (const QJsonValue &v : QJsonDocument::fromJson(themes.toUtf8()).array())
        keys << v.toString();
    keys.removeAll(key);
    if (on)
        keys << key;
    keys.sort();
    if (keys.isEmpty())
        return {};
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(keys)).toJson(QJsonDocument::Compact));
}

bool Vocabulary::hasTheme(const QString &themes, const QString &key)
{
    return QJsonDocument::fromJson(themes.toUtf8()).array().contains(QJsonValue(key));
}

QString Vocabulary::errorText(const QString &code)
{
    const QString text = lookup(errorTerms, code);
    if (text != code)
        return text;
    return QCoreApplication::translate("Vocabulary", "Etwas ist schiefgegangen (%1). Ihre Arbeit ist auf diesem Gerät gespeichert.")
            .arg(code);
}

QString Vocabulary::signInErrorText(const QString &code)
{
    const QString text = lookup(signInErrorTerms, code);
    return text != code ? text : errorText(code);
}

QString Vocabulary::syncStateLabel(int state)
{
    const StateTerm *term = stateTerm(state);
    return term ? QCoreApplication::translate("Vocabulary", term->label) : QString();
}

QString Vocabulary::syncStateExplanation(int state)
{
    const StateTerm *term = stateTerm(state);
    return term ? QCoreApplication::translate("Vocabulary", term->explanation) : QString();
}

QString Vocabulary::dateTime(const QDateTime &when)
{
    if (!when.isValid())
        return QCoreApplication::translate("Vocabulary", "noch nie");
    return when.toLocalTime().toString(QCoreApplication::translate("Vocabulary", "dd.MM.yyyy, HH:mm 'Uhr'"));
}

QString Vocabulary::since(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return syncTime(when);
    const qint64 seconds = when.secsTo(now.isValid() ? now : QDateTime::currentDateTimeUtc());
    if (seconds < 60)
        return QCoreApplication::translate("Vocabulary", "gerade eben");
    const int minutes = int(seconds / 60);
    const int hours = minutes / 60;
    if (hours < 1)
        return QCoreApplication::translate("Vocabulary", "vor %n Minute(n)", nullptr, minutes);
    if (hours < 12)
        return QCoreApplication::translate("Vocabulary", "vor %n Stunde(n)", nullptr, hours);
    return syncTime(when);
}

QString Vocabulary::syncTime(const QDateTime &when)
{
    if (!when.isValid())
        return QCoreApplication::translate("Vocabulary", "noch nie");
    return ExportStamp::localTimeText(when, QCoreApplication::translate("Vocabulary", "dd.MM.yyyy, HH:mm 'Uhr'"));
}

QString Vocabulary::quoted(const QString &title)
{
    // Inner double quotation marks become single ones of the same shape: „ → ‚, “ → ‘, ” → ’, " → '.
    QString inner = title;
    inner.replace(u'\u201E', u'\u201A').replace(u'\u201C', u'\u2018').replace(u'\u201D', u'\u2019');
    inner.replace(u'"', u'\'');
    //: a title in quotation marks; English: “%1”
    return QCoreApplication::translate("Vocabulary", "„%1“").arg(inner);
}

QString Vocabulary::shortcutText(const QString &sequence)
{
    return QKeySequence(sequence, QKeySequence::PortableText).toString(QKeySequence::NativeText);
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "terms.h"

#include <QtGlobal>

namespace Terms {

namespace {

const Term typeTerms[] = {
    { "municipality", QT_TRANSLATE_NOOP("Vocabulary", "Kommune") },
    { "synopsis_figure", QT_TRANSLATE_NOOP("Vocabulary", "Kennzahl") },
    { "plan", QT_TRANSLATE_NOOP("Vocabulary", "Werkstattplan") },
    { "field_of_action", QT_TRANSLATE_NOOP("Vocabulary", "Handlungsfeld") },
    { "goal", QT_TRANSLATE_NOOP("Vocabulary", "Ziel") },
    { "measure", QT_TRANSLATE_NOOP("Vocabulary", "Maßnahme") },
    { "milestone", QT_TRANSLATE_NOOP("Vocabulary", "Meilenstein") },
    { "comment", QT_TRANSLATE_NOOP("Vocabulary", "Kommentar") },
    { "meeting", QT_TRANSLATE_NOOP("Vocabulary", "Werkstatttreffen") },
    { "meeting_link", QT_TRANSLATE_NOOP("Vocabulary", "Verknüpfung mit Treffen") },
    { "plan_version", QT_TRANSLATE_NOOP("Vocabulary", "Eingereichter Stand") },
};

const Term fieldTerms[] = {
    { "name", QT_TRANSLATE_NOOP("Vocabulary", "Name") },
    { "state", QT_TRANSLATE_NOOP("Vocabulary", "Bundesland") },
    { "cluster", QT_TRANSLATE_NOOP("Vocabulary", "Cluster") },
    { "kind", QT_TRANSLATE_NOOP("Vocabulary", "Art") },
    { "key", QT_TRANSLATE_NOOP("Vocabulary", "Kennzahl") },
    { "value", QT_TRANSLATE_NOOP("Vocabulary", "Wert") },
    { "unit", QT_TRANSLATE_NOOP("Vocabulary", "Einheit") },
    { "year", QT_TRANSLATE_NOOP("Vocabulary", "Jahr") },
    { "title", QT_TRANSLATE_NOOP("Vocabulary", "Titel") },
    { "vision", QT_TRANSLATE_NOOP("Vocabulary", "Leitbild") },
    { "review_status", QT_TRANSLATE_NOOP("Vocabulary", "Prüfstatus") },
    { "shared", QT_TRANSLATE_NOOP("Vocabulary", "Für andere Kommunen sichtbar") },
    { "description", QT_TRANSLATE_NOOP("Vocabulary", "Beschreibung") },
    { "indicator", QT_TRANSLATE_NOOP("Vocabulary", "Indikator") },
    { "target_value", QT_TRANSLATE_NOOP("Vocabulary", "Zielwert") },
    { "status", QT_TRANSLATE_NOOP("Vocabulary", "Status") },
    { "start_date", QT_TRANSLATE_NOOP("Vocabulary", "Beginn") },
    { "end_date", QT_TRANSLATE_NOOP("Vocabulary", "Ende") },
    { "responsible", QT_TRANSLATE_NOOP("Vocabulary", "Verantwortlich") },
    { "partners", QT_TRANSLATE_NOOP("Vocabulary", "Partner") },
    { "budget", QT_TRANSLATE_NOOP("Vocabulary", "Budget (Euro)") },
    { "themes", QT_TRANSLATE_NOOP("Vocabulary", "Themen") },
    { "priority", QT_TRANSLATE_NOOP("Vocabulary", "Priorität") },
    { "position", QT_TRANSLATE_NOOP("Vocabulary", "Reihenfolge") },
    { "due_date", QT_TRANSLATE_NOOP("Vocabulary", "Fällig am") },
    { "done", QT_TRANSLATE_NOOP("Vocabulary", "Erledigt") },
    { "body", QT_TRANSLATE_NOOP("Vocabulary", "Text") },
    { "resolved", QT_TRANSLATE_NOOP("Vocabulary", "Erledigt") },
    { "date", QT_TRANSLATE_NOOP("Vocabulary", "Datum") },
    { "host", QT_TRANSLATE_NOOP("Vocabulary", "Gastgeber") },
    { "place", QT_TRANSLATE_NOOP("Vocabulary", "Ort") },
    { "participants", QT_TRANSLATE_NOOP("Vocabulary", "Teilnehmende") },
    { "agenda", QT_TRANSLATE_NOOP("Vocabulary", "Tagesordnung") },
    { "notes", QT_TRANSLATE_NOOP("Vocabulary", "Notizen") },
    { "reply_to", QT_TRANSLATE_NOOP("Vocabulary", "Antwort auf") },
    { "label", QT_TRANSLATE_NOOP("Vocabulary", "Bezeichnung") },
    { "submitted_at", QT_TRANSLATE_NOOP("Vocabulary", "Eingereicht am") },
    { "snapshot", QT_TRANSLATE_NOOP("Vocabulary", "Eingefrorener Inhalt") },
    { "_state", QT_TRANSLATE_NOOP("Vocabulary", "Löschen/Wiederherstellen") },
};

const Term choiceTerms[] = {
    // measure status
    { "status.idea", QT_TRANSLATE_NOOP("Vocabulary", "Idee") },
    { "status.planned", QT_TRANSLATE_NOOP("Vocabulary", "geplant") },
    { "status.in_progress", QT_TRANSLATE_NOOP("Vocabulary", "in Umsetzung") },
    { "status.done", QT_TRANSLATE_NOOP("Vocabulary", "abgeschlossen") },
    { "status.paused", QT_TRANSLATE_NOOP("Vocabulary", "pausiert") },
    { "status.dropped", QT_TRANSLATE_NOOP("Vocabulary", "verworfen") },
    { "priority.low", QT_TRANSLATE_NOOP("Vocabulary", "niedrig") },
    { "priority.medium", QT_TRANSLATE_NOOP("Vocabulary", "mittel") },
    { "priority.high", QT_TRANSLATE_NOOP("Vocabulary", "hoch") },
    { "review_status.draft", QT_TRANSLATE_NOOP("Vocabulary", "Entwurf") },
    { "review_status.submitted", QT_TRANSLATE_NOOP("Vocabulary", "eingereicht") },
    { "review_status.in_review", QT_TRANSLATE_NOOP("Vocabulary", "in Prüfung") },
    { "review_status.reviewed", QT_TRANSLATE_NOOP("Vocabulary", "geprüft") },
    { "review_status.changes_requested", QT_TRANSLATE_NOOP("Vocabulary", "Änderungen erbeten") },
    { "kind.city", QT_TRANSLATE_NOOP("Vocabulary", "Stadt") },
    { "kind.community", QT_TRANSLATE_NOOP("Vocabulary", "Gemeinde") },
    { "kind.initiative", QT_TRANSLATE_NOOP("Vocabulary", "Initiative") },
    { "kind.peer", QT_TRANSLATE_NOOP("Vocabulary", "Rückmeldung") },
    { "kind.review", QT_TRANSLATE_NOOP("Vocabulary", "Prüfhinweis") },
    { "themes.skilled_workers", QT_TRANSLATE_NOOP("Vocabulary", "Fachkräftemangel") },
    { "themes.volunteering", QT_TRANSLATE_NOOP("Vocabulary", "Ehrenamt") },
    { "themes.location_cooperation", QT_TRANSLATE_NOOP("Vocabulary", "Standort-Kooperationen") },
    { "themes.public_services", QT_TRANSLATE_NOOP("Vocabulary", "Daseinsvorsorge") },
    { "themes.mobility", QT_TRANSLATE_NOOP("Vocabulary", "Mobilität") },
    { "themes.housing", QT_TRANSLATE_NOOP("Vocabulary", "Wohnen") },
    { "themes.town_centre", QT_TRANSLATE_NOOP("Vocabulary", "Attraktive Ortskerne") },
    { "themes.digitalisation", QT_TRANSLATE_NOOP("Vocabulary", "Digitalisierung") },
    { "themes.youth", QT_TRANSLATE_NOOP("Vocabulary", "Jugend") },
    { "themes.older_people", QT_TRANSLATE_NOOP("Vocabulary", "Älter werden") },
    { "themes.health_care", QT_TRANSLATE_NOOP("Vocabulary", "Gesundheit und Pflege") },
    { "themes.climate", QT_TRANSLATE_NOOP("Vocabulary", "Klima und Energie") },
    { "themes.education", QT_TRANSLATE_NOOP("Vocabulary", "Bildung") },
    { "themes.participation", QT_TRANSLATE_NOOP("Vocabulary", "Beteiligung") },
    { "themes.economy", QT_TRANSLATE_NOOP("Vocabulary", "Wirtschaft") },
    { "themes.culture", QT_TRANSLATE_NOOP("Vocabulary", "Kultur") },
    // an entity's lifecycle register (delete and restore)
    { "_state.live", QT_TRANSLATE_NOOP("Vocabulary", "vorhanden") },
    { "_state.deleted", QT_TRANSLATE_NOOP("Vocabulary", "gelöscht") },
};

const Term synopsisTerms[] = {
    { "population", QT_TRANSLATE_NOOP("Vocabulary", "Einwohner") },
    { "share_65_plus", QT_TRANSLATE_NOOP("Vocabulary", "Anteil 65 Jahre und älter") },
    { "share_under_18", QT_TRANSLATE_NOOP("Vocabulary", "Anteil unter 18 Jahren") },
    { "median_age", QT_TRANSLATE_NOOP("Vocabulary", "Durchschnittsalter") },
    { "area_km2", QT_TRANSLATE_NOOP("Vocabulary", "Fläche") },
    { "population_change_10y", QT_TRANSLATE_NOOP("Vocabulary", "Bevölkerungsentwicklung (10 Jahre)") },
};

} // namespace

std::span<const Term> table(Table table)
{
    switch (table) {
    case Table::Type:
        return typeTerms;
    case Table::Field:
        return fieldTerms;
    case Table::Choice:
        return choiceTerms;
    case Table::Synopsis:
        return synopsisTerms;
    }
    return {};
}

const char *find(Table which, QStringView key)
{
    for (const Term &term : table(which)) {
        if (key == QLatin1StringView(term.key))
            return term.text;
    }
    return nullptr;
}

QString german(Table table, const QString &key)
{
    const char *text = find(table, key);
    return text ? QString::fromUtf8(text) : key;
}

} // namespace Terms

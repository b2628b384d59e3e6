// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Vocabulary of a German municipal workshop plan, shared by the benchmarks, so
// generated plans have realistic lengths and characters (umlauts, ß).

#include <QStringList>

namespace PlanVocabulary {

using namespace Qt::Literals::StringLiterals;

inline const QStringList titleHeads { u"Dorfladen"_s, u"Bürgerbus"_s, u"Ehrenamtsbörse"_s, u"Fachkräfte-Messe"_s,
                                      u"Jugendtreff"_s, u"Pflegestammtisch"_s, u"Radweg"_s, u"Nahwärmenetz"_s,
                                      u"Coworking-Space"_s, u"Seniorenbegleitung"_s, u"Mitfahrbank"_s,
                                      u"Leerstandskataster"_s, u"Dorfgemeinschaftshaus"_s, u"Gründerstammtisch"_s };
inline const QStringList titleTails { u"im Ortskern"_s, u"für Ältere"_s, u"am Bahnhof"_s, u"für Familien"_s,
                                      u"im Gewerbegebiet"_s, u"an der Grundschule"_s, u"für Zugezogene"_s,
                                      u"im Quartier Nord"_s, u"mit den Nachbargemeinden"_s, u"2026"_s };
inline const QStringList sentences {
    u"Die Maßnahme greift einen Wunsch aus der Bürgerwerkstatt im Frühjahr auf."_s,
    u"Ziel ist es, die Versorgung im Ortskern auch ohne Auto dauerhaft zu sichern."_s,
    u"Der Gemeinderat hat die Mittel für die Vorplanung bereits im Haushalt eingestellt."_s,
    u"Ehrenamtliche aus drei Vereinen haben ihre Unterstützung beim Betrieb zugesagt."_s,
    u"Eine Förderung aus dem Landesprogramm für ländliche Räume wird geprüft."_s,
    u"Erfahrungen aus der Nachbargemeinde zeigen, dass ein fester Ansprechpartner entscheidend ist."_s,
    u"Die Jugendlichen sollen von Anfang an an der Gestaltung beteiligt werden."_s,
    u"Für die Umsetzung ist eine Kooperation mit dem Landkreis und den Stadtwerken vorgesehen."_s,
    u"Der Zeitplan hängt davon ab, wann die Baugenehmigung für das ehemalige Rathaus vorliegt."_s,
    u"Nach einem Jahr wird gemeinsam mit den Nutzerinnen und Nutzern ausgewertet, was sich bewährt hat."_s,
    u"Barrierefreiheit und kurze Wege für ältere Menschen haben dabei Vorrang."_s,
    u"Die Kosten für den laufenden Betrieb sollen über Mitgliedsbeiträge und Sponsoring gedeckt werden."_s,
};
// Roles, not people: plans name who is responsible by office.
inline const QStringList people { u"Bürgermeisteramt"_s, u"Amt für Ortsentwicklung"_s, u"Bauamt"_s,
                                  u"Quartiersmanagement"_s, u"Kämmerei"_s, u"Jugendpflege"_s,
                                  u"Seniorenbeirat"_s, u"Wirtschaftsförderung Landkreis"_s };
inline const QStringList organisations { u"Heimatverein"_s, u"Freiwillige Feuerwehr"_s, u"Landfrauen"_s,
                                         u"Sportverein 1921 e.V."_s, u"Caritas"_s, u"Stadtwerke"_s,
                                         u"Volkshochschule"_s, u"IHK"_s, u"Kirchengemeinde St. Martin"_s };
inline const QStringList statuses { u"idea"_s, u"planned"_s, u"in_progress"_s, u"done"_s, u"paused"_s, u"dropped"_s };
inline const QStringList priorities { u"low"_s, u"medium"_s, u"high"_s };

} // namespace PlanVocabulary

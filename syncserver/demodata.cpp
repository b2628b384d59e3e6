// SPDX-License-Identifier: GPL-3.0-or-later
#include "demodata.h"

#include "common/logging.h"
#include "model/plansnapshot.h"
#include "sync/localeditor.h"
#include "model/orderkey.h"
#include "sync/replicastate.h"

#include <QDate>
#include <QRandomGenerator>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace {

// Text placeholders, so one catalogue entry reads naturally in every plan:
// {ort} short name ("Adorf"), {in} "in Adorf" / "im Rodachtal", {rat} the council.

struct Place
{
    DemoMunicipality municipality;
    QString shortName;
    QString inPlace;
    int population = 0;
    double share65 = 0; ///< percent of inhabitants aged 65 or more
    double areaKm2 = 0;
    QString vision;
    QList<int> fields; ///< indices into fieldCatalogue(), in plan order
    QString reviewStatus;
    bool shared = true;
};

struct GoalText
{
    QString title;
    QString description;
    QString indicator;
    QString targetValue;
};

struct MeasureText
{
    QString title;
    QString description;
    QString themes; ///< comma-separated theme keys
    QString responsible;
    QString partners;
    int budgetEur = 0; ///< for a town of 5,000 to 20,000 inhabitants; 0: no budget of its own
};

struct FieldText
{
    QString title;
    QString description;
    QList<GoalText> goals; ///< a plan takes one or two of them
    QList<MeasureText> measures; ///< a plan takes up to eight of them, without repeats
};

/** A measure of one municipality's own, from the report; it comes first in that field of action. */
struct LocalMeasure
{
    QString municipalityId;
    int field = 0;
    MeasureText text;
    bool linkedToMeeting = false;
};

const QString meetingId = u"meeting-sued-2022-zwickau"_s;
const QString meetingHostId = u"muni-zwickau"_s;
// Milestones due before this day count as reached; fixed so the demo looks the same every time.
const QDate demoToday(2026, 10, 31);
// Fixed seed: the same statuses, dates and budgets on every call.
constexpr quint32 demoSeed = 20220705;

// clang-format off
const QList<Place> &places()
{
    auto muni = [](const QString &key, const QString &name, const QString &state, const QString &cluster,
                   const QString &kind) {
        return DemoMunicipality { u"muni-"_s + key, u"plan-"_s + key, name, state, cluster, kind, key };
    };
    static const QList<Place> list = {
        { muni(u"adorf"_s, u"Adorf/Vogtl."_s, u"Sachsen"_s, u"Süd"_s, u"city"_s), u"Adorf"_s, u"in Adorf"_s,
          4850, 33.1, 42.9,
          u"Adorf im Vogtland bleibt eine kleine Stadt mit großem Zusammenhalt. Junge Menschen sollen hier "
          u"eine berufliche Zukunft sehen, und Ältere sollen gut versorgt bleiben. Vereine und Ehrenamt sind "
          u"unser Rückgrat – wir machen ihnen das Engagement leicht."_s,
          { 0, 1, 6, 9 }, u"draft"_s, true },
        { muni(u"dresden"_s, u"Dresden"_s, u"Sachsen"_s, u"Süd"_s, u"city"_s), u"Dresden"_s, u"in Dresden"_s,
          556200, 22.4, 328.5,
          u"Dresden wächst, aber nicht in allen Stadtteilen gleich. Wir wollen, dass Fachkräfte gern in "
          u"unsere Stadt kommen und bleiben, dass Wohnen bezahlbar bleibt und dass die Verwaltung digital "
          u"und bürgernah arbeitet."_s,
          { 0, 5, 8 }, u"draft"_s, true },
        { muni(u"furth"_s, u"Furth"_s, u"Bayern"_s, u"Süd"_s, u"community"_s), u"Furth"_s, u"in Furth"_s,
          3750, 19.8, 25.4,
          u"Furth ist eine lebendige Gemeinde im ländlichen Raum, in der alle Generationen ihren Platz "
          u"haben. Wir sichern die Versorgung vor Ort, stärken das Ehrenamt und geben jungen Menschen Raum "
          u"und Mitsprache."_s,
          { 1, 3, 7 }, u"draft"_s, true },
        { muni(u"helbeduendorf"_s, u"Helbedündorf"_s, u"Thüringen"_s, u"Süd"_s, u"community"_s),
          u"Helbedündorf"_s, u"in Helbedündorf"_s, 2250, 31.5, 66.0,
          u"Helbedündorf verbindet viele kleine Ortsteile im Grünen. Man soll hier auch ohne eigenes Auto "
          u"gut leben können. Arzt, Einkauf und Verwaltung müssen erreichbar bleiben."_s,
          { 3, 4 }, u"draft"_s, false },
        { muni(u"kornwestheim"_s, u"Kornwestheim"_s, u"Baden-Württemberg"_s, u"Süd"_s, u"city"_s),
          u"Kornwestheim"_s, u"in Kornwestheim"_s, 34100, 20.9, 14.6,
          u"Kornwestheim ist ein starker Wirtschaftsstandort am Rand von Stuttgart. Wir wollen Fachkräfte "
          u"gewinnen, bezahlbaren Wohnraum schaffen und unsere Innenstadt zu einem Treffpunkt für alle "
          u"machen. Dabei arbeiten wir eng mit Unternehmen und Nachbarstädten zusammen."_s,
          { 0, 5, 6, 2 }, u"draft"_s, true },
        { muni(u"marktredwitz"_s, u"Marktredwitz"_s, u"Bayern"_s, u"Süd"_s, u"city"_s), u"Marktredwitz"_s,
          u"in Marktredwitz"_s, 17200, 27.6, 50.1,
          u"Marktredwitz ist das Zentrum seiner Region im Fichtelgebirge. Wir beleben die Innenstadt, binden "
          u"Fachkräfte an die Region und bauen die Zusammenarbeit mit unseren Nachbarn weiter aus."_s,
          { 6, 0, 2 }, u"draft"_s, true },
        { muni(u"oelsnitz"_s, u"Oelsnitz/Vogtl."_s, u"Sachsen"_s, u"Süd"_s, u"city"_s), u"Oelsnitz"_s,
          u"in Oelsnitz"_s, 10400, 32.8, 51.2,
          u"Oelsnitz/Vogtl. will eine Stadt sein, in der man gut älter wird und in der sich Jung und Alt "
          u"begegnen. Ehrenamt und eine lebendige Stadtmitte halten uns zusammen."_s,
          { 9, 1, 6 }, u"draft"_s, true },
        { muni(u"ploessberg"_s, u"Plößberg"_s, u"Bayern"_s, u"Süd"_s, u"community"_s), u"Plößberg"_s,
          u"in Plößberg"_s, 3300, 23.4, 70.4,
          u"Plößberg ist eine Marktgemeinde in der Oberpfalz, die vom Zusammenhalt ihrer Bürgerinnen und "
          u"Bürger lebt. Wir sichern die Nahversorgung, unterstützen die Vereine und machen den Ort für "
          u"Familien attraktiv."_s,
          { 3, 1, 7 }, u"draft"_s, true },
        { muni(u"riesa"_s, u"Riesa"_s, u"Sachsen"_s, u"Süd"_s, u"city"_s), u"Riesa"_s, u"in Riesa"_s,
          30200, 31.9, 58.9,
          u"Riesa ist Sportstadt und Industriestandort an der Elbe. Wir wollen Fachkräfte halten, die "
          u"Innenstadt stärken und die Chancen der Digitalisierung für Verwaltung und Bürgerschaft nutzen. "
          u"Bis 2030 sollen wieder mehr Menschen nach Riesa ziehen als wegziehen."_s,
          { 0, 6, 8, 5 }, u"submitted"_s, true },
        { muni(u"rodewisch"_s, u"Rodewisch"_s, u"Sachsen"_s, u"Süd"_s, u"city"_s), u"Rodewisch"_s,
          u"in Rodewisch"_s, 6400, 33.5, 20.3,
          u"Rodewisch im Vogtland soll für ältere Menschen ebenso lebenswert sein wie für junge Familien. "
          u"Wir sichern Versorgung und Mobilität und bauen auf eine starke Nachbarschaft."_s,
          { 9, 3, 4 }, u"draft"_s, true },
        { muni(u"zwickau"_s, u"Zwickau"_s, u"Sachsen"_s, u"Süd"_s, u"city"_s), u"Zwickau"_s, u"in Zwickau"_s,
          87500, 29.8, 102.6,
          u"Zwickau gestaltet den demografischen Wandel als Chance. Wir verbinden altersgerechtes Wohnen, "
          u"neue Mobilität und eine lebendige Innenstadt zu Quartieren, in denen alle Generationen gern "
          u"leben. Die kommunale Daseinsvorsorge verstehen wir als Zukunftsfaktor."_s,
          { 4, 5, 6, 3 }, u"submitted"_s, true },
        { muni(u"rodachtal"_s, u"Initiative Rodachtal e. V."_s, u"Bayern"_s, u"Süd"_s, u"initiative"_s),
          u"Rodachtal"_s, u"im Rodachtal"_s, 41800, 27.2, 386.0,
          u"Die Initiative Rodachtal verbindet Gemeinden in Bayern und Thüringen entlang der früheren "
          u"innerdeutschen Grenze. Gemeinsam sind wir stärker: Wir vermarkten die Region zusammen, "
          u"verbessern die Mobilität und stärken das Ehrenamt über Gemeindegrenzen hinweg."_s,
          { 2, 4, 1 }, u"draft"_s, true },
        { muni(u"ludwigslust"_s, u"Ludwigslust"_s, u"Mecklenburg-Vorpommern"_s, u"Nord"_s, u"city"_s),
          u"Ludwigslust"_s, u"in Ludwigslust"_s, 12600, 27.1, 78.9,
          u"Ludwigslust ist eine Residenzstadt mit Geschichte und Zukunft. Wir beleben die Innenstadt, "
          u"gewinnen Fachkräfte und schaffen Wohnraum für alle Generationen."_s,
          { 6, 0, 5 }, u"draft"_s, true },
        { muni(u"eutin"_s, u"Eutin"_s, u"Schleswig-Holstein"_s, u"Nord"_s, u"city"_s), u"Eutin"_s,
          u"in Eutin"_s, 17300, 29.4, 41.4,
          u"Eutin will eine Stadt bleiben, in der man in jedem Alter gut leben kann. Wir verbessern die "
          u"Mobilität, nutzen digitale Angebote und unterstützen ältere Menschen dabei, selbstbestimmt zu "
          u"leben."_s,
          { 9, 4, 8 }, u"draft"_s, true },
    };
    return list;
}

const QList<FieldText> &fieldCatalogue()
{
    static const QList<FieldText> list = {
        // 0
        { u"Fachkräfte gewinnen und halten"_s,
          u"Betriebe, Pflege und Verwaltung {in} finden immer schwerer Personal. Wir wollen junge Menschen "
          u"in der Region halten, Rückkehrende gewinnen und Zugezogenen das Ankommen leicht machen."_s,
          { { u"Mehr Ausbildungsverhältnisse in örtlichen Betrieben"_s,
              u"Jugendliche sollen die Ausbildungsbetriebe vor Ort kennen, bevor sie sich für einen Weg "
              u"entscheiden."_s,
              u"Neu abgeschlossene Ausbildungsverträge pro Jahr"_s, u"+15 % gegenüber 2024"_s },
            { u"Rückkehrende und Zuziehende gewinnen"_s,
              u"Wer einmal weggezogen ist, soll wissen, welche Stellen und Chancen es in der Heimat gibt."_s,
              u"Zuzüge von Erwerbstätigen (25–45 Jahre) pro Jahr"_s, u"+10 % bis 2027"_s },
            { u"Die Verwaltung als attraktive Arbeitgeberin"_s,
              u"Auch die Verwaltung muss offene Stellen besetzen; sie soll mit gutem Beispiel vorangehen."_s,
              u"Durchschnittliche Dauer bis zur Stellenbesetzung"_s, u"unter 3 Monate"_s } },
          { { u"Ausbildungsmesse „Zukunft vor Ort“"_s,
              u"Einmal im Jahr stellen sich die Ausbildungsbetriebe aus {ort} und Umgebung an einem "
              u"gemeinsamen Aktionstag vor. Schülerinnen und Schüler der Abschlussklassen können Berufe "
              u"ausprobieren und direkt Praktika vereinbaren. Die Messe wird mit den Schulen und den Kammern "
              u"vorbereitet und nach jedem Durchgang ausgewertet."_s,
              u"skilled_workers,youth,education"_s, u"Wirtschaftsförderung"_s,
              u"Industrie- und Handelskammer, Handwerkskammer, Oberschulen"_s, 12000 },
            { u"Rückkehrer-Abend zwischen den Feiertagen"_s,
              u"Zwischen Weihnachten und Neujahr besuchen viele Weggezogene ihre Familien. Ein offener Abend "
              u"mit Unternehmen, Wohnungsanbietern und Verwaltung zeigt ihnen, welche Perspektiven es {in} "
              u"inzwischen gibt. Kontakte werden mit Einverständnis in einer Rückkehrerkartei gepflegt."_s,
              u"skilled_workers,economy"_s, u"Wirtschaftsförderung"_s,
              u"Unternehmerverband, örtliche Gastronomie"_s, 3500 },
            { u"Willkommensmappe und Lotsendienst für Neubürgerinnen und Neubürger"_s,
              u"Zugezogene Fachkräfte erhalten ein Begrüßungspaket mit den wichtigsten Ansprechstellen, "
              u"Kita-Plätzen, Vereinen und Arztpraxen. Ehrenamtliche Lotsinnen und Lotsen begleiten sie in "
              u"den ersten Wochen. So soll aus einem Arbeitsplatz auch ein Zuhause werden."_s,
              u"skilled_workers,volunteering,participation"_s, u"Bürgerbüro"_s,
              u"Vereine, Arbeitgeber der Region"_s, 6000 },
            { u"Gemeinsames Fachkräfteportal der Region"_s,
              u"Ein Online-Portal bündelt Stellenangebote, Ausbildungsplätze, Wohnungen und Kinderbetreuung. "
              u"Betriebe können Stellen kostenlos einstellen. Das Portal wird mit den Nachbarkommunen "
              u"getragen, damit es über die Gemeindegrenze hinaus sichtbar ist."_s,
              u"skilled_workers,digitalisation,location_cooperation"_s, u"Wirtschaftsförderung"_s,
              u"Nachbarkommunen, Landkreis, Agentur für Arbeit"_s, 25000 },
            { u"Praktikumsbörse für Schülerinnen und Schüler"_s,
              u"Betriebe melden freie Praktikumsplätze an eine zentrale Stelle, die Schulen geben sie an "
              u"ihre Klassen weiter. Eine kurze Rückmeldung der Betriebe zeigt, welche Praktika zu "
              u"Ausbildungsverträgen geführt haben."_s,
              u"skilled_workers,youth,education"_s, u"Wirtschaftsförderung"_s,
              u"Oberschulen, Gymnasium, Betriebe"_s, 4000 },
            { u"Ausbildungsoffensive in der Verwaltung"_s,
              u"Die Verwaltung bildet wieder selbst aus und bietet duale Studienplätze an. Auszubildende "
              u"werben in ihren früheren Schulen für den öffentlichen Dienst. Flexible Arbeitszeiten und "
              u"mobiles Arbeiten werden verbindlich geregelt."_s,
              u"skilled_workers,education"_s, u"Hauptamt, Sachgebiet Personal"_s,
              u"Verwaltungsfachhochschule, Personalrat"_s, 40000 },
            { u"Beratung zur Anerkennung ausländischer Berufsabschlüsse"_s,
              u"Viele Zugewanderte arbeiten unter ihrer Qualifikation, weil die Anerkennung ihres "
              u"Abschlusses kompliziert ist. Eine feste Sprechstunde hilft beim Antrag und vermittelt "
              u"Sprachkurse. Betriebe erfahren, wie sie internationale Fachkräfte gut einarbeiten."_s,
              u"skilled_workers,participation"_s, u"Stabsstelle Integration"_s,
              u"Volkshochschule, Jobcenter, Migrationsberatung"_s, 15000 },
            { u"Arbeitgebernetzwerk „Gute Arbeit vor Ort“"_s,
              u"Kleine und mittlere Betriebe tauschen sich viermal im Jahr über Personalgewinnung, "
              u"Werkswohnungen und Kinderbetreuung aus. Gemeinsame Angebote wie ein Jobticket oder eine "
              u"betriebsnahe Kita werden geprüft. Die Verwaltung moderiert und bringt eigene Erfahrungen "
              u"ein."_s,
              u"skilled_workers,economy,location_cooperation"_s, u"Wirtschaftsförderung"_s,
              u"Unternehmerverband, Gewerbeverein"_s, 5000 } } },
        // 1
        { u"Ehrenamt und Engagement stärken"_s,
          u"Vereine, Feuerwehr und Nachbarschaftshilfe tragen das Leben {in}. Viele Engagierte sind älter "
          u"geworden, Nachwuchs fehlt, und Bürokratie schreckt ab. Wir wollen Engagement leichter machen und "
          u"sichtbar würdigen."_s,
          { { u"Mehr Menschen für ein Ehrenamt gewinnen"_s,
              u"Besonders Jüngere und Zugezogene sollen einen leichten Einstieg finden."_s,
              u"Vermittelte Ehrenamtliche pro Jahr"_s, u"50"_s },
            { u"Vereine entlasten"_s,
              u"Vorstände sollen weniger Zeit mit Formularen und mehr mit ihren Mitgliedern verbringen."_s,
              u"Anteil der Vereine, die das Beratungsangebot nutzen"_s, u"30 %"_s },
            { u"Eine Kultur der Anerkennung"_s,
              u"Wer sich engagiert, soll merken, dass es gesehen und geschätzt wird."_s,
              u"Ausgegebene Ehrenamtskarten"_s, u"200 bis Ende 2027"_s } },
          { { u"Ehrenamtsbörse online und im Rathaus"_s,
              u"Vereine und Initiativen beschreiben, wofür sie Unterstützung suchen, auch für kurze "
              u"Einsätze. Interessierte finden passende Angebote im Internet oder in einer monatlichen "
              u"Sprechstunde. Die Börse wird mit dem Angebot des Landkreises verknüpft."_s,
              u"volunteering,digitalisation"_s, u"Hauptamt"_s, u"Vereine, Landkreis, Freiwilligenagentur"_s,
              8000 },
            { u"Ehrenamtskarte mit Vergünstigungen"_s,
              u"Wer sich regelmäßig engagiert, erhält eine Karte mit Vergünstigungen in Bad, Bibliothek, bei "
              u"Kulturveranstaltungen und im örtlichen Handel. Die Karten werden beim jährlichen "
              u"Ehrenamtsempfang überreicht."_s,
              u"volunteering,economy"_s, u"Bürgermeisteramt"_s, u"Einzelhandel, Kultureinrichtungen"_s,
              10000 },
            { u"Vereinsberatung zu Förderung, Datenschutz und Vorstandsarbeit"_s,
              u"Eine feste Ansprechstelle in der Verwaltung berät Vereine zu Fördermitteln, Versicherung, "
              u"Datenschutz und Vereinsrecht. Zweimal im Jahr gibt es kostenlose Workshops. Mustervorlagen "
              u"werden gesammelt und allen Vereinen zur Verfügung gestellt."_s,
              u"volunteering,public_services"_s, u"Hauptamt"_s, u"Kreissportbund, Bürgerstiftung"_s, 12000 },
            { u"Tag des Ehrenamts mit Vereinsmeile"_s,
              u"Einmal im Jahr präsentieren sich alle Vereine auf einer Vereinsmeile im Ortszentrum. Wer "
              u"neugierig ist, kann Schnupperangebote ausprobieren. Am Abend werden die Engagierten mit "
              u"einem Empfang geehrt."_s,
              u"volunteering,culture,town_centre"_s, u"Sachgebiet Kultur und Vereine"_s,
              u"Vereine, Freiwillige Feuerwehr, Kirchgemeinden"_s, 15000 },
            { u"Nachwuchs für die Freiwillige Feuerwehr"_s,
              u"Die Freiwillige Feuerwehr findet tagsüber kaum noch Einsatzkräfte. Schulprojekte, eine "
              u"Kinderfeuerwehr und Freistellungsvereinbarungen mit Arbeitgebern sollen die "
              u"Tagesalarmsicherheit verbessern."_s,
              u"volunteering,youth,public_services"_s, u"Ordnungsamt"_s,
              u"Freiwillige Feuerwehr, Grundschulen, Arbeitgeber"_s, 20000 },
            { u"Nachbarschaftshilfe für Alltagsbegleitung"_s,
              u"Ehrenamtliche unterstützen ältere Menschen beim Einkaufen, bei Arztbesuchen oder einfach mit "
              u"Gesellschaft. Eine Koordinierungsstelle vermittelt und schult die Helfenden. Der "
              u"Versicherungsschutz wird über die Kommune geregelt."_s,
              u"volunteering,older_people"_s, u"Sozialamt"_s,
              u"Seniorenverein, Wohlfahrtsverbände, Kirchgemeinden"_s, 18000 },
            { u"Bürgerbudget für Engagementprojekte"_s,
              u"Ein jährliches Budget steht für kleine Projekte aus der Bürgerschaft bereit. Über die "
              u"Vergabe entscheidet eine Jury aus Bürgerinnen und Bürgern. Ein Antrag passt auf eine "
              u"Seite."_s,
              u"volunteering,participation"_s, u"Kämmerei"_s, u"Bürgerjury, Ortschaftsräte"_s, 25000 },
            { u"Vereinspatenschaften für Zugezogene"_s,
              u"Neu Zugezogene werden gezielt zu Vereinen eingeladen. Patinnen und Paten aus den Vereinen "
              u"begleiten die ersten Besuche. So wird das Ehrenamt zugleich zum Türöffner für das "
              u"Ankommen."_s,
              u"volunteering,participation,skilled_workers"_s, u"Bürgerbüro"_s, u"Vereine, Arbeitgeber"_s,
              3000 } } },
        // 2
        { u"Standort-Kooperationen und lokale Wirtschaft"_s,
          u"Viele Aufgaben lassen sich nur gemeinsam mit Nachbarkommunen, Unternehmen und Landkreis lösen. "
          u"Wir wollen Kräfte bündeln, Angebote abstimmen und den Standort gemeinsam vermarkten."_s,
          { { u"Interkommunale Zusammenarbeit ausbauen"_s,
              u"Leistungen, die eine Kommune allein kaum stemmen kann, werden gemeinsam erbracht."_s,
              u"Gemeinsam mit Nachbarkommunen erbrachte Aufgaben"_s, u"mindestens 3 bis 2027"_s },
            { u"Den Gewerbestandort stärken"_s,
              u"Bestehende Betriebe sollen bleiben und wachsen können, neue sollen leicht ankommen."_s,
              u"Saldo aus Gewerbean- und -abmeldungen"_s, u"positiv ab 2026"_s },
            { u"Regionale Wertschöpfung erhöhen"_s,
              u"Mehr Aufträge und Einkäufe sollen in der Region bleiben."_s,
              u"Anteil regionaler Anbieter an kommunalen Aufträgen"_s, u"40 %"_s } },
          { { u"Gemeinsames Standortmarketing mit den Nachbarkommunen"_s,
              u"Die Kommunen der Region treten auf Messen und im Internet gemeinsam auf. Eine gemeinsame "
              u"Marke zeigt Arbeitsplätze, Wohnorte und Freizeitangebote. Die Kosten werden nach "
              u"Einwohnerzahl geteilt."_s,
              u"location_cooperation,economy"_s, u"Wirtschaftsförderung"_s,
              u"Nachbarkommunen, Tourismusverband"_s, 30000 },
            { u"Zweckvereinbarung für einen gemeinsamen Bauhof"_s,
              u"Die Bauhöfe benachbarter Gemeinden teilen sich Spezialfahrzeuge und den Winterdienst. Eine "
              u"Zweckvereinbarung regelt Kosten und Einsatzplanung. Das spart Anschaffungen und sichert "
              u"Vertretungen, wenn Personal fehlt."_s,
              u"location_cooperation,public_services"_s, u"Bauamt"_s,
              u"Nachbargemeinden, Kommunalaufsicht"_s, 8000 },
            { u"Kataster für freie Gewerbeflächen und Ladenlokale"_s,
              u"Freie Gewerbeflächen, Hallen und Ladenlokale werden in einem gemeinsamen Kataster erfasst "
              u"und online gestellt. Eigentümerinnen und Eigentümer werden aktiv angesprochen. "
              u"Ansiedlungsinteressierte erhalten so schnell einen Überblick."_s,
              u"economy,digitalisation,town_centre"_s, u"Wirtschaftsförderung"_s,
              u"Eigentümer, Maklerbüros, Landkreis"_s, 14000 },
            { u"Coworking-Space im Ortszentrum"_s,
              u"In einem leerstehenden Gebäude im Zentrum entsteht ein Coworking-Space mit Arbeitsplätzen, "
              u"Besprechungsraum und schnellem Internet. Pendelnde können tageweise vor Ort arbeiten, statt "
              u"in die Großstadt zu fahren. Der Betrieb wird zunächst zwei Jahre lang erprobt."_s,
              u"economy,digitalisation,town_centre"_s, u"Wirtschaftsförderung"_s,
              u"Eigentümergemeinschaft, Sparkasse"_s, 60000 },
            { u"Unternehmensbesuche der Verwaltungsspitze"_s,
              u"Die Verwaltungsspitze besucht jeden Monat einen örtlichen Betrieb. Anliegen zu "
              u"Genehmigungen, Verkehr oder Fachkräften werden aufgenommen und innerhalb von vier Wochen "
              u"beantwortet. So entsteht ein verlässlicher Draht zwischen Wirtschaft und Verwaltung."_s,
              u"economy,skilled_workers"_s, u"Bürgermeisteramt"_s, u"Gewerbeverein"_s, 0 },
            { u"Regionaler Einkaufsführer"_s,
              u"Ein Verzeichnis von Handwerk, Handel und Direktvermarktern der Region erscheint gedruckt und "
              u"online. Die Verwaltung prüft, wie regionale Anbieter bei kleineren Aufträgen stärker "
              u"berücksichtigt werden können."_s,
              u"economy,location_cooperation"_s, u"Wirtschaftsförderung"_s,
              u"Handwerkskammer, Direktvermarkter, Gewerbeverein"_s, 9000 },
            { u"Gemeinsame Fördermittelberatung der Region"_s,
              u"Eine gemeinsame Stelle mehrerer Kommunen beobachtet Förderprogramme und hilft bei Anträgen. "
              u"Kleine Gemeinden erhalten so Zugang zu Programmen, für die ihnen sonst das Personal fehlt."_s,
              u"location_cooperation,public_services"_s, u"Kämmerei"_s,
              u"Nachbarkommunen, LEADER-Regionalmanagement"_s, 45000 },
            { u"Gründungs- und Nachfolgewerkstatt"_s,
              u"Wer einen Betrieb übernehmen oder im Nebenerwerb gründen will, erhält Beratung und Kontakte "
              u"zu Betrieben ohne Nachfolge. Ein Nachfolgeabend bringt Übergebende und Übernehmende "
              u"zusammen."_s,
              u"economy,skilled_workers"_s, u"Wirtschaftsförderung"_s,
              u"Handwerkskammer, Industrie- und Handelskammer, Sparkasse"_s, 11000 } } },
        // 3
        { u"Daseinsvorsorge und Nahversorgung sichern"_s,
          u"Arztpraxis, Lebensmittelladen, Post und Bus sind für viele Menschen {in} nicht mehr "
          u"selbstverständlich. Wir wollen die Grundversorgung wohnortnah sichern und neue Formen "
          u"erproben."_s,
          { { u"Hausärztliche Versorgung sichern"_s,
              u"Frei werdende Praxissitze sollen nachbesetzt werden, bevor Lücken entstehen."_s,
              u"Besetzte hausärztliche Sitze"_s, u"alle Sitze besetzt"_s },
            { u"Nahversorgung in allen Ortsteilen"_s,
              u"Alle Ortsteile sollen eine Einkaufsmöglichkeit in erreichbarer Nähe haben."_s,
              u"Haushalte mit Lebensmittelgeschäft in 15 Minuten Fußweg"_s, u"90 %"_s },
            { u"Eine Verwaltung nah an den Menschen"_s,
              u"Behördengänge sollen ohne Auto und ohne lange Wege möglich sein."_s,
              u"Termine des mobilen Bürgerservice pro Monat"_s, u"8"_s } },
          { { u"Machbarkeitsstudie für ein kommunales Versorgungszentrum"_s,
              u"Eine Studie klärt, ob ein kommunales medizinisches Versorgungszentrum frei werdende "
              u"Praxissitze übernehmen kann. Angestellte Stellen sind für junge Ärztinnen und Ärzte oft "
              u"attraktiver als eine eigene Praxis. Die Ergebnisse werden im {rat} vorgestellt."_s,
              u"public_services,health_care"_s, u"Bürgermeisteramt"_s,
              u"Kassenärztliche Vereinigung, Landkreis, Klinikum"_s, 35000 },
            { u"Stipendium für Medizinstudierende"_s,
              u"Medizinstudierende erhalten ein monatliches Stipendium, wenn sie sich verpflichten, nach der "
              u"Facharztausbildung einige Jahre vor Ort zu praktizieren. Praxen der Region bieten "
              u"Famulaturen an."_s,
              u"health_care,skilled_workers,education"_s, u"Hauptamt"_s, u"Hausarztpraxen, Landkreis"_s,
              36000 },
            { u"Dorfladen als Bürgergenossenschaft"_s,
              u"Bürgerinnen und Bürger gründen eine Genossenschaft, die einen kleinen Laden mit regionalen "
              u"Produkten, Café und Paketstation betreibt. Die Kommune stellt Räume zur Verfügung und "
              u"unterstützt bei der Gründung."_s,
              u"public_services,volunteering,economy"_s, u"Wirtschaftsförderung"_s,
              u"Bürgergenossenschaft, Direktvermarkter, Genossenschaftsverband"_s, 50000 },
            { u"Mobiler Bürgerservice"_s,
              u"Mit einem mobilen Koffer für Ausweis- und Meldeangelegenheiten kommt das Bürgerbüro "
              u"regelmäßig in die Ortsteile, in Pflegeheime und auf Wunsch nach Hause. Termine werden online "
              u"und telefonisch vergeben."_s,
              u"public_services,older_people,digitalisation"_s, u"Bürgerbüro"_s,
              u"Pflegeeinrichtungen, Ortschaftsräte"_s, 22000 },
            { u"Telemedizinischer Gesundheitskiosk"_s,
              u"In einem Gesundheitskiosk können Patientinnen und Patienten Vitalwerte messen lassen und per "
              u"Video mit einer Praxis sprechen. Eine Pflegefachkraft begleitet die Termine. Das entlastet "
              u"die Praxen und erspart weite Wege."_s,
              u"health_care,digitalisation,older_people"_s, u"Sozialamt"_s,
              u"Hausarztpraxen, Krankenkasse, Pflegedienst"_s, 70000 },
            { u"Multifunktionshaus in der Ortsmitte"_s,
              u"Postschalter, Geldautomat, Sprechstunde des Bürgerbüros, Friseur und Treffpunkt werden unter "
              u"einem Dach gebündelt. Feste Öffnungszeiten und ein ehrenamtlich betriebenes Café machen das "
              u"Haus zum Mittelpunkt des Ortes."_s,
              u"public_services,town_centre,volunteering"_s, u"Bauamt"_s,
              u"Postdienstleister, Sparkasse, Vereine"_s, 180000 },
            { u"Versorgungsatlas für alle Ortsteile"_s,
              u"Für jeden Ortsteil wird erfasst, wie weit es zu Lebensmitteln, Hausarztpraxis, Apotheke, "
              u"Kita und Haltestelle ist. Der Atlas zeigt Lücken und dient dem {rat} als Grundlage für "
              u"Entscheidungen."_s,
              u"public_services,digitalisation"_s, u"Bauamt, Sachgebiet Planung"_s,
              u"Landkreis, Hochschule"_s,
              12000 },
            { u"Gemeinsamer Lieferdienst der örtlichen Händler"_s,
              u"Örtliche Geschäfte bündeln ihre Lieferungen in einem gemeinsamen Lieferdienst. Bestellt wird "
              u"per Telefon oder online; ausgeliefert wird zweimal pro Woche, auch in entlegene Ortsteile."_s,
              u"public_services,economy,older_people"_s, u"Wirtschaftsförderung"_s,
              u"Einzelhandel, Gewerbeverein"_s, 16000 } } },
        // 4
        { u"Mobilität für alle Generationen"_s,
          u"Wer {in} kein Auto hat, ist oft auf seltene Busverbindungen angewiesen. Wir wollen Mobilität "
          u"ohne eigenes Auto möglich machen und die Angebote besser miteinander verknüpfen."_s,
          { { u"Bessere Anbindung der Ortsteile"_s,
              u"Auch abends und am Wochenende soll man ohne Auto ins Zentrum kommen."_s,
              u"Fahrtmöglichkeiten pro Tag in jedem Ortsteil"_s, u"mindestens 12"_s },
            { u"Mobilitätsangebote verknüpfen"_s,
              u"Bus, Bahn, Rad und Carsharing sollen an einem Ort zusammenkommen."_s,
              u"Anzahl der Mobilstationen"_s,
              u"3 bis 2027"_s },
            { u"Sicher zu Fuß und mit dem Rad"_s,
              u"Kurze Wege sollen sicher und bequem ohne Auto möglich sein."_s,
              u"Kilometer neuer oder sanierter Radwege"_s, u"8 km"_s } },
          { { u"Rufbus für die Ortsteile"_s,
              u"Ein Rufbus ergänzt den Linienverkehr in den Tagesrandzeiten und am Wochenende. Fahrten "
              u"werden bis eine Stunde vorher per Telefon oder App bestellt. Es gilt der normale Tarif."_s,
              u"mobility,public_services"_s, u"Ordnungsamt, Sachgebiet Verkehr"_s,
              u"Verkehrsverbund, Busunternehmen, Landkreis"_s, 90000 },
            { u"Mobilstation am Bahnhof"_s,
              u"Am Bahnhof entstehen überdachte Fahrradabstellplätze, Ladesäulen, ein Carsharing-Stellplatz "
              u"und eine digitale Abfahrtsanzeige. Die Station wird barrierefrei gestaltet."_s,
              u"mobility,climate"_s, u"Bauamt"_s, u"Verkehrsverbund, Energieversorger, Carsharing-Anbieter"_s,
              150000 },
            { u"Bürgerbus mit ehrenamtlichen Fahrerinnen und Fahrern"_s,
              u"Ehrenamtliche bringen ältere Menschen zu Arztpraxis, Einkauf und Friedhof. Ein Verein "
              u"betreibt den Kleinbus, die Kommune übernimmt Versicherung und Wartung."_s,
              u"mobility,volunteering,older_people"_s, u"Sozialamt"_s, u"Bürgerbusverein, Landkreis"_s,
              45000 },
            { u"E-Carsharing für Bürgerschaft und Verwaltung"_s,
              u"Die Verwaltung stellt ihre Dienstwagen auf Elektrofahrzeuge um und gibt sie abends und am "
              u"Wochenende für die Bürgerschaft frei. Buchung und Abrechnung laufen über eine App."_s,
              u"mobility,climate,digitalisation"_s, u"Hauptamt"_s, u"Stadtwerke, Carsharing-Anbieter"_s,
              55000 },
            { u"Radwegelücken zwischen den Ortsteilen schließen"_s,
              u"Fehlende Abschnitte im Radwegenetz zwischen den Ortsteilen werden geschlossen, vorrangig auf "
              u"Schulwegen. Die Planung wird mit Nachbarkommunen und Landkreis abgestimmt, um Fördermittel "
              u"zu nutzen."_s,
              u"mobility,climate,location_cooperation"_s, u"Bauamt, Sachgebiet Tiefbau"_s,
              u"Landkreis, Nachbarkommunen, Fahrradclub"_s, 400000 },
            { u"Mitfahrbänke in den Ortsteilen"_s,
              u"An gut sichtbaren Stellen werden Mitfahrbänke aufgestellt. Wer dort Platz nimmt, zeigt mit "
              u"einem Schild sein Ziel und wird von Autofahrenden mitgenommen. Eine Informationskampagne "
              u"begleitet den Start."_s,
              u"mobility,volunteering"_s, u"Ordnungsamt"_s, u"Ortschaftsräte, Bauhof"_s, 6000 },
            { u"Mobilitätstraining für Seniorinnen und Senioren"_s,
              u"In kleinen Gruppen üben ältere Menschen den Umgang mit Fahrkartenautomaten und "
              u"Auskunfts-Apps sowie das Ein- und Aussteigen mit Rollator. Ein Busunternehmen stellt dafür "
              u"ein Fahrzeug zur Verfügung."_s,
              u"mobility,older_people,digitalisation"_s, u"Sozialamt"_s, u"Busunternehmen, Seniorenbeirat"_s,
              4000 },
            { u"Schulwegeplan und Elternhaltestellen"_s,
              u"Gemeinsam mit Schulen und Eltern werden sichere Schulwege ausgewiesen. Elternhaltestellen in "
              u"einiger Entfernung entlasten den Verkehr vor dem Schultor."_s,
              u"mobility,youth"_s, u"Ordnungsamt"_s, u"Grundschulen, Elternräte, Polizei"_s, 10000 } } },
        // 5
        { u"Wohnen in allen Lebensphasen"_s,
          u"Junge Familien finden {in} kaum passende Wohnungen, ältere Menschen leben oft allein in zu "
          u"großen Häusern. Wir wollen bezahlbaren, barrierearmen Wohnraum schaffen und Leerstand nutzen."_s,
          { { u"Leerstand aktivieren"_s, u"Leerstehende Häuser und Wohnungen sollen wieder bewohnt werden."_s,
              u"Leerstandsquote im Wohnungsbestand"_s, u"unter 6 %"_s },
            { u"Barrierearmer Wohnraum für Ältere"_s,
              u"Ältere Menschen sollen in ihrem vertrauten Umfeld bleiben können."_s,
              u"Neu geschaffene barrierearme Wohnungen"_s, u"60 bis 2027"_s },
            { u"Bezahlbares Wohnen für Familien"_s,
              u"Familien mit mittleren Einkommen sollen vor Ort eine passende Wohnung finden."_s,
              u"Wohnungen im geförderten Segment"_s, u"+40"_s } },
          { { u"Leerstandsmanagement mit Eigentümeransprache"_s,
              u"Leerstehende Gebäude werden systematisch erfasst, die Eigentümerinnen und Eigentümer "
              u"persönlich angeschrieben und beraten. Für Sanierungen wird auf Förderprogramme hingewiesen. "
              u"Eine Immobilienbörse vermittelt zwischen Eigentümern und Interessierten."_s,
              u"housing,town_centre"_s, u"Bauamt, Sachgebiet Stadtentwicklung"_s,
              u"Eigentümerverband, Sparkasse, Maklerbüros"_s, 25000 },
            { u"Förderprogramm „Jung kauft Alt“"_s,
              u"Familien, die ein älteres Haus im Ortskern kaufen und sanieren, erhalten einen Zuschuss für "
              u"ein Altbaugutachten und einen jährlichen Zuschuss pro Kind. So werden Ortskerne belebt, "
              u"statt neue Baugebiete am Rand auszuweisen."_s,
              u"housing,town_centre,climate"_s, u"Bauamt"_s, u"Architektenkammer, Energieberatung"_s, 80000 },
            { u"Wohnberatung für den altersgerechten Umbau"_s,
              u"Geschulte Wohnberaterinnen und Wohnberater besuchen ältere Menschen zu Hause und zeigen, wie "
              u"Bad, Treppe und Eingang mit einfachen Mitteln sicherer werden. Zuschüsse der Pflegekasse "
              u"werden gemeinsam beantragt."_s,
              u"housing,older_people,health_care"_s, u"Sozialamt"_s,
              u"Pflegestützpunkt, Handwerksbetriebe, Pflegekasse"_s, 15000 },
            { u"Gemeinschaftliches Wohnprojekt für Ältere"_s,
              u"Auf einem kommunalen Grundstück entsteht ein Wohnprojekt mit barrierefreien Wohnungen, "
              u"Gemeinschaftsraum und Betreuungsangebot. Die künftigen Bewohnerinnen und Bewohner planen von "
              u"Anfang an mit."_s,
              u"housing,older_people,participation"_s, u"Bauamt"_s,
              u"Wohnungsgenossenschaft, Wohlfahrtsverband"_s, 250000 },
            { u"Wohnungstausch: groß gegen klein"_s,
              u"Ältere Menschen in zu großen Wohnungen und Familien, die Platz suchen, werden über eine "
              u"Tauschbörse zusammengebracht. Die Wohnungsgesellschaft hilft beim Umzug und garantiert "
              u"gleiche Quadratmetermieten."_s,
              u"housing,older_people"_s, u"Sozialamt"_s,
              u"kommunale Wohnungsgesellschaft, Wohnungsgenossenschaften"_s, 12000 },
            { u"Probewohnen für Rückkehrende und Fachkräfte"_s,
              u"Möblierte Wohnungen werden für einige Wochen günstig an Menschen vermietet, die einen Umzug "
              u"erwägen. Während des Probewohnens gibt es Kontakte zu Arbeitgebern, Vereinen und Schulen."_s,
              u"housing,skilled_workers"_s, u"Wirtschaftsförderung"_s, u"Wohnungsgesellschaft, Arbeitgeber"_s,
              30000 },
            { u"Wohnraumkonzept bis 2035"_s,
              u"Ein Wohnraumkonzept ermittelt den Bedarf an Wohnungen nach Größe, Preis und Barrierefreiheit "
              u"bis 2035. Es wird mit Bürgerbeteiligung erarbeitet und vom {rat} beschlossen."_s,
              u"housing,participation"_s, u"Bauamt, Sachgebiet Stadtplanung"_s,
              u"Planungsbüro, Wohnungsunternehmen"_s, 40000 },
            { u"Energetische Quartierssanierung"_s,
              u"Für ein Wohnquartier entsteht ein energetisches Quartierskonzept mit Wärmenetz, Dämmung, "
              u"Photovoltaik und Sanierungsberatung. Ein Sanierungsmanagement begleitet die Umsetzung drei "
              u"Jahre lang."_s,
              u"housing,climate"_s, u"Bauamt, Klimaschutzmanagement"_s,
              u"Stadtwerke, Energieagentur, Wohnungsunternehmen"_s, 120000 } } },
        // 6
        { u"Lebendige Innenstadt und Ortsmitte"_s,
          u"Die Mitte von {ort} verliert Geschäfte und Besucher. Wir wollen sie als Ort zum Einkaufen, "
          u"Wohnen, Treffen und Erleben zurückgewinnen."_s,
          { { u"Leerstand im Zentrum verringern"_s,
              u"Leere Ladenlokale sollen schnell neu genutzt werden, auch vorübergehend."_s,
              u"Leerstehende Ladenlokale im Zentrum"_s, u"−30 % bis 2027"_s },
            { u"Aufenthaltsqualität verbessern"_s, u"Plätze und Straßen sollen zum Verweilen einladen."_s,
              u"Zufriedenheit in der Passantenbefragung (Schulnote)"_s, u"2,0 oder besser"_s },
            { u"Mehr Anlässe, ins Zentrum zu kommen"_s,
              u"Veranstaltungen und Kultur sollen das ganze Jahr über Menschen in die Mitte bringen."_s,
              u"Veranstaltungstage im Zentrum pro Jahr"_s, u"40"_s } },
          { { u"Innenstadtmanagement einrichten"_s,
              u"Ein hauptamtliches Innenstadtmanagement koordiniert Handel, Eigentümer, Gastronomie und "
              u"Verwaltung. Es ist erste Anlaufstelle für Gründungsinteressierte und organisiert gemeinsame "
              u"Aktionen."_s,
              u"town_centre,economy"_s, u"Wirtschaftsförderung"_s,
              u"Gewerbeverein, Eigentümer, Gastronomie"_s,
              65000 },
            { u"Pop-up-Läden in leeren Ladenlokalen"_s,
              u"Leere Ladenlokale werden für drei bis sechs Monate mietfrei an Gründerinnen und Gründer, "
              u"Kunstschaffende und Vereine vergeben; die Kommune übernimmt die Nebenkosten. Erfolgreiche "
              u"Konzepte erhalten Unterstützung beim Übergang in einen regulären Mietvertrag."_s,
              u"town_centre,economy,culture"_s, u"Wirtschaftsförderung"_s, u"Eigentümer, Gründerzentrum"_s,
              28000 },
            { u"Neugestaltung des Marktplatzes"_s,
              u"Der Marktplatz erhält mehr Grün, Schatten, Sitzgelegenheiten und ein Wasserspiel. In einer "
              u"Planungswerkstatt bringen Bürgerinnen und Bürger ihre Ideen ein, bevor der {rat} über den "
              u"Entwurf entscheidet."_s,
              u"town_centre,climate,participation"_s, u"Bauamt, Sachgebiet Stadtplanung"_s,
              u"Landschaftsarchitekturbüro, Anwohnende, Marktbeschicker"_s, 650000 },
            { u"Sommerabende in der Ortsmitte"_s,
              u"An Sommerabenden verwandeln Musik, Lesungen und Straßentheater das Zentrum in eine Bühne. "
              u"Vereine, Schulen und Gastronomie gestalten das Programm mit."_s,
              u"town_centre,culture,volunteering"_s, u"Sachgebiet Kultur"_s,
              u"Vereine, Gastronomie, Musikschule"_s, 20000 },
            { u"Zwischennutzung leerer Gebäude für Kultur und Jugend"_s,
              u"Leerstehende Gebäude werden vorübergehend für Ateliers, Proberäume und Werkstätten geöffnet. "
              u"Ein einfacher Nutzungsvertrag regelt Haftung und Kosten."_s,
              u"town_centre,culture,youth"_s, u"Sachgebiet Kultur"_s,
              u"Kunstverein, Jugendclub, Eigentümer"_s,
              18000 },
            { u"Fassaden- und Schaufensterprogramm"_s,
              u"Eigentümer und Gewerbetreibende erhalten Zuschüsse für die Gestaltung von Fassaden, "
              u"Schaufenstern und Werbeanlagen. Eine kostenlose Gestaltungsberatung sorgt für ein stimmiges "
              u"Ortsbild."_s,
              u"town_centre,economy"_s, u"Bauamt"_s, u"Eigentümer, Gestaltungsbeirat"_s, 50000 },
            { u"Feierabendmarkt mit regionalen Produkten"_s,
              u"Ein Wochenmarkt am späten Nachmittag bringt Erzeuger aus der Region und Berufstätige "
              u"zusammen. Ein Marktcafé lädt zum Bleiben ein."_s,
              u"town_centre,economy,location_cooperation"_s, u"Ordnungsamt"_s,
              u"Direktvermarkter, Landfrauenverein"_s, 7000 },
            { u"Öffentliches WLAN und digitales Schaufenster"_s,
              u"Im Zentrum wird öffentliches WLAN eingerichtet. Händler stellen ihre Angebote auf einer "
              u"gemeinsamen Plattform vor, mit Reservierung und Abholung im Laden."_s,
              u"town_centre,digitalisation,economy"_s, u"Wirtschaftsförderung"_s,
              u"Gewerbeverein, Stadtwerke"_s,
              35000 } } },
        // 7
        { u"Kinder, Jugend und Bildung"_s,
          u"Junge Menschen sollen {in} gute Bildung, Freiräume und Mitsprache finden. Wer hier gern "
          u"aufwächst, bleibt eher oder kommt später zurück."_s,
          { { u"Jugendliche beteiligen"_s,
              u"Junge Menschen sollen bei Entscheidungen, die sie betreffen, mitreden können."_s,
              u"Beteiligungsformate für Jugendliche pro Jahr"_s, u"4"_s },
            { u"Treffpunkte für junge Menschen schaffen"_s,
              u"Jugendliche brauchen Orte, an denen sie willkommen sind."_s,
              u"Offene Treffpunkte mit regelmäßigen Öffnungszeiten"_s, u"2"_s },
            { u"Bildungswege vor Ort sichern"_s,
              u"Schule, Ausbildung und Weiterbildung sollen ohne weite Wege erreichbar sein."_s,
              u"Anteil der Grundschulkinder im Ganztagsangebot"_s, u"75 %"_s } },
          { { u"Jugendbeirat"_s,
              u"Ein gewählter Jugendbeirat berät den {rat} in allen Fragen, die junge Menschen betreffen, "
              u"und verfügt über ein eigenes kleines Budget. Die Verwaltung stellt eine feste "
              u"Ansprechstelle."_s,
              u"youth,participation"_s, u"Hauptamt"_s, u"Schulen, Jugendverbände"_s, 5000 },
            { u"Jugendtreff in Selbstverwaltung"_s,
              u"In einem ungenutzten Gebäude richten Jugendliche mit Unterstützung der mobilen Jugendarbeit "
              u"einen eigenen Treff ein. Regeln und Öffnungszeiten legen sie selbst fest."_s,
              u"youth,volunteering"_s, u"Jugendpflege"_s, u"Mobile Jugendarbeit, Jugendclub"_s, 35000 },
            { u"Ferienprogramm mit Vereinen und Betrieben"_s,
              u"In den Sommerferien bieten Vereine und Betriebe Tagesangebote an, vom Fußballcamp bis zum "
              u"Blick in die Werkstatt. Die Anmeldung läuft online, Geschwister erhalten einen Rabatt."_s,
              u"youth,volunteering,skilled_workers"_s, u"Jugendpflege"_s, u"Vereine, Betriebe, Jugendhaus"_s,
              12000 },
            { u"Schulsozialarbeit an allen Schulen"_s,
              u"Alle Schulen erhalten Schulsozialarbeit. Die Fachkräfte beraten Schülerinnen, Schüler und "
              u"Eltern und vernetzen die Schule mit Vereinen und Jugendhilfe."_s,
              u"youth,education"_s, u"Schulverwaltung"_s, u"Landkreis, freier Träger der Jugendhilfe"_s,
              60000 },
            { u"Digitale Ausstattung und Medienkompetenz an Schulen"_s,
              u"Schulen werden mit Tablets und Präsentationstechnik ausgestattet; Lehrkräfte und Eltern "
              u"erhalten Schulungen zur Medienkompetenz. Ältere Schülerinnen und Schüler werden als "
              u"Medienscouts ausgebildet."_s,
              u"education,digitalisation,youth"_s, u"Schulverwaltung"_s,
              u"Medienpädagogisches Zentrum, Schulen"_s, 90000 },
            { u"Skate- und Bewegungspark"_s,
              u"Gemeinsam mit Jugendlichen wird ein Skate- und Bewegungspark geplant und gebaut. Jugendliche "
              u"übernehmen Patenschaften für Pflege und Regeln."_s,
              u"youth,participation"_s, u"Bauamt"_s, u"Jugendbeirat, Sportverein"_s, 220000 },
            { u"Lernpatenschaften für Grundschulkinder"_s,
              u"Ehrenamtliche Lernpatinnen und Lernpaten unterstützen Grundschulkinder einmal pro Woche beim "
              u"Lesen und Rechnen. Die Bibliothek koordiniert die Paare."_s,
              u"education,volunteering,youth"_s, u"Bibliothek"_s, u"Grundschulen, Seniorenverein"_s, 4000 },
            { u"Jugend-Check für Ratsvorlagen"_s,
              u"Vorlagen für den {rat} werden vorab darauf geprüft, wie sie sich auf junge Menschen "
              u"auswirken. Das Ergebnis steht kurz in der Vorlage."_s,
              u"youth,participation"_s, u"Hauptamt"_s, u"Jugendbeirat"_s, 0 } } },
        // 8
        { u"Digitale Kommune"_s,
          u"Digitale Angebote können weite Wege ersetzen und die Verwaltung entlasten, gerade wenn Personal "
          u"knapp wird. Wir wollen digitale Dienste einfach machen und niemanden zurücklassen."_s,
          { { u"Verwaltungsleistungen online anbieten"_s,
              u"Häufige Anliegen sollen ohne Behördengang erledigt werden können."_s,
              u"Online verfügbare Leistungen unter den 50 häufigsten"_s, u"40"_s },
            { u"Digitale Teilhabe für alle"_s,
              u"Auch Menschen ohne Vorerfahrung sollen digitale Angebote nutzen können."_s,
              u"Teilnehmende an Digitalkursen pro Jahr"_s, u"150"_s },
            { u"Flächendeckend schnelles Internet"_s,
              u"Alle Haushalte und Betriebe sollen gigabitfähig angebunden sein."_s,
              u"Anteil gigabitfähiger Anschlüsse"_s, u"95 %"_s } },
          { { u"Online-Terminvergabe und digitales Bürgerbüro"_s,
              u"Termine im Bürgerbüro werden online vergeben, häufige Anträge stehen als Online-Formulare "
              u"bereit. Die aktuelle Wartezeit wird auf der Internetseite angezeigt."_s,
              u"digitalisation,public_services"_s, u"Bürgerbüro, IT-Stelle"_s,
              u"kommunaler IT-Zweckverband"_s,
              30000 },
            { u"Digitallotsen für Seniorinnen und Senioren"_s,
              u"Ehrenamtliche Digitallotsen helfen älteren Menschen beim Umgang mit Smartphone, "
              u"Videotelefonie und Online-Banking. Sprechstunden finden in Bibliothek und Seniorentreff "
              u"statt."_s,
              u"digitalisation,older_people,volunteering"_s, u"Sozialamt"_s,
              u"Volkshochschule, Seniorenbeirat, Bibliothek"_s, 8000 },
            { u"Mängelmelder"_s,
              u"Bürgerinnen und Bürger melden defekte Straßenlaternen, Schlaglöcher oder wilden Müll mit "
              u"Foto und Standort über eine App. Die Verwaltung meldet zurück, wann das Problem behoben "
              u"ist."_s,
              u"digitalisation,participation"_s, u"Ordnungsamt"_s, u"Bauhof, IT-Dienstleister"_s, 9000 },
            { u"Glasfaser für unterversorgte Ortsteile"_s,
              u"Für Ortsteile, die kein Anbieter eigenwirtschaftlich erschließt, wird der geförderte "
              u"Glasfaserausbau vorbereitet. Eine Informationskampagne wirbt für Hausanschlüsse."_s,
              u"digitalisation,economy"_s, u"Bauamt, Breitbandkoordination"_s,
              u"Landkreis, Telekommunikationsunternehmen"_s, 900000 },
            { u"Digitale Bürgerbeteiligung"_s,
              u"Auf einer Beteiligungsplattform können Bürgerinnen und Bürger Vorhaben kommentieren, an "
              u"Umfragen teilnehmen und eigene Vorschläge einbringen. Die Ergebnisse werden dem {rat} "
              u"vorgelegt."_s,
              u"digitalisation,participation"_s, u"Hauptamt"_s, u"IT-Dienstleister"_s, 15000 },
            { u"Offene Daten und Vorhabenübersicht"_s,
              u"Ausgewählte Daten wie Haushalt, Kita-Plätze und Baustellen werden als offene Daten "
              u"veröffentlicht. Eine Übersicht im Internet zeigt den Stand wichtiger Vorhaben."_s,
              u"digitalisation,participation"_s, u"IT-Stelle"_s, u"Hochschule, Open-Data-Initiative"_s,
              20000 },
            { u"Elektronische Akte und digitale Ratsarbeit"_s,
              u"Die Verwaltung führt schrittweise die elektronische Akte ein; Sitzungsunterlagen für den "
              u"{rat} gibt es nur noch digital. Das spart Papier und Zeit und erleichtert mobiles "
              u"Arbeiten."_s,
              u"digitalisation,public_services"_s, u"Hauptamt, IT-Stelle"_s,
              u"kommunaler IT-Zweckverband, Personalrat"_s, 75000 },
            { u"Orts-App für Nachrichten und Nachbarschaft"_s,
              u"Eine App bündelt Nachrichten aus Verwaltung, Vereinen und Kirchgemeinden, einen "
              u"Veranstaltungskalender und eine Börse für Nachbarschaftshilfe. Ehrenamtliche betreuen die "
              u"Redaktion."_s,
              u"digitalisation,volunteering,participation"_s, u"Hauptamt"_s, u"Vereine, Kirchgemeinden"_s,
              10000 } } },
        // 9
        { u"Gut älter werden"_s,
          u"Der Anteil älterer Menschen {in} wächst weiter. Sie sollen selbstbestimmt, gesund und in "
          u"Gemeinschaft leben können, so lange wie möglich in den eigenen vier Wänden."_s,
          { { u"Selbstständig zu Hause leben"_s,
              u"Unterstützung soll kommen, bevor ein Umzug ins Heim nötig wird."_s,
              u"Anteil der Pflegebedürftigen, die zu Hause versorgt werden"_s, u"mindestens 80 %"_s },
            { u"Einsamkeit vorbeugen"_s,
              u"Ältere Menschen sollen regelmäßige Kontakte und Treffpunkte haben."_s,
              u"Teilnehmende der offenen Seniorenarbeit pro Monat"_s, u"250"_s },
            { u"Ältere Menschen beteiligen"_s,
              u"Erfahrung und Zeit der Älteren sind ein Schatz für die Gemeinschaft."_s,
              u"Aktive im Seniorenbeirat und in Projekten"_s, u"40"_s } },
          { { u"Seniorenbeirat stärken"_s,
              u"Der Seniorenbeirat erhält Rederecht in den Ausschüssen und wird bei Planungen zu Verkehr, "
              u"Bauen und Sozialem früh beteiligt. Er richtet eine jährliche Seniorenkonferenz aus."_s,
              u"older_people,participation"_s, u"Sozialamt"_s, u"Seniorenbeirat, Seniorenvereine"_s, 3000 },
            { u"Präventive Hausbesuche ab 75"_s,
              u"Alle Bürgerinnen und Bürger ab 75 Jahren erhalten das Angebot eines Hausbesuchs. Eine "
              u"Fachkraft berät zu Gesundheit, Wohnen, Hilfen im Alltag und Angeboten vor Ort."_s,
              u"older_people,health_care,public_services"_s, u"Sozialamt"_s,
              u"Pflegestützpunkt, Hausarztpraxen, Krankenkasse"_s, 55000 },
            { u"Seniorentreff mit Mittagstisch"_s,
              u"Ein Treffpunkt mit günstigem Mittagstisch, Kaffeenachmittagen und Kursen bietet täglich "
              u"Gesellschaft. Ehrenamtliche und eine Teilzeitkraft betreiben ihn gemeinsam."_s,
              u"older_people,volunteering"_s, u"Sozialamt"_s,
              u"Wohlfahrtsverband, Kirchgemeinden, Seniorenverein"_s, 40000 },
            { u"Netzwerk und Gesprächskreis für pflegende Angehörige"_s,
              u"Pflegende Angehörige treffen sich monatlich zum Austausch. Ein Netzwerk aus Pflegediensten, "
              u"Arztpraxen und Beratungsstellen sorgt dafür, dass Hilfe schnell gefunden wird."_s,
              u"older_people,health_care"_s, u"Sozialamt"_s,
              u"Pflegedienste, Pflegestützpunkt, Selbsthilfegruppen"_s, 6000 },
            { u"Bewegungsparcours für Jung und Alt"_s,
              u"Im Park entsteht ein Parcours mit Geräten für Kraft, Gleichgewicht und Beweglichkeit. "
              u"Sportvereine bieten wöchentlich angeleitete Übungsstunden an."_s,
              u"older_people,health_care,youth"_s, u"Bauamt"_s, u"Sportverein, Krankenkasse"_s, 70000 },
            { u"Wegweiser „Älter werden {in}“"_s,
              u"Eine Broschüre und eine Internetseite bündeln alle Angebote für ältere Menschen: Beratung, "
              u"Pflege, Freizeit, Mobilität und Ehrenamt. Die Broschüre wird jährlich aktualisiert und an "
              u"alle Haushalte mit Menschen über 70 verschickt."_s,
              u"older_people,public_services"_s, u"Sozialamt"_s, u"Seniorenbeirat, Wohlfahrtsverbände"_s,
              7000 },
            { u"Generationenprojekte mit Kitas und Schulen"_s,
              u"Kitakinder besuchen regelmäßig das Pflegeheim, ältere Menschen lesen in Schulen vor oder "
              u"erzählen als Zeitzeugen. Erzieherinnen, Erzieher und Lehrkräfte begleiten die Begegnungen."_s,
              u"older_people,youth,education"_s, u"Sozialamt"_s, u"Kitas, Schulen, Pflegeheime"_s, 5000 },
            { u"Quartierskümmerer und Hausnotruf"_s,
              u"Eine Kümmerin oder ein Kümmerer ist im Wohngebiet ansprechbar, vermittelt Hilfen und hält "
              u"Kontakt zu Alleinstehenden. Ein vergünstigter Hausnotruf gibt zusätzliche Sicherheit."_s,
              u"older_people,health_care,public_services"_s, u"Sozialamt"_s,
              u"Wohnungsgesellschaft, Wohlfahrtsverband"_s, 48000 } } },
    };
    return list;
}

// Projects of the host town and the initiative as the meeting report describes them.
const QList<LocalMeasure> &localMeasures()
{
    static const QList<LocalMeasure> list = {
        { u"muni-zwickau"_s, 4,
          { u"Mobilstation Marienthal weiterentwickeln"_s,
            u"Die Mobilstation im Stadtteil Marienthal bietet seit Sommer 2020 vor allem Seniorinnen und "
            u"Senioren Elektrofahrzeuge, Lastenräder und Beratung. Aus den Erfahrungen entsteht ein Konzept "
            u"für weitere Stadtteile. Seniorenverein und Wohlfahrtsverband machen das Angebot bekannt und "
            u"begleiten erste Fahrten."_s,
            u"mobility,older_people,climate"_s, u"Stabsstelle Stadtentwicklung"_s,
            u"Projektteam ZED, Seniorenverein, Wohlfahrtsverband"_s, 120000 },
          true },
        { u"muni-zwickau"_s, 5,
          { u"Altersgerechte Musterwohnung im ubineum"_s,
            u"In der Musterwohnung im ubineum können Besucherinnen und Besucher technische Assistenzsysteme "
            u"und eine barrierearme Einrichtung ausprobieren. Regelmäßige Führungen richten sich an Ältere, "
            u"Angehörige und Handwerksbetriebe. Die Erfahrungen fließen in die städtische Wohnberatung "
            u"ein."_s,
            u"housing,older_people,digitalisation"_s, u"Sozialamt"_s,
            u"ubineum, Wohnungsunternehmen, Handwerkskammer"_s, 25000 },
          true },
        { u"muni-zwickau"_s, 5,
          { u"Quartiersentwicklung nach dem Ansatz „Zwickauer Energiewende demonstrieren“ (ZED)"_s,
            u"ZED verbindet energetische Sanierung, neue Mobilität und altersgerechtes Wohnen in einem "
            u"Quartier. Die Erfahrungen werden ausgewertet und auf weitere Quartiere übertragen. Die "
            u"Bewohnerschaft wird in Quartiersforen beteiligt."_s,
            u"housing,climate,mobility"_s, u"Stabsstelle Stadtentwicklung"_s,
            u"Wohnungsunternehmen, Stadtwerke, Hochschule"_s, 300000 },
          false },
        { u"muni-zwickau"_s, 6,
          { u"Innenstadtmanagement: Attraktivität der Innenstadt steigern"_s,
            u"Das Innenstadtmanagement bündelt Projekte zur Belebung der Innenstadt: Zwischennutzungen, "
            u"Veranstaltungen und Unterstützung für Händlerinnen und Händler. Stadtrundgänge zeigen Gästen "
            u"und Einheimischen, was sich bereits verändert hat."_s,
            u"town_centre,economy,culture"_s, u"Innenstadtmanagement"_s,
            u"Händlergemeinschaft, Eigentümer, Kultureinrichtungen"_s, 90000 },
          false },
        { u"muni-zwickau"_s, 6,
          { u"Kulturweberei als Treffpunkt in der Innenstadt"_s,
            u"Die Kulturweberei soll stärker als Ort für Kultur, Begegnung und Ehrenamt in der Innenstadt "
            u"genutzt werden. Gemeinsam mit Vereinen entsteht ein Programm, das auch Familien und ältere "
            u"Menschen anspricht."_s,
            u"culture,town_centre,volunteering"_s, u"Kulturamt"_s, u"Kulturweberei, Vereine"_s, 30000 },
          false },
        { u"muni-zwickau"_s, 3,
          { u"Leitlinien „Kommunale Daseinsvorsorge als Zukunftsfaktor“"_s,
            u"Ausgehend von der Diskussion beim regionalen Werkstatttreffen erarbeitet die Stadt Leitlinien, "
            u"welche Angebote der Daseinsvorsorge in welchen Stadtteilen gesichert werden sollen. Sie werden "
            u"mit Trägern, Ortschaftsräten und Bürgerschaft diskutiert und dem Stadtrat vorgelegt."_s,
            u"public_services,participation"_s, u"Stabsstelle Stadtentwicklung"_s,
            u"Ortschaftsräte, Wohlfahrtsverbände, wissenschaftliche Begleitung"_s, 20000 },
          false },
        { u"muni-rodachtal"_s, 2,
          { u"Gemeinsame Standortmarke „Rodachtal“"_s,
            u"Die Gemeinden der Initiative präsentieren sich gemeinsam, über die Landesgrenze zwischen "
            u"Bayern und Thüringen hinweg. Eine gemeinsame Internetseite zeigt Arbeitsplätze, Bauplätze, "
            u"Freizeitangebote und Ansprechstellen aller Mitgliedsgemeinden. Die Kosten werden nach "
            u"Einwohnerzahl geteilt."_s,
            u"location_cooperation,economy"_s, u"Regionalmanagement"_s,
            u"Mitgliedsgemeinden, Tourismusverband"_s, 35000 },
          false },
    };
    return list;
}

// clang-format on

// Milestone titles in the order a project passes them.
const QStringList &milestoneTitles()
{
    static const QStringList list = {
        u"Konzept und Zeitplan abgestimmt"_s,
        u"Beschluss im {rat}"_s,
        u"Fördermittelantrag gestellt"_s,
        u"Auftakt mit den Partnern"_s,
        u"Zwischenbilanz"_s,
        u"Abschluss und Auswertung"_s,
    };
    return list;
}

QString council(const QString &kind)
{
    if (kind == u"community"_s)
        return u"Gemeinderat"_s;
    if (kind == u"initiative"_s)
        return u"Vorstand"_s;
    return u"Stadtrat"_s;
}

QString fill(QString text, const Place &place)
{
    return text.replace(u"{ort}"_s, place.shortName)
        .replace(u"{in}"_s, place.inPlace)
        .replace(u"{rat}"_s, council(place.municipality.kind));
}

/** The budget of a measure in this place: larger towns spend more; rounded to 500 EUR. */
QString budget(int baseEur, const Place &place, QRandomGenerator &rng)
{
    if (baseEur <= 0)
        return {};
    const double scale = place.population < 5000 ? 0.8
        : place.population < 20000               ? 1.0
        : place.population < 50000               ? 1.3
        : place.population < 100000              ? 1.6
                                                 : 2.5;
    const double jitter = 0.8 + rng.bounded(41) / 100.0;
    const qint64 eur = std::max<qint64>(500, std::llround(baseEur * scale * jitter / 500.0) * 500);
    return QString::number(eur);
}

struct Schedule
{
    QString status;
    QDate start; ///< invalid: not scheduled yet
    QDate end;
};

QDate monthStart(int year, int month, int addMonths)
{
    return QDate(year, month, 1).addMonths(addMonths);
}

/** A status and a plausible run for it: done in the past, planned in the future. */
Schedule schedule(QRandomGenerator &rng)
{
    const int roll = int(rng.bounded(100));
    Schedule s;
    if (roll < 15) {
        s.status = u"idea"_s;
        if (rng.bounded(100) < 40) {
            s.start = monthStart(2027, 3, int(rng.bounded(7)));
            s.end = QDate(2027, 12, 31);
        }
        return s;
    }
    if (roll < 40) {
        s.status = u"planned"_s;
        s.start = monthStart(2027, 1, int(rng.bounded(6)));
        s.end = std::min(s.start.addMonths(6 + int(rng.bounded(7))).addDays(-1), QDate(2027, 12, 31));
    } else if (roll < 75) {
        s.status = u"in_progress"_s;
        s.start = monthStart(2025, 6, int(rng.bounded(16)));
        s.end = monthStart(2027, 1, int(rng.bounded(12))).addMonths(1).addDays(-1);
    } else if (roll < 90) {
        s.status = u"done"_s;
        s.start = monthStart(2025, 1, int(rng.bounded(12)));
        s.end = s.start.addMonths(3 + int(rng.bounded(10))).addDays(-1);
    } else {
        s.status = u"paused"_s;
        s.start = monthStart(2025, 3, int(rng.bounded(13)));
        s.end = monthStart(2026, 12, int(rng.bounded(12))).addMonths(1).addDays(-1);
    }
    return s;
}

QString priority(QRandomGenerator &rng)
{
    const int roll = int(rng.bounded(100));
    return roll < 30 ? u"high"_s : (roll < 80 ? u"medium"_s : u"low"_s);
}

/** Makes the changes and keeps a replica of them, so every edit is based on what came before. */
class Builder
{
public:
    explicit Builder(LocalEditor &editor)
        : m_editor(editor)
    { }

    QString create(const QString &type, QString id, const QList<std::pair<QString, QString>> &fields)
    {
        if (id.isEmpty())
            id = LocalEditor::newId();
        add(m_editor.create(type, id));
        for (const auto &[field, value] : fields) {
            // An unset field needs no change.
            if (!value.isEmpty())
                add(m_editor.set(*m_state.entity(id), field, value));
        }
        return id;
    }

    void set(const QString &id, const QString &field, const QString &value)
    {
        add(m_editor.set(*m_state.entity(id), field, value));
    }

    [[nodiscard]] const EntityRecord *record(const QString &id) const { return m_state.entity(id); }

    /** Live entities of one type whose parent field names parentId. */
    [[nodiscard]] QList<EntityRecord> children(const EntitySpec &spec, const QString &parentId) const
    {
        QList<EntityRecord> list;
        for (const EntityRecord *record : m_state.entities()) {
            if (record->spec == &spec && record->isLive() && record->value(spec.parentField) == parentId)
                list << *record;
        }
        return list;
    }

    /** A submitted version of the plan as it stands in the changes so far. */
    QString submitVersion(const QString &planId, const QString &label, const QString &submittedAt)
    {
        const PlanSnapshot snapshot = PlanSnapshot::build(
                *m_state.entity(planId), [this](const EntitySpec &spec, const QString &parent) { return children(spec, parent); });
        return create(u"plan_version"_s, {},
                      { { u"plan"_s, planId }, { u"label"_s, label }, { u"submitted_at"_s, submittedAt },
                        { u"snapshot"_s, snapshot.encode() } });
    }

    QList<Change> takeChanges() { return std::move(m_changes); }

private:
    void add(const Change &change)
    {
        // Keep only valid, canonical changes: a failure is a mistake in the tables above.
        Result<Change> valid = validateChange(change);
        if (!valid) {
            qCWarning(lcServer) << "demo data: invalid change" << change.entityType << change.field
                              << change.value << valid.errorMessage();
            Q_ASSERT_X(false, "DemoData", "invalid demo change");
            return;
        }
        const Result<ApplyOutcome> applied = m_state.applyValidated(valid.value());
        if (!applied) {
            qCWarning(lcServer) << "demo data: change not applied" << change.entityType << change.field
                              << applied.errorMessage();
            Q_ASSERT_X(false, "DemoData", "demo change not applied");
            return;
        }
        m_changes << std::move(valid).value();
    }

    LocalEditor &m_editor;
    ReplicaState m_state;
    QList<Change> m_changes;
};

void addMunicipality(Builder &b, const Place &place)
{
    const DemoMunicipality &m = place.municipality;
    b.create(u"municipality"_s, m.id,
        { { u"name"_s, m.name }, { u"state"_s, m.state }, { u"cluster"_s, m.cluster },
            { u"kind"_s, m.kind } });

    struct Figure
    {
        QString key;
        double value;
        QString unit;
    };
    const QList<Figure> figures = {
        { u"population"_s, double(place.population), u"Einwohner"_s },
        { u"share_65_plus"_s, place.share65, u"%"_s },
        { u"area_km2"_s, place.areaKm2, u"km²"_s },
    };
    for (const Figure &f : figures) {
        b.create(u"synopsis_figure"_s, {},
            { { u"municipality"_s, m.id }, { u"key"_s, f.key },
                { u"value"_s, QString::number(f.value, 'g', 15) }, { u"unit"_s, f.unit },
                { u"year"_s, u"2022"_s } });
    }
}

void addMilestones(
    Builder &b, const QString &measureId, const Schedule &s, const Place &place, QRandomGenerator &rng)
{
    const int count = s.status == u"idea"_s ? int(rng.bounded(2)) : int(rng.bounded(4));
    if (count == 0)
        return;
    // Distinct titles, kept in project order.
    QList<int> picks;
    while (picks.size() < count) {
        const int i = s.status == u"idea"_s ? 0 : int(rng.bounded(int(milestoneTitles().size())));
        if (!picks.contains(i))
            picks << i;
    }
    std::sort(picks.begin(), picks.end());

    const QDate from = s.start.isValid() ? s.start : QDate(2027, 1, 1);
    const QDate to = s.end.isValid() ? s.end : QDate(2027, 12, 31);
    const qint64 span = from.daysTo(to);
    const QStringList keys = OrderKey::spread(count);
    for (int i = 0; i < count; ++i) {
        const QDate due = from.addDays(span * (i + 1) / (count + 1));
        const bool reached = s.status == u"done"_s
            || ((s.status == u"in_progress"_s || s.status == u"paused"_s) && due < demoToday);
        b.create(u"milestone"_s, {},
            { { u"measure"_s, measureId }, { u"title"_s, fill(milestoneTitles()[picks[i]], place) },
                { u"due_date"_s, due.toString(Qt::ISODate) }, { u"done"_s, reached ? u"true"_s : u"false"_s },
                { u"position"_s, keys[i] } });
    }
}

QString addMeasure(Builder &b, const QString &goalId, const MeasureText &text, const QString &position,
    const Place &place, QRandomGenerator &rng)
{
    const Schedule s = schedule(rng);
    const bool initiative = place.municipality.kind == u"initiative"_s;
    const QString id = b.create(u"measure"_s, {},
        { { u"goal"_s, goalId }, { u"title"_s, fill(text.title, place) },
            { u"description"_s, fill(text.description, place) }, { u"status"_s, s.status },
            { u"start_date"_s, s.start.isValid() ? s.start.toString(Qt::ISODate) : QString() },
            { u"end_date"_s, s.end.isValid() ? s.end.toString(Qt::ISODate) : QString() },
            // An initiative has no offices: its regional management carries every measure.
            { u"responsible"_s, initiative ? u"Regionalmanagement"_s : text.responsible },
            { u"partners"_s, text.partners }, { u"budget"_s, budget(text.budgetEur, place, rng) },
            { u"themes"_s, text.themes }, { u"priority"_s, priority(rng) }, { u"position"_s, position } });
    addMilestones(b, id, s, place, rng);
    return id;
}

/** The plan of one place; returns the ids of measures to link to the meeting. */
QStringList addPlan(Builder &b, const Place &place, int placeIndex, QRandomGenerator &rng)
{
    const DemoMunicipality &m = place.municipality;
    b.create(u"plan"_s, m.planId,
        { { u"municipality"_s, m.id }, { u"title"_s, u"Werkstattplan "_s + m.name },
            { u"vision"_s, place.vision }, { u"review_status"_s, place.reviewStatus },
            { u"shared"_s, place.shared ? u"true"_s : u"false"_s } });

    QStringList linked;
    const QStringList fieldKeys = OrderKey::spread(int(place.fields.size()));
    for (int f = 0; f < place.fields.size(); ++f) {
        const int fieldIndex = place.fields[f];
        const FieldText &field = fieldCatalogue()[fieldIndex];
        const QString fieldId = b.create(u"field_of_action"_s, {},
            { { u"plan"_s, m.planId }, { u"title"_s, field.title },
                { u"description"_s, fill(field.description, place) }, { u"position"_s, fieldKeys[f] } });

        // The place's own projects first, then the catalogue, rotated so that plans differ.
        QList<const LocalMeasure *> pool;
        for (const LocalMeasure &local : localMeasures()) {
            if (local.municipalityId == m.id && local.field == fieldIndex)
                pool << &local;
        }
        const int rotation = (placeIndex * 3 + f) % int(field.measures.size());
        int next = 0;
        auto takeMeasure = [&]() -> std::pair<const MeasureText *, bool> {
            const int i = next++;
            if (i < pool.size())
                return { &pool[i]->text, pool[i]->linkedToMeeting };
            return { &field.measures[(rotation + i - int(pool.size())) % field.measures.size()], false };
        };

        const int goalCount = int(rng.bounded(100)) < 85 ? 2 : 1;
        const QStringList goalKeys = OrderKey::spread(goalCount);
        for (int g = 0; g < goalCount; ++g) {
            const GoalText &goal = field.goals[(placeIndex + f + g) % field.goals.size()];
            const QString goalId = b.create(u"goal"_s, {},
                { { u"field_of_action"_s, fieldId }, { u"title"_s, goal.title },
                    { u"description"_s, goal.description }, { u"indicator"_s, goal.indicator },
                    { u"target_value"_s, goal.targetValue }, { u"position"_s, goalKeys[g] } });
            static const int measureCounts[] = { 2, 3, 4, 4, 4, 4 };
            const int count = measureCounts[rng.bounded(6)];
            const QStringList measureKeys = OrderKey::spread(count);
            for (int k = 0; k < count; ++k) {
                const auto [text, link] = takeMeasure();
                const QString measureId = addMeasure(b, goalId, *text, measureKeys[k], place, rng);
                if (link)
                    linked << measureId;
            }
        }
    }
    return linked;
}

/** Measures of a plan in outline order. */
QStringList measuresOf(const Builder &b, const QString &planId)
{
    const Schema &schema = Schema::instance();
    QStringList ids;
    for (const EntityRecord &field : b.children(*schema.entity(u"field_of_action"_s), planId)) {
        for (const EntityRecord &goal : b.children(*schema.entity(u"goal"_s), field.id)) {
            for (const EntityRecord &measure : b.children(*schema.entity(u"measure"_s), goal.id))
                ids << measure.id;
        }
    }
    return ids;
}

/**
 * The review so far of the plans submitted in the demo: Riesa submitted
 * twice, with work in between (so the office's diff shows something), and
 * has edited since; Zwickau submitted once and got a review note it answered.
 */
void addReviews(Builder &b)
{
    const QString riesa = u"plan-riesa"_s;
    b.submitVersion(riesa, u"Erster Entwurf zur Abstimmung"_s, u"2026-09-15T08:30:00Z"_s);
    const QStringList riesaMeasures = measuresOf(b, riesa);
    b.set(riesaMeasures.value(0), u"status"_s, u"in_progress"_s);
    b.set(riesaMeasures.value(1), u"end_date"_s, u"2027-06-30"_s);
    b.set(riesaMeasures.value(2), u"responsible"_s, u"Stabsstelle Stadtentwicklung"_s);
    b.submitVersion(riesa, u"Überarbeitet nach dem Werkstatttreffen"_s, u"2026-10-20T13:15:00Z"_s);
    b.set(riesaMeasures.value(3), u"budget"_s, u"8000"_s);

    const QString zwickau = u"plan-zwickau"_s;
    b.submitVersion(zwickau, u"Stand für die Geschäftsstelle"_s, u"2026-10-05T09:00:00Z"_s);
    const QString target = measuresOf(b, zwickau).value(0);
    const QString note = b.create(u"comment"_s, {},
            { { u"plan"_s, zwickau }, { u"target"_s, target }, { u"kind"_s, u"review"_s },
              { u"body"_s, u"Bitte ergänzen Sie einen Zeitplan mit Zwischenschritten und nennen Sie die "
                           u"Partner, die schon zugesagt haben."_s },
              { u"resolved"_s, u"false"_s } });
    b.create(u"comment"_s, {},
             { { u"plan"_s, zwickau }, { u"reply_to"_s, note }, { u"kind"_s, u"peer"_s },
               { u"body"_s, u"Danke für den Hinweis – die Meilensteine tragen wir bis Ende November nach."_s } });
}

/** The cluster Nord's meeting: smaller, online, two measures linked. */
void addNorthMeeting(Builder &b)
{
    const QString id = u"meeting-nord-2026-online"_s;
    b.create(u"meeting"_s, id,
             { { u"title"_s, u"Online-Werkstatttreffen Cluster Nord"_s }, { u"cluster"_s, u"Nord"_s },
               { u"date"_s, u"2026-09-24"_s }, { u"host"_s, u"muni-eutin"_s }, { u"place"_s, u"Videokonferenz"_s },
               { u"participants"_s, u"Vertretungen von Eutin und Ludwigslust\nGeschäftsstelle: Kommunenmanagement"_s },
               { u"agenda"_s, u"1. Stand der Werkstattpläne\n2. Mobilität im ländlichen Raum\n3. Verabredungen"_s },
               { u"notes"_s, u"Beide Kommunen planen Angebote für mobile ältere Menschen und tauschen ihre "
                             u"Erfahrungen mit Rufbus und Bürgerbus aus."_s } });
    for (const QString &plan : { u"plan-eutin"_s, u"plan-ludwigslust"_s }) {
        const QString measure = measuresOf(b, plan).value(0);
        if (!measure.isEmpty())
            b.create(u"meeting_link"_s, {}, { { u"measure"_s, measure }, { u"meeting"_s, id } });
    }
}

void addMeeting(Builder &b, const QStringList &linkedMeasures)
{
    QStringList guests;
    for (const Place &place : places()) {
        if (place.municipality.cluster == u"Süd"_s && place.municipality.id != meetingHostId)
            guests << place.municipality.name;
    }
    // clang-format off
    const QString participants =
        u"Gastgeberin: Stadt Zwickau (Oberbürgermeisterin, Stabsstelle Stadtentwicklung, "
        u"Innenstadtmanagement)\nProjektteam „Zwickauer Energiewende demonstrieren“ (Projektleitung, "
        u"Mobilstation Marienthal)\nSeniorenverein und Wohlfahrtsverband aus Zwickau\nGeschäftsstelle: "
        u"Kommunenmanagement (zwei Personen)\nModeration: wissenschaftliche Begleitung\nVertretungen der "
        u"Kommunen: "_s
        + guests.join(u", "_s) + u"\nInsgesamt rund 30 Teilnehmende"_s;
    const QString agenda =
        u"Tag 1 – 5. Juli 2022\n1. Begrüßung durch die Oberbürgermeisterin, Fußweg entlang der Mulde zum "
        u"ubineum\n2. Führung durch das ubineum – Fachzentrum für Wohnen und Mobilität, altersgerechte "
        u"Musterwohnung\n3. Projekt „Zwickauer Energiewende demonstrieren“ (ZED) und Mobilstation "
        u"Marienthal\n4. Seniorenarbeit und Kooperation mit einem Wohlfahrtsverband\n5. Geplante Aktivitäten "
        u"der Stadt Zwickau; Diskussion: kommunale Daseinsvorsorge als Zukunftsfaktor\n6. Stadtrundgang zur "
        u"Innenstadtentwicklung, Besuch der Kulturweberei\n\nTag 2 – 6. Juli 2022\n1. Synopse: statistische "
        u"Ausgangsdaten der Modellkommunen\n2. „Kommunenscheinwerfer“: aktuelle Themen und Herausforderungen "
        u"aus den 40 Modellkommunen\n3. Fachlicher Austausch: Fachkräftemangel, Ehrenamt, "
        u"Standort-Kooperationen\n4. Workshoprunde: gegenseitige Vorstellung der Werkstattpläne\n5. Ausblick "
        u"und Verabredungen"_s;
    const QString notes =
        u"Erstes persönliches Treffen des Clusters Süd. Die Gastgeberin zeigte am ersten Tag, wie Wohnen, "
        u"Mobilität und Seniorenarbeit im Quartier zusammenwirken; die Mobilstation konnte vor Ort "
        u"ausprobiert werden. In der Diskussion zur Daseinsvorsorge wurde deutlich, dass kleine Kommunen vor "
        u"allem bei Hausärzten und Nahversorgung unter Druck stehen.\n\nAm zweiten Tag standen Maßnahmen "
        u"gegen den Fachkräftemangel, die Stärkung des Ehrenamts und Standort-Kooperationen im Mittelpunkt. "
        u"Mehrere Kommunen planen ähnliche Vorhaben (Ehrenamtskarte, Rückkehrer-Angebote, Rufbus) und wollen "
        u"sich dazu direkt austauschen.\n\nVerabredet: Beispiele und Ansprechstellen werden über die "
        u"Werkstattpläne geteilt; die Pläne werden bis zum nächsten Treffen fortgeschrieben."_s;
    // clang-format on

    b.create(u"meeting"_s, meetingId,
        { { u"title"_s, u"3. regionales Werkstatttreffen Cluster Süd"_s }, { u"cluster"_s, u"Süd"_s },
            { u"date"_s, u"2022-07-05"_s }, { u"host"_s, meetingHostId },
            { u"place"_s, u"ubineum – Fachzentrum für Wohnen und Mobilität, Zwickau"_s },
            { u"participants"_s, participants }, { u"agenda"_s, agenda }, { u"notes"_s, notes } });
    for (const QString &measureId : linkedMeasures)
        b.create(u"meeting_link"_s, {}, { { u"measure"_s, measureId }, { u"meeting"_s, meetingId } });
}

} // namespace

QList<DemoMunicipality> DemoData::municipalities()
{
    QList<DemoMunicipality> list;
    for (const Place &place : places())
        list << place.municipality;
    return list;
}

QList<Change> DemoData::changes(LocalEditor &editor)
{
    Builder builder(editor);
    QRandomGenerator rng(demoSeed);
    for (const Place &place : places())
        addMunicipality(builder, place);
    QStringList linked;
    for (int i = 0; i < places().size(); ++i)
        linked << addPlan(builder, places()[i], i, rng);
    addMeeting(builder, linked);
    addNorthMeeting(builder);
    addReviews(builder);
    return builder.takeChanges();
}

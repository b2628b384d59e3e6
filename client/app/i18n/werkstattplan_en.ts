<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="de_DE">
<context>
    <name>ChoiceEditor</name>
    <message>
        <source>– nicht gesetzt –</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <source>Konflikte</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateEditor</name>
    <message>
        <source>TT.MM.JJJJ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kalender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kalender für %1 öffnen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voriger Monat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nächster Monat</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntityEditor</name>
    <message>
        <source>Dieser Eintrag ist gelöscht.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wiederherstellen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konflikt: gelöscht und zugleich bearbeitet – ansehen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Angaben</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meilensteine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kommentare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verlauf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wählen Sie links einen Eintrag aus.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <source>Konflikt: beide Werte ansehen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>–</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Werkstattplan – %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Werkstattplan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geschäftsstelle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mein Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alle Kommunen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Andere Kommunen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suche</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konflikte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abgleich</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Einstellungen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MyPlanPage</name>
    <message>
        <source>+ Handlungsfeld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neues Handlungsfeld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ Ziel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neues Ziel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ Maßnahme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neue Maßnahme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nach oben verschieben</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nach unten verschieben</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Löschen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gliederung des Plans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ihr Plan ist noch leer. Legen Sie mit „+ Handlungsfeld“ das erste Handlungsfeld an.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dieser Plan hat noch keine Einträge.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NavButton</name>
    <message>
        <source>%1, %2 offen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Rückgängig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hinweis schließen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutlineDelegate</name>
    <message numerus="yes">
        <source>%n Konflikt(e)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Einklappen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aufklappen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(ohne Titel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konflikt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeersPage</name>
    <message>
        <source>Andere Kommunen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Suche</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message numerus="yes">
        <source>Die Datei mit Ihren Daten war beschädigt. Sie wurde als %1 aufbewahrt; %n noch nicht übertragene Änderung(en) wurden gerettet, der Rest kommt beim nächsten Abgleich vom Server.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ihre lokale Arbeit (%n Einträge) wurde in den Plan Ihrer Kommune übernommen.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Bitte geben Sie den Namen Ihrer Kommune ein.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Werkstattplan %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 von „%2“ ändern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 „%2“ anlegen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>„%1“ löschen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>„%1“ wurde gelöscht. Mit „Rückgängig“ holen Sie es zurück.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wiederherstellen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kommentar schreiben</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rückgängig gemacht: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Einstellungen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sprache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verbindung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline arbeiten (nichts senden oder empfangen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sie arbeiten ohne Server auf diesem Gerät.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Angemeldet als %1 bei %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gerätekennung: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <source>Willkommen bei Werkstattplan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Melden Sie sich mit dem Konto an, das Sie von der Geschäftsstelle erhalten haben. Sie können auch zuerst ohne Server arbeiten und sich später verbinden; Ihre Arbeit wird dann übernommen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serveradresse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>z. B. https://werkstattplan.example.de</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benutzername</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passwort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Das Passwort wird nicht gespeichert. Dieses Gerät bleibt angemeldet, bis Sie sich abmelden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anmeldung läuft …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anmelden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ohne Server arbeiten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name Ihrer Kommune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ohne Server beginnen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Abgleich</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Nur auf diesem Gerät</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wird abgeglichen …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abgleich braucht Ihre Hilfe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alles übertragen</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n Änderung(en) noch nicht vom Server bestätigt</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Erster Abgleich: %1 von %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erster Abgleich: %1 von %2 Einträgen</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n Änderung(en) abgelehnt</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Zuletzt vollständig abgeglichen: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wieder verbinden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jetzt abgleichen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThemesEditor</name>
    <message>
        <source>Thema %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>Kommune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kennzahl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Werkstattplan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handlungsfeld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ziel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maßnahme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meilenstein</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kommentar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Werkstatttreffen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verknüpfung mit Treffen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundesland</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Art</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Einheit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jahr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Titel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leitbild</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prüfstatus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Für andere Kommunen sichtbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beschreibung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indikator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zielwert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beginn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ende</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verantwortlich</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget (Euro)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Themen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priorität</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reihenfolge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fällig am</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erledigt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gastgeber</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teilnehmende</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tagesordnung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notizen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Löschen/Wiederherstellen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>geplant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in Umsetzung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>abgeschlossen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pausiert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verworfen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>niedrig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mittel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entwurf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eingereicht</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in Prüfung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>geprüft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Änderungen erbeten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stadt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gemeinde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initiative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rückmeldung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prüfhinweis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fachkräftemangel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ehrenamt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standort-Kooperationen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daseinsvorsorge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobilität</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wohnen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attraktive Ortskerne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digitalisierung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jugend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Älter werden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gesundheit und Pflege</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klima und Energie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bildung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beteiligung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wirtschaft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kultur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Das dürfen Sie hier nicht ändern: Sie bearbeiten nur den Plan Ihrer Kommune und Ihre eigenen Kommentare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dieser Wert passt nicht in das Feld. Bitte prüfen Sie die Eingabe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Der Text ist zu lang. Bitte kürzen Sie ihn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Der Eintrag ist gelöscht. Stellen Sie ihn zuerst wieder her.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Der Eintrag ist nicht (mehr) vorhanden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benutzername oder Passwort stimmen nicht. Bitte versuchen Sie es noch einmal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zu viele Anmeldeversuche. Bitte warten Sie eine Minute und versuchen Sie es dann erneut.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Der Server ist nicht erreichbar. Ihre Arbeit ist auf diesem Gerät gespeichert und wird übertragen, sobald die Verbindung wieder besteht.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diese Version von Werkstattplan ist zu alt für den Server. Bitte installieren Sie die neue Version; Ihre Arbeit bleibt erhalten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an; Ihre Arbeit bleibt erhalten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Die Serveradresse ist ungültig. Sie beginnt mit http:// oder https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diese Daten gehören zu einem anderen Konto.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Die Daten konnten auf diesem Gerät nicht gespeichert werden. Ist der Datenträger voll?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Der Server hat unverständlich geantwortet. Bitte wenden Sie sich an die Geschäftsstelle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sie arbeiten ohne Server. Melden Sie sich an, um Ihren Plan zu teilen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bitte wählen Sie, welcher Wert gelten soll.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diese Änderung ist nicht möglich.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Für dieses Konto gibt es noch keinen Plan. Die Geschäftsstelle legt ihn an.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Der Eintrag steht schon am Rand der Liste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nein</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Etwas ist schiefgegangen (%1). Ihre Arbeit ist auf diesem Gerät gespeichert.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>noch nie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd.MM.yyyy, HH:mm &apos;Uhr&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gerade eben</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>vor %n Minute(n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>vor %n Stunde(n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>

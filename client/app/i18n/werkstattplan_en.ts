<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="de_DE">
<context>
    <name>BarChart</name>
    <message>
        <source>Balkendiagramm</source>
        <translation>Bar chart</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Noch keine Maßnahmen in den Plänen.</source>
        <translation>No measures in the plans yet.</translation>
    </message>
</context>
<context>
    <name>CaFileChooser</name>
    <message>
        <source>Erweitert</source>
        <translation>Advanced</translation>
    </message>
    <message>
        <source>Zertifikat der Stelle</source>
        <translation>Certificate authority of your administration</translation>
    </message>
    <message>
        <source>Nur nötig, wenn Ihre Verwaltung eine eigene Zertifizierungsstelle betreibt: die Datei (PEM), die Ihnen die IT gegeben hat. Ohne sie prüft Werkstattplan den Server mit den Zertifizierungsstellen des Systems.</source>
        <translation>Only needed if your administration runs a certificate authority of its own: the file (PEM) your IT gave you. Without it, Werkstattplan checks the server with the system&apos;s certificate authorities.</translation>
    </message>
    <message>
        <source>keines</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Auswählen …</source>
        <translation>Choose …</translation>
    </message>
    <message>
        <source>Zertifikat der Stelle auswählen</source>
        <translation>Choose the certificate authority&apos;s certificate</translation>
    </message>
    <message>
        <source>Entfernen</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Zertifikat der Stelle entfernen</source>
        <translation>Remove the certificate authority&apos;s certificate</translation>
    </message>
    <message>
        <source>Zertifikate (*.pem *.crt *.cer)</source>
        <translation>Certificates (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <source>Alle Dateien (*)</source>
        <translation>All files (*)</translation>
    </message>
</context>
<context>
    <name>ChartModel</name>
    <message>
        <source>(ohne Angabe)</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <source>ohne Status</source>
        <translation>no status</translation>
    </message>
</context>
<context>
    <name>ChartsPage</name>
    <message>
        <source>Auswertung</source>
        <translation>Charts</translation>
    </message>
    <message>
        <source>Auswertung aller Pläne</source>
        <translation>Charts across all plans</translation>
    </message>
    <message>
        <source>Maßnahmen nach Thema</source>
        <translation>Measures by theme</translation>
    </message>
    <message>
        <source>Status nach Cluster</source>
        <translation>Status by cluster</translation>
    </message>
    <message>
        <source>Maßnahmen des gewählten Balkens</source>
        <translation>Measures of the chosen bar</translation>
    </message>
    <message numerus="yes">
        <source>%n Maßnahme(n)</source>
        <translation>
            <numerusform>%n measure</numerusform>
            <numerusform>%n measures</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Wählen Sie einen Balken, um seine Maßnahmen zu sehen.</source>
        <translation>Choose a bar to see its measures.</translation>
    </message>
    <message>
        <source>Maßnahmen nach Handlungsfeld</source>
        <translation>Measures by field of action</translation>
    </message>
</context>
<context>
    <name>ChoiceEditor</name>
    <message>
        <source>– nicht gesetzt –</source>
        <translation>– not set –</translation>
    </message>
</context>
<context>
    <name>CommentDelegate</name>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>unbekannt</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Erledigt</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Wieder öffnen</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>Als erledigt markieren</source>
        <translation>Mark as resolved</translation>
    </message>
    <message>
        <source>Antworten</source>
        <translation>Answer</translation>
    </message>
</context>
<context>
    <name>CommentList</name>
    <message>
        <source>Kommentare</source>
        <translation>Comments</translation>
    </message>
    <message>
        <source>Noch keine Kommentare. Rückmeldungen anderer Kommunen und Prüfhinweise der Geschäftsstelle stehen hier.</source>
        <translation>No comments yet. Feedback from other municipalities and the project office&apos;s review notes appear here.</translation>
    </message>
    <message>
        <source>Prüfhinweis schreiben …</source>
        <translation>Write a review note …</translation>
    </message>
    <message>
        <source>Kommentar schreiben …</source>
        <translation>Write a comment …</translation>
    </message>
    <message>
        <source>Prüfhinweis speichern</source>
        <translation>Save review note</translation>
    </message>
    <message>
        <source>Kommentar speichern</source>
        <translation>Save comment</translation>
    </message>
    <message>
        <source>Antwort an %1</source>
        <translation>Answer to %1</translation>
    </message>
    <message>
        <source>Keine Antwort</source>
        <translation>No answer</translation>
    </message>
    <message>
        <source>Stattdessen einen neuen Kommentar schreiben</source>
        <translation>Write a new comment instead</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Konflikt klären</source>
        <translation>Resolve conflict</translation>
    </message>
    <message>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ConflictSide</name>
    <message>
        <source>Diesen Wert behalten</source>
        <translation>Keep this value</translation>
    </message>
    <message>
        <source>gilt zurzeit</source>
        <translation>currently applies</translation>
    </message>
    <message>
        <source>Eintrag gelöscht</source>
        <translation>Entry deleted</translation>
    </message>
    <message>
        <source>(leer)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <extracomment>a conflict side: where it was written (device and municipality), then when</extracomment>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>ConflictView</name>
    <message>
        <source>Dieser Konflikt ist geklärt.</source>
        <translation>This conflict has been resolved.</translation>
    </message>
    <message>
        <source>Auf diesem Gerät</source>
        <translation>On this device</translation>
    </message>
    <message>
        <source>Auf einem anderen Gerät</source>
        <translation>On another device</translation>
    </message>
    <message>
        <source>Gelöscht lassen</source>
        <translation>Leave deleted</translation>
    </message>
    <message>
        <source>Diesen Wert behalten</source>
        <translation>Keep this value</translation>
    </message>
    <message>
        <source>Wiederherstellen mit Änderung</source>
        <translation>Restore with the change</translation>
    </message>
    <message>
        <source>Zusammenführen…</source>
        <translation>Merge…</translation>
    </message>
    <message>
        <source>Beide Werte zu einem neuen zusammenführen</source>
        <translation>Merge both values into a new one</translation>
    </message>
    <message>
        <source>Beide Werte stehen unten. Bearbeiten Sie den Text so, wie er gelten soll:</source>
        <translation>Both values are shown below. Edit the text so that it reads as it should:</translation>
    </message>
    <message>
        <source>Zusammengeführter Wert von %1</source>
        <translation>Merged value of %1</translation>
    </message>
    <message>
        <source>Zusammengeführten Wert speichern</source>
        <translation>Save merged value</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Sie können diesen Konflikt ansehen; klären kann ihn nur die Kommune, der der Plan gehört.</source>
        <translation>You can view this conflict, but only the municipality that owns the plan can resolve it.</translation>
    </message>
    <message>
        <source>%1 (%2) wurde gelöscht und zugleich anderswo bearbeitet (%3).</source>
        <translation>%1 (%2) was deleted and at the same time edited elsewhere (%3).</translation>
    </message>
    <message>
        <source>%1 von %2 (%3) wurde zugleich auf zwei Geräten geändert.</source>
        <translation>%1 of %2 (%3) was changed on two devices at the same time.</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <source>Konflikte</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Hier wurde derselbe Wert zugleich an zwei Stellen geändert. Bis Sie entscheiden, gilt der neuere Wert; der andere geht nicht verloren.</source>
        <translation>Here the same value was changed in two places at the same time. Until you decide, the newer value applies; the other one is not lost.</translation>
    </message>
    <message>
        <source>Offene Konflikte</source>
        <translation>Open conflicts</translation>
    </message>
    <message>
        <source>gelöscht ↔ geändert: %1</source>
        <translation>deleted ↔ changed: %1</translation>
    </message>
    <message>
        <source>(leer)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Ansehen und klären</source>
        <translation>View and resolve</translation>
    </message>
    <message>
        <source>Im Plan zeigen</source>
        <translation>Show in plan</translation>
    </message>
    <message>
        <source>Keine offenen Konflikte. Alles, was auf Ihren Geräten geändert wurde, passt zusammen.</source>
        <translation>No open conflicts. All the changes made on your devices fit together.</translation>
    </message>
</context>
<context>
    <name>DashboardDelegate</name>
    <message>
        <source>%1: %2, %3 Maßnahmen</source>
        <translation>%1: %2, %3 measures</translation>
    </message>
    <message>
        <source>kein Plan</source>
        <translation>no plan</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>noch nie</source>
        <translation>never</translation>
    </message>
</context>
<context>
    <name>DashboardHeader</name>
    <message>
        <source>Kommune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Prüfstatus</source>
        <translation>Review status</translation>
    </message>
    <message>
        <source>Maßnahmen</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>Vollständig</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>Offene Hinweise</source>
        <translation>Open notes</translation>
    </message>
    <message>
        <source>Eingereicht</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>Nach %1 sortieren</source>
        <translation>Sort by %1</translation>
    </message>
    <message>
        <source>Zuletzt geändert</source>
        <translation>Last changed</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Übersicht</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Alle Pläne im Überblick</source>
        <translation>All plans at a glance</translation>
    </message>
    <message>
        <source>Alle Cluster</source>
        <translation>All clusters</translation>
    </message>
    <message>
        <source>Nach Cluster filtern</source>
        <translation>Filter by cluster</translation>
    </message>
    <message>
        <source>Alle Bundesländer</source>
        <translation>All federal states</translation>
    </message>
    <message>
        <source>Nach Bundesland filtern</source>
        <translation>Filter by federal state</translation>
    </message>
    <message>
        <source>%1 von %2 Kommunen</source>
        <translation>%1 of %2 municipalities</translation>
    </message>
    <message>
        <source>Pläne aller Kommunen</source>
        <translation>Plans of all municipalities</translation>
    </message>
    <message>
        <source>Keine Kommune passt zu diesem Filter.</source>
        <translation>No municipality matches this filter.</translation>
    </message>
    <message>
        <source>Maßnahmen nach Status:</source>
        <translation>Measures by status:</translation>
    </message>
    <message>
        <source>Die Pläne aller Kommunen werden zum ersten Mal auf dieses Gerät geladen. Bis alles angekommen ist, zeigt die Übersicht noch keine Kommunen.</source>
        <translation>The plans of all municipalities are being loaded onto this device for the first time. Until everything has arrived, the overview shows no municipalities yet.</translation>
    </message>
</context>
<context>
    <name>DataNoticeBanner</name>
    <message>
        <source>Verstanden</source>
        <translation>Understood</translation>
    </message>
    <message>
        <source>Hinweis gelesen</source>
        <translation>Notice read</translation>
    </message>
</context>
<context>
    <name>DateEditor</name>
    <message>
        <source>TT.MM.JJJJ</source>
        <translation>DD.MM.YYYY</translation>
    </message>
    <message>
        <source>Kalender</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>Kalender für %1 öffnen</source>
        <translation>Open calendar for %1</translation>
    </message>
    <message>
        <source>Voriger Monat</source>
        <translation>Previous month</translation>
    </message>
    <message>
        <source>Nächster Monat</source>
        <translation>Next month</translation>
    </message>
</context>
<context>
    <name>DeletedEntries</name>
    <message>
        <source>Gelöschte Einträge (%1)</source>
        <translation>Deleted entries (%1)</translation>
    </message>
    <message>
        <source>gelöscht von %1 am %2</source>
        <translation>deleted by %1 on %2</translation>
    </message>
    <message>
        <source>Wiederherstellen</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>%1 wiederherstellen</source>
        <translation>Restore %1</translation>
    </message>
</context>
<context>
    <name>DiffDelegate</name>
    <message>
        <source>(leer)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>Im Plan zeigen</source>
        <translation>Show in plan</translation>
    </message>
    <message>
        <source>%1 %2: %3 geändert</source>
        <translation>%1 %2: %3 changed</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>EditorTabsModel</name>
    <message>
        <source>Angaben</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Meilensteine</source>
        <translation>Milestones</translation>
    </message>
    <message>
        <source>Kommentare</source>
        <translation>Comments</translation>
    </message>
    <message>
        <source>Verlauf</source>
        <translation>History</translation>
    </message>
</context>
<context>
    <name>EntityEditor</name>
    <message>
        <source>Dieser Eintrag ist gelöscht.</source>
        <translation>This entry has been deleted.</translation>
    </message>
    <message>
        <source>Wiederherstellen</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Konflikt: gelöscht und zugleich bearbeitet – ansehen</source>
        <translation>Conflict: deleted and edited at the same time – view</translation>
    </message>
    <message>
        <source>Wählen Sie links einen Eintrag aus.</source>
        <translation>Select an entry on the left.</translation>
    </message>
</context>
<context>
    <name>ExportButtons</name>
    <message>
        <source>Plan als PDF …</source>
        <translation>Plan as PDF …</translation>
    </message>
    <message>
        <source>Maßnahmen als CSV …</source>
        <translation>Measures as CSV …</translation>
    </message>
    <message>
        <source>Synopse als CSV …</source>
        <translation>Synopsis as CSV …</translation>
    </message>
    <message>
        <source>PDF-Dokumente (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>CSV-Tabellen (*.csv)</source>
        <translation>CSV tables (*.csv)</translation>
    </message>
    <message>
        <source>Export speichern</source>
        <translation>Save export</translation>
    </message>
    <message>
        <source>Maßnahmen</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>Synopse</source>
        <translation>Synopsis</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <source>Konflikt: beide Werte ansehen</source>
        <translation>Conflict: view both values</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
</context>
<context>
    <name>FigureDialog</name>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Wert</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Einheit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Jahr</source>
        <translation>Year</translation>
    </message>
</context>
<context>
    <name>FileChooser</name>
    <message>
        <source>Speichern</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Öffnen</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>FirstSyncView</name>
    <message>
        <source>Ihr Plan wird zum ersten Mal auf dieses Gerät geladen, zusammen mit den Plänen der anderen Kommunen. Bis alles angekommen ist, können Sie noch nichts anlegen oder einreichen.</source>
        <translation>Your plan is being loaded onto this device for the first time, together with the plans of the other municipalities. Until everything has arrived, you cannot create or submit anything yet.</translation>
    </message>
    <message>
        <source>Der erste Abgleich ist unterbrochen</source>
        <translation>The first sync is interrupted</translation>
    </message>
    <message>
        <source>Erster Abgleich mit dem Server …</source>
        <translation>First sync with the server …</translation>
    </message>
    <message>
        <source>Erster Abgleich: %1 %</source>
        <translation>First sync: %1 %</translation>
    </message>
    <message>
        <source>%1 Einträge angekommen, etwa %2 erwartet</source>
        <translation>%1 entries arrived, about %2 expected</translation>
    </message>
    <message>
        <source>Verbindung zum Server …</source>
        <translation>Connecting to the server …</translation>
    </message>
    <message>
        <source>„Offline arbeiten“ ist eingeschaltet. Verbinden Sie wieder, damit der erste Abgleich weitergeht.</source>
        <translation>“Work offline” is on. Reconnect so that the first sync can continue.</translation>
    </message>
    <message>
        <source>Er geht von selbst weiter, sobald der Server wieder erreichbar ist. Was schon angekommen ist, bleibt.</source>
        <translation>It continues by itself as soon as the server can be reached again. What has already arrived stays.</translation>
    </message>
</context>
<context>
    <name>HelpPage</name>
    <message>
        <source>Übersicht öffnen</source>
        <translation>Open the overview</translation>
    </message>
    <message>
        <source>„Mein Plan“ öffnen</source>
        <translation>Open “My plan”</translation>
    </message>
    <message>
        <source>„Alle Kommunen“ öffnen</source>
        <translation>Open “All municipalities”</translation>
    </message>
    <message>
        <source>„Andere Kommunen“ öffnen</source>
        <translation>Open “Other municipalities”</translation>
    </message>
    <message>
        <source>Suche öffnen</source>
        <translation>Open the search</translation>
    </message>
    <message>
        <source>Werkstatttreffen öffnen</source>
        <translation>Open the workshop meetings</translation>
    </message>
    <message>
        <source>Synopse öffnen</source>
        <translation>Open the synopsis</translation>
    </message>
    <message>
        <source>Auswertung öffnen</source>
        <translation>Open the analysis</translation>
    </message>
    <message>
        <source>Konflikte öffnen</source>
        <translation>Open the conflicts</translation>
    </message>
    <message>
        <source>Abgleich öffnen</source>
        <translation>Open the sync page</translation>
    </message>
    <message>
        <source>Diese Hilfe öffnen</source>
        <translation>Open this help</translation>
    </message>
    <message>
        <source>In allen Plänen suchen</source>
        <translation>Search all plans</translation>
    </message>
    <message>
        <source>Neue Maßnahme im eigenen Plan (beim gewählten Ziel)</source>
        <translation>New measure in your own plan (under the selected goal)</translation>
    </message>
    <message>
        <source>Neues Ziel im eigenen Plan (beim gewählten Handlungsfeld)</source>
        <translation>New goal in your own plan (under the selected field of action)</translation>
    </message>
    <message>
        <source>Neues Handlungsfeld im eigenen Plan</source>
        <translation>New field of action in your own plan</translation>
    </message>
    <message>
        <source>Letzte Änderung rückgängig machen</source>
        <translation>Undo the last change</translation>
    </message>
    <message>
        <source>Rückgängig Gemachtes wiederholen</source>
        <translation>Redo what was undone</translation>
    </message>
    <message>
        <source>Zeitleiste ein- oder ausblenden</source>
        <translation>Show or hide the timeline</translation>
    </message>
    <message>
        <source>Zum nächsten oder vorigen Bedienelement; die Seite rollt mit</source>
        <translation>To the next or previous control; the page scrolls along</translation>
    </message>
    <message>
        <source>In der Gliederung und in Listen den Eintrag wechseln</source>
        <translation>Move to another entry in the outline and in lists</translation>
    </message>
    <message>
        <source>In der Gliederung einklappen oder aufklappen</source>
        <translation>Collapse or expand in the outline</translation>
    </message>
    <message>
        <source>In der Gliederung den gewählten Eintrag löschen</source>
        <translation>Delete the selected entry in the outline</translation>
    </message>
    <message>
        <source>Schaltfläche oder Eintrag auslösen</source>
        <translation>Press a button or open an entry</translation>
    </message>
    <message>
        <source>Dialog schließen, ohne etwas zu ändern</source>
        <translation>Close a dialog without changing anything</translation>
    </message>
    <message>
        <source> oder </source>
        <translation> or </translation>
    </message>
    <message>
        <source>Hilfe</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>Alles in Werkstattplan lässt sich auch mit der Tastatur bedienen. Die Tastenkürzel der Seiten stehen auch im Hinweis, wenn Sie mit der Maus über einen Eintrag links fahren.</source>
        <translation>Everything in Werkstattplan can also be used with the keyboard. The pages&apos; shortcuts also show in the tooltip when you move the mouse over an entry on the left.</translation>
    </message>
    <message>
        <source>Tastenkürzel</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Mit der Tastatur arbeiten</source>
        <translation>Working with the keyboard</translation>
    </message>
    <message>
        <source>Ihre Arbeit wird sofort auf diesem Gerät gespeichert und beim nächsten Abgleich an den Server übertragen. Wie es darum steht, zeigt die Leiste am unteren Rand.</source>
        <translation>Your work is saved on this device at once and sent to the server with the next sync. The bar at the bottom shows how that stands.</translation>
    </message>
</context>
<context>
    <name>HistoryList</name>
    <message>
        <source>Verlauf</source>
        <translation>History</translation>
    </message>
    <message>
        <source>(leer)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>Diesen Wert wiederherstellen</source>
        <translation>Restore this value</translation>
    </message>
    <message>
        <source>%1 auf diesen Wert zurücksetzen: %2</source>
        <translation>Reset %1 to this value: %2</translation>
    </message>
    <message>
        <source>Noch keine Änderungen.</source>
        <translation>No changes yet.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>a history entry: when, then who and where (e.g. &quot;auf „Laptop Rathaus“ (Adorf)&quot;)</extracomment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Felder ausblenden</source>
        <translation>Hide fields</translation>
    </message>
    <message numerus="yes">
        <source>%n Feld(er) zeigen</source>
        <translation>
            <numerusform>Show %n field</numerusform>
            <numerusform>Show %n fields</numerusform>
        </translation>
    </message>
    <message>
        <source>Ältere Versionen werden vom Server geladen …</source>
        <translation>Loading older versions from the server …</translation>
    </message>
    <message>
        <source>Ältere Versionen liegen auf dem Server und werden geladen, sobald eine Verbindung besteht.</source>
        <translation>Older versions are on the server and will be loaded once there is a connection.</translation>
    </message>
</context>
<context>
    <name>InsecureConnectionDialog</name>
    <message>
        <source>Die Verbindung ist nicht verschlüsselt</source>
        <translation>The connection is not encrypted</translation>
    </message>
    <message>
        <source>Die Adresse %1 beginnt mit http://. Ihr Passwort und Ihre Pläne gingen lesbar über das Netz; wer mitliest, kann sich mit Ihrem Konto anmelden.</source>
        <translation>The address %1 begins with http://. Your password and your plans would cross the network readable by anyone; whoever reads along can sign in with your account.</translation>
    </message>
    <message>
        <source>Verwenden Sie https://, wenn Ihr Server es anbietet. Fragen Sie im Zweifel die IT Ihrer Verwaltung.</source>
        <translation>Use https:// if your server offers it. If in doubt, ask your administration&apos;s IT.</translation>
    </message>
    <message>
        <source>Trotzdem anmelden</source>
        <translation>Sign in anyway</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Werkstattplan – %1</source>
        <translation>Werkstattplan – %1</translation>
    </message>
    <message>
        <source>Werkstattplan</source>
        <translation>Werkstattplan</translation>
    </message>
</context>
<context>
    <name>MeetingDelegate</name>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1 · bevorstehend</source>
        <translation>%1 · upcoming</translation>
    </message>
    <message>
        <source>Cluster %1</source>
        <translation>Cluster %1</translation>
    </message>
    <message>
        <source>Gastgeber: %1</source>
        <translation>Host: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n Maßnahme(n) zur Vorstellung</source>
        <translation>
            <numerusform>%n measure to be presented</numerusform>
            <numerusform>%n measures to be presented</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MeetingMeasures</name>
    <message>
        <source>Maßnahmen zur Vorstellung</source>
        <translation>Measures to be presented</translation>
    </message>
    <message>
        <source>Eigene Maßnahme zur Vorstellung wählen</source>
        <translation>Choose one of your measures to present</translation>
    </message>
    <message>
        <source>Vorstellen</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Zurücknehmen</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <source>Noch keine Maßnahmen angemeldet.</source>
        <translation>No measures announced yet.</translation>
    </message>
    <message>
        <source>%1 nicht mehr vorstellen</source>
        <translation>No longer present %1</translation>
    </message>
</context>
<context>
    <name>MeetingsPage</name>
    <message>
        <source>Werkstatttreffen</source>
        <translation>Workshop meetings</translation>
    </message>
    <message>
        <source>+ Werkstatttreffen</source>
        <translation>+ Workshop meeting</translation>
    </message>
    <message>
        <source>Noch keine Werkstatttreffen geplant.</source>
        <translation>No workshop meetings planned yet.</translation>
    </message>
    <message>
        <source>Wählen Sie links ein Werkstatttreffen.</source>
        <translation>Choose a workshop meeting on the left.</translation>
    </message>
</context>
<context>
    <name>MilestoneDelegate</name>
    <message>
        <source>überfällig</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>Nach oben verschieben</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Nach unten verschieben</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>Meilenstein löschen</source>
        <translation>Delete milestone</translation>
    </message>
    <message>
        <source>Titel des Meilensteins</source>
        <translation>Milestone title</translation>
    </message>
    <message>
        <source>(ohne Titel)</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>Fällig am</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>ohne Termin</source>
        <translation>no date</translation>
    </message>
    <message>
        <source>%1 erledigt</source>
        <translation>%1 done</translation>
    </message>
    <message>
        <source>%1 nach oben verschieben</source>
        <translation>Move %1 up</translation>
    </message>
    <message>
        <source>%1 nach unten verschieben</source>
        <translation>Move %1 down</translation>
    </message>
    <message>
        <source>%1 löschen</source>
        <translation>Delete %1</translation>
    </message>
</context>
<context>
    <name>MilestoneList</name>
    <message>
        <source>%1 von %2 erledigt</source>
        <translation>%1 of %2 done</translation>
    </message>
    <message>
        <source>Noch keine Meilensteine.</source>
        <translation>No milestones yet.</translation>
    </message>
    <message>
        <source>+ Meilenstein</source>
        <translation>+ Milestone</translation>
    </message>
    <message>
        <source>Neuer Meilenstein</source>
        <translation>New milestone</translation>
    </message>
    <message>
        <source>Meilensteine</source>
        <translation>Milestones</translation>
    </message>
</context>
<context>
    <name>NavButton</name>
    <message>
        <source>%1, %2 offen</source>
        <translation>%1, %2 open</translation>
    </message>
    <message>
        <source>Tastenkürzel: %1</source>
        <translation>Shortcut: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>NewMeetingDialog</name>
    <message>
        <source>Neues Werkstatttreffen</source>
        <translation>New workshop meeting</translation>
    </message>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>TT.MM.JJJJ</source>
        <translation>DD.MM.YYYY</translation>
    </message>
    <message>
        <source>Gastgeber</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Gastgebende Kommune</source>
        <translation>Host municipality</translation>
    </message>
    <message>
        <source>Ort</source>
        <translation>Place</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Rückgängig</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Hinweis schließen</source>
        <translation>Close notice</translation>
    </message>
    <message>
        <source>Wiederholen</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Wiederholen: %1</source>
        <translation>Redo: %1</translation>
    </message>
    <message>
        <source>Rückgängig: %1</source>
        <translation>Undo: %1</translation>
    </message>
</context>
<context>
    <name>OutlineDelegate</name>
    <message numerus="yes">
        <source>%n Konflikt(e)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message>
        <source>Einklappen</source>
        <translation>Collapse</translation>
    </message>
    <message>
        <source>Aufklappen</source>
        <translation>Expand</translation>
    </message>
    <message>
        <source>(ohne Titel)</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>Konflikt</source>
        <translation>Conflict</translation>
    </message>
</context>
<context>
    <name>PeerDelegate</name>
    <message>
        <source>%1 (Ihre Kommune)</source>
        <translation>%1 (your municipality)</translation>
    </message>
    <message numerus="yes">
        <source>%n Maßnahme(n)</source>
        <translation>
            <numerusform>%n measure</numerusform>
            <numerusform>%n measures</numerusform>
        </translation>
    </message>
    <message>
        <source>Plan nicht freigegeben</source>
        <translation>Plan not shared</translation>
    </message>
</context>
<context>
    <name>PeersPage</name>
    <message>
        <source>Andere Kommunen</source>
        <translation>Other municipalities</translation>
    </message>
    <message>
        <source>Alle Kommunen</source>
        <translation>All municipalities</translation>
    </message>
    <message>
        <source>Alle Themen</source>
        <translation>All themes</translation>
    </message>
    <message>
        <source>Nach Thema filtern</source>
        <translation>Filter by theme</translation>
    </message>
    <message numerus="yes">
        <source>%n Kommune(n) mit Maßnahmen zu diesem Thema</source>
        <translation>
            <numerusform>%n municipality with measures on this theme</numerusform>
            <numerusform>%n municipalities with measures on this theme</numerusform>
        </translation>
    </message>
    <message>
        <source>Kommunen</source>
        <translation>Municipalities</translation>
    </message>
    <message>
        <source>Cluster %1</source>
        <translation>Cluster %1</translation>
    </message>
    <message>
        <source>Ohne Cluster</source>
        <translation>No cluster</translation>
    </message>
    <message>
        <source>Keine Kommune hat Maßnahmen zu diesem Thema.</source>
        <translation>No municipality has measures on this theme.</translation>
    </message>
    <message>
        <source>Noch keine Kommunen. Sie erscheinen nach dem ersten Abgleich.</source>
        <translation>No municipalities yet. They appear after the first sync.</translation>
    </message>
    <message>
        <source>Ihr eigener Plan</source>
        <translation>Your own plan</translation>
    </message>
    <message>
        <source>Plan von %1 – nur lesen, Kommentare möglich</source>
        <translation>Plan of %1 – read only, comments welcome</translation>
    </message>
    <message>
        <source>Wählen Sie links eine Kommune, um ihren Plan zu lesen.</source>
        <translation>Choose a municipality on the left to read its plan.</translation>
    </message>
</context>
<context>
    <name>PlanDiffModel</name>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>heute</source>
        <translation>today</translation>
    </message>
    <message>
        <source>neu</source>
        <translation>new</translation>
    </message>
    <message>
        <source>entfernt</source>
        <translation>removed</translation>
    </message>
    <message>
        <source>geändert</source>
        <translation>changed</translation>
    </message>
</context>
<context>
    <name>PlanPrintButtons</name>
    <message>
        <source>Als PDF speichern …</source>
        <translation>Save as PDF …</translation>
    </message>
    <message>
        <source>Den Plan als PDF-Datei speichern, zum Weitergeben oder Drucken</source>
        <translation>Save the plan as a PDF file, to pass on or print</translation>
    </message>
    <message>
        <source>Drucken …</source>
        <translation>Print …</translation>
    </message>
    <message>
        <source>Den Plan auf einem Drucker ausgeben</source>
        <translation>Print the plan on a printer</translation>
    </message>
    <message>
        <source>Plan als PDF speichern</source>
        <translation>Save plan as PDF</translation>
    </message>
    <message>
        <source>PDF-Dokumente (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
</context>
<context>
    <name>PlanPrinter</name>
    <message>
        <source>Plan drucken</source>
        <translation>Print plan</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
</context>
<context>
    <name>PlanVersionsModel</name>
    <message>
        <source>Stand vom %1</source>
        <translation>Version of %1</translation>
    </message>
</context>
<context>
    <name>PlanView</name>
    <message>
        <source>+ Handlungsfeld</source>
        <translation>+ Field of action</translation>
    </message>
    <message>
        <source>Neues Handlungsfeld</source>
        <translation>New field of action</translation>
    </message>
    <message>
        <source>+ Ziel</source>
        <translation>+ Goal</translation>
    </message>
    <message>
        <source>Neues Ziel</source>
        <translation>New goal</translation>
    </message>
    <message>
        <source>+ Maßnahme</source>
        <translation>+ Measure</translation>
    </message>
    <message>
        <source>Neue Maßnahme</source>
        <translation>New measure</translation>
    </message>
    <message>
        <source>Nach oben verschieben</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Nach unten verschieben</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>Löschen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Gliederung des Plans</source>
        <translation>Plan outline</translation>
    </message>
    <message>
        <source>Ihr Plan ist noch leer. Legen Sie mit „+ Handlungsfeld“ das erste Handlungsfeld an.</source>
        <translation>Your plan is still empty. Use “+ Field of action” to create the first field of action.</translation>
    </message>
    <message>
        <source>Dieser Plan hat noch keine Einträge.</source>
        <translation>This plan has no entries yet.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>RejectedChangeDelegate</name>
    <message>
        <source>%1 wurde nicht übernommen</source>
        <translation>%1 was not accepted</translation>
    </message>
    <message>
        <source>Abgelehnt: %1 %2, %3. %4</source>
        <translation>Rejected: %1 %2, %3. %4</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1: %2 wurde nicht übernommen</source>
        <translation>%1: %2 was not accepted</translation>
    </message>
</context>
<context>
    <name>RejectedChangesModel</name>
    <message>
        <source>(ohne Titel)</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>Anlegen</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Löschen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Wiederherstellen</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>(leer)</source>
        <translation>(empty)</translation>
    </message>
</context>
<context>
    <name>ReviewActionsModel</name>
    <message>
        <source>In Prüfung nehmen</source>
        <translation>Start review</translation>
    </message>
    <message>
        <source>Änderungen erbitten</source>
        <translation>Request changes</translation>
    </message>
    <message>
        <source>Als geprüft markieren</source>
        <translation>Mark as reviewed</translation>
    </message>
</context>
<context>
    <name>ReviewNoteDialog</name>
    <message>
        <source>Ihr Hinweis an die Kommune (erforderlich):</source>
        <translation>Your note to the municipality (required):</translation>
    </message>
    <message>
        <source>Ihr Hinweis an die Kommune (freiwillig):</source>
        <translation>Your note to the municipality (optional):</translation>
    </message>
    <message>
        <source>Zum Beispiel: Bitte ergänzen Sie bei den Maßnahmen Termine und Verantwortliche.</source>
        <translation>For example: Please add dates and who is responsible to the measures.</translation>
    </message>
    <message>
        <source>Hinweis an die Kommune</source>
        <translation>Note to the municipality</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Prüfung</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>← Übersicht</source>
        <translation>← Overview</translation>
    </message>
    <message>
        <source>Prüfung: %1</source>
        <translation>Review: %1</translation>
    </message>
    <message>
        <source>Was verglichen wird</source>
        <translation>What is compared</translation>
    </message>
    <message>
        <source>Änderungen</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>Dieser Plan wurde noch nicht eingereicht.</source>
        <translation>This plan has not been submitted yet.</translation>
    </message>
    <message>
        <source>Keine Änderungen.</source>
        <translation>No changes.</translation>
    </message>
    <message>
        <source>Prüfhinweise zum ganzen Plan</source>
        <translation>Review notes on the whole plan</translation>
    </message>
    <message>
        <source>Zum ganzen Plan</source>
        <translation>To the whole plan</translation>
    </message>
    <message>
        <source>Versionen: %1</source>
        <translation>Versions: %1</translation>
    </message>
    <message>
        <source>Was sich mit der letzten Einreichung geändert hat</source>
        <translation>What changed with the latest submission</translation>
    </message>
    <message>
        <source>Was sich seit der letzten Einreichung geändert hat (noch nicht eingereicht)</source>
        <translation>What changed since the latest submission (not submitted yet)</translation>
    </message>
    <message>
        <source>Es gibt erst eine Einreichung; wählen Sie %1.</source>
        <translation>There is only one submission so far; choose %1.</translation>
    </message>
    <message>
        <source>Prüfhinweise zu %1</source>
        <translation>Review notes on %1</translation>
    </message>
</context>
<context>
    <name>ReviewStatusBar</name>
    <message>
        <source>Prüfstatus: %1</source>
        <translation>Review status: %1</translation>
    </message>
    <message>
        <source>Zur Prüfung einreichen …</source>
        <translation>Submit for review …</translation>
    </message>
    <message>
        <source>Änderungen erbitten</source>
        <translation>Request changes</translation>
    </message>
    <message>
        <source>Als geprüft markieren</source>
        <translation>Mark as reviewed</translation>
    </message>
    <message>
        <source>Plan einreichen</source>
        <translation>Submit plan</translation>
    </message>
    <message>
        <source>Der jetzige Stand Ihres Plans wird als Version festgehalten („Stand vom …“). Die Geschäftsstelle sieht ihn nach dem nächsten Abgleich und kann ihn mit dem vorigen Stand vergleichen. Sie können danach weiterarbeiten.</source>
        <translation>Your plan as it stands now is kept as a version (“Version of …”). The project office sees it after the next sync and can compare it with the previous one. You can go on working afterwards.</translation>
    </message>
    <message>
        <source>Hinweis der Geschäftsstelle vom %1: %2</source>
        <translation>Note from the project office of %1: %2</translation>
    </message>
    <message>
        <source>Die Kommune sieht den Prüfstatus „Änderungen erbeten“ zusammen mit Ihrem Hinweis. Schreiben Sie, was sie ändern soll.</source>
        <translation>The municipality sees the review status “Changes requested” together with your note. Write what it should change.</translation>
    </message>
    <message>
        <source>Der eingereichte Stand gilt dann als geprüft; die Kommune sieht das nach dem nächsten Abgleich.</source>
        <translation>The submitted version then counts as reviewed; the municipality sees this after the next sync.</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Suche</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Suche in allen Plänen</source>
        <translation>Search all plans</translation>
    </message>
    <message>
        <source>Wer arbeitet noch an … ? Zum Beispiel: Fachkräftemangel, Ehrenamt, Bürgerbus</source>
        <translation>Who else works on … ? For example: skilled workers, volunteering, community bus</translation>
    </message>
    <message>
        <source>Suchbegriff</source>
        <translation>Search term</translation>
    </message>
    <message>
        <source>Die Suche läuft auf diesem Gerät und funktioniert auch ohne Netz.</source>
        <translation>Search runs on this device and works without a network too.</translation>
    </message>
    <message numerus="yes">
        <source>%n Treffer</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
    <message>
        <source>Suchergebnisse</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>Nichts gefunden. Versuchen Sie ein kürzeres oder anderes Wort.</source>
        <translation>Nothing found. Try a shorter or different word.</translation>
    </message>
</context>
<context>
    <name>SearchResultDelegate</name>
    <message>
        <source>%1 – %2: %3</source>
        <translation>%1 – %2: %3</translation>
    </message>
    <message>
        <source>Thema: %1</source>
        <translation>Theme: %1</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message numerus="yes">
        <source>Die Datei mit Ihren Daten war beschädigt. Sie wurde als %1 aufbewahrt; %n noch nicht übertragene Änderung(en) wurden gerettet, der Rest kommt beim nächsten Abgleich vom Server.</source>
        <translation>
            <numerusform>The file containing your data was damaged. It has been kept as %1; %n change that had not yet been sent was recovered, and the rest will come from the server at the next sync.</numerusform>
            <numerusform>The file containing your data was damaged. It has been kept as %1; %n changes that had not yet been sent were recovered, and the rest will come from the server at the next sync.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ihre lokale Arbeit (%n Einträge) wurde in den Plan Ihrer Kommune übernommen.</source>
        <translation>
            <numerusform>Your local work (%n entry) has been added to your municipality’s plan.</numerusform>
            <numerusform>Your local work (%n entries) has been added to your municipality’s plan.</numerusform>
        </translation>
    </message>
    <message>
        <source>Bitte geben Sie den Namen Ihrer Kommune ein.</source>
        <translation>Please enter the name of your municipality.</translation>
    </message>
    <message>
        <source>Werkstattplan %1</source>
        <translation>Workshop plan %1</translation>
    </message>
    <message>
        <source>Wiederherstellen</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Kommentar schreiben</source>
        <translation>Write a comment</translation>
    </message>
    <message>
        <source>Rückgängig gemacht: %1</source>
        <translation>Undone: %1</translation>
    </message>
    <message>
        <source>%1 ändern</source>
        <translation>Change %1</translation>
    </message>
    <message>
        <source>%1 eintragen</source>
        <translation>Enter %1</translation>
    </message>
    <message>
        <source>Ihr Plan ist eingereicht. Die Geschäftsstelle sieht diesen Stand nach dem nächsten Abgleich.</source>
        <translation>Your plan has been submitted. The project office sees this version after the next sync.</translation>
    </message>
    <message>
        <source>Gespeichert: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>Die Datei %1 lässt sich nicht öffnen.</source>
        <translation>The file %1 cannot be opened.</translation>
    </message>
    <message>
        <source>Nichts übernommen: %1</source>
        <translation>Nothing imported: %1</translation>
    </message>
    <message>
        <source>Synopse übernommen: %1 neu, %2 geändert, %3 unverändert.</source>
        <translation>Synopsis imported: %1 new, %2 changed, %3 unchanged.</translation>
    </message>
    <message>
        <source>%1 von %2 ändern</source>
        <translation>Change %1 of %2</translation>
    </message>
    <message>
        <source>%1 %2 anlegen</source>
        <translation>Create %1 %2</translation>
    </message>
    <message>
        <source>Maßnahme %1 zum Werkstatttreffen anmelden</source>
        <translation>Announce measure %1 for the workshop meeting</translation>
    </message>
    <message>
        <source>%1 löschen</source>
        <translation>Delete %1</translation>
    </message>
    <message>
        <source>%1 wurde gelöscht. Mit „Rückgängig“ holen Sie es zurück.</source>
        <translation>%1 was deleted. “Undo” brings it back.</translation>
    </message>
    <message>
        <source>Prüfstatus: %1</source>
        <translation>Review status: %1</translation>
    </message>
    <message>
        <source>Prüfstatus: %1. Die Kommune sieht Ihren Hinweis nach dem nächsten Abgleich.</source>
        <translation>Review status: %1. The municipality sees your note after the next sync.</translation>
    </message>
    <message>
        <source>Wiederholt: %1</source>
        <translation>Redone: %1</translation>
    </message>
    <message numerus="yes">
        <source>Abgemeldet. %n Änderung(en) bleiben auf diesem Gerät und werden übertragen, sobald Sie sich wieder mit diesem Konto anmelden.</source>
        <translation>
            <numerusform>Signed out. %n change stays on this device and is sent as soon as you sign in again with this account.</numerusform>
            <numerusform>Signed out. %n changes stay on this device and are sent as soon as you sign in again with this account.</numerusform>
        </translation>
    </message>
    <message>
        <source>Abgemeldet.</source>
        <translation>Signed out.</translation>
    </message>
    <message>
        <source>Bitte geben Sie diesem Gerät einen Namen.</source>
        <translation>Please give this device a name.</translation>
    </message>
    <message>
        <source>Einrichtung des Servers</source>
        <translation>Server setup</translation>
    </message>
    <message>
        <source>Geschäftsstelle</source>
        <translation>Project office</translation>
    </message>
    <message>
        <source>unbekannt</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>auf diesem Gerät</source>
        <translation>on this device</translation>
    </message>
    <message>
        <source>auf einem anderen Gerät (%1)</source>
        <extracomment>a change&apos;s origin: the device&apos;s name (in quotes) and the municipality or the office</extracomment>
        <translation>on another device (%1)</translation>
    </message>
    <message>
        <source>auf „%1“ (%2)</source>
        <translation>on “%1” (%2)</translation>
    </message>
    <message>
        <source>Es wurde kein Dateiname angegeben. Bitte wählen Sie einen Ordner und geben Sie einen Namen ein.</source>
        <translation>No file name was given. Please choose a folder and enter a name.</translation>
    </message>
    <message>
        <source>Die Datei „%1“ konnte nicht gespeichert werden. Bitte prüfen Sie, ob es den Ordner gibt und ob Sie dort speichern dürfen, oder wählen Sie einen anderen Ort.</source>
        <translation>The file “%1” could not be saved. Please check that the folder exists and that you may save there, or choose another place.</translation>
    </message>
    <message>
        <source>Der Plan konnte nicht gedruckt werden. Bitte prüfen Sie den Drucker und versuchen Sie es noch einmal.</source>
        <translation>The plan could not be printed. Please check the printer and try again.</translation>
    </message>
    <message>
        <source>Der Plan wurde zum Drucken gegeben.</source>
        <translation>The plan was sent to the printer.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Einstellungen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Sprache</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Verbindung</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>Offline arbeiten (nichts senden oder empfangen)</source>
        <translation>Work offline (nothing is sent or received)</translation>
    </message>
    <message>
        <source>Konto</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Sie arbeiten ohne Server auf diesem Gerät.</source>
        <translation>You are working on this device without a server.</translation>
    </message>
    <message>
        <source>Angemeldet als %1 bei %2</source>
        <translation>Signed in as %1 on %2</translation>
    </message>
    <message>
        <source>Gerätekennung: %1</source>
        <translation>Device ID: %1</translation>
    </message>
    <message>
        <source>Abmelden …</source>
        <translation>Sign out …</translation>
    </message>
    <message>
        <source>Abmelden</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Konto wechseln …</source>
        <translation>Change account …</translation>
    </message>
    <message>
        <source>Konto wechseln</source>
        <translation>Change account</translation>
    </message>
    <message>
        <source>Dieses Gerät</source>
        <translation>This device</translation>
    </message>
    <message>
        <source>Unter diesem Namen sehen die anderen, auf welchem Gerät etwas geändert wurde.</source>
        <translation>Others see this name for changes made on this device.</translation>
    </message>
    <message>
        <source>z. B. Laptop Rathaus</source>
        <translation>e.g. Town hall laptop</translation>
    </message>
    <message>
        <source>Name dieses Geräts</source>
        <translation>Name of this device</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <source>Willkommen bei Werkstattplan</source>
        <translation>Welcome to Werkstattplan</translation>
    </message>
    <message>
        <source>Melden Sie sich mit dem Konto an, das Sie von der Geschäftsstelle erhalten haben. Sie können auch zuerst ohne Server arbeiten und sich später verbinden; Ihre Arbeit wird dann übernommen.</source>
        <translation>Sign in with the account you received from the project office. You can also start working without a server and connect later; your work will then be carried over.</translation>
    </message>
    <message>
        <source>Ohne Server arbeiten</source>
        <translation>Work without a server</translation>
    </message>
    <message>
        <source>Name Ihrer Kommune</source>
        <translation>Name of your municipality</translation>
    </message>
    <message>
        <source>Ohne Server beginnen</source>
        <translation>Start without a server</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Werkstattplan</source>
        <translation>Werkstattplan</translation>
    </message>
    <message>
        <source>Geschäftsstelle</source>
        <translation>Project office</translation>
    </message>
    <message>
        <source>Mein Plan</source>
        <translation>My plan</translation>
    </message>
    <message>
        <source>Übersicht</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Alle Kommunen</source>
        <translation>All municipalities</translation>
    </message>
    <message>
        <source>Andere Kommunen</source>
        <translation>Other municipalities</translation>
    </message>
    <message>
        <source>Suche</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Werkstatttreffen</source>
        <translation>Workshop meetings</translation>
    </message>
    <message>
        <source>Synopse</source>
        <translation>Synopsis</translation>
    </message>
    <message>
        <source>Auswertung</source>
        <translation>Charts</translation>
    </message>
    <message>
        <source>Konflikte</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Abgleich</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Hilfe und Tastenkürzel</source>
        <translation>Help and shortcuts</translation>
    </message>
    <message>
        <source>Einstellungen</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <source>Serveradresse</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>z. B. https://werkstattplan.example.de</source>
        <translation>e.g. https://werkstattplan.example.de</translation>
    </message>
    <message>
        <source>Benutzername</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Passwort</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Das Passwort wird nicht gespeichert. Dieses Gerät bleibt angemeldet, bis Sie sich abmelden.</source>
        <translation>Your password is not saved. This device stays signed in until you sign out.</translation>
    </message>
    <message>
        <source>Anmeldung läuft …</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <source>Anmelden</source>
        <translation>Sign in</translation>
    </message>
</context>
<context>
    <name>SignOutDialog</name>
    <message>
        <source>Konto wechseln</source>
        <translation>Change account</translation>
    </message>
    <message>
        <source>Abmelden</source>
        <translation>Sign out</translation>
    </message>
    <message numerus="yes">
        <source>%n Änderung(en) sind noch nicht auf dem Server. Sie bleiben auf diesem Gerät gespeichert und werden übertragen, sobald Sie sich wieder mit dem Konto %1 anmelden.</source>
        <translation>
            <numerusform>%n change is not on the server yet. It stays saved on this device and is sent as soon as you sign in again with the account %1.</numerusform>
            <numerusform>%n changes are not on the server yet. They stay saved on this device and are sent as soon as you sign in again with the account %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Der Server hat alle Ihre Änderungen.</source>
        <translation>The server has all your changes.</translation>
    </message>
    <message>
        <source>Nach dem Abmelden melden Sie sich mit dem anderen Konto an. Die Daten dieses Kontos bleiben auf diesem Gerät; melden Sie sich später wieder damit an, geht es dort weiter, wo Sie aufgehört haben.</source>
        <translation>After signing out, sign in with the other account. This account&apos;s data stays on this device; when you sign in with it again later, you continue where you left off.</translation>
    </message>
    <message>
        <source>Ihre Daten bleiben auf diesem Gerät. Melden Sie sich wieder mit demselben Konto an, geht es dort weiter, wo Sie aufgehört haben.</source>
        <translation>Your data stays on this device. When you sign in again with the same account, you continue where you left off.</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>StatusLegend</name>
    <message>
        <source>Farben: Status der Maßnahmen</source>
        <translation>Colours: status of the measures</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Abgleich</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>„Offline arbeiten“ ist eingeschaltet: Es wird nichts gesendet oder empfangen. Ihre Änderungen bleiben auf diesem Gerät gespeichert, bis Sie wieder verbinden.</source>
        <translation>“Work offline” is switched on: nothing is sent or received. Your changes stay saved on this device until you connect again.</translation>
    </message>
    <message>
        <source>Noch nicht vom Server bestätigt</source>
        <translation>Not yet confirmed by the server</translation>
    </message>
    <message numerus="yes">
        <source>%n Änderung(en)</source>
        <translation>
            <numerusform>%n change</numerusform>
            <numerusform>%n changes</numerusform>
        </translation>
    </message>
    <message>
        <source>keine</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Zuletzt vollständig abgeglichen</source>
        <translation>Last fully synced</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Offene Konflikte</source>
        <translation>Open conflicts</translation>
    </message>
    <message>
        <source>Konto</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>%1 bei %2</source>
        <translation>%1 on %2</translation>
    </message>
    <message>
        <source>Erster Abgleich: %1 von %2 Einträgen</source>
        <translation>First sync: %1 of %2 entries</translation>
    </message>
    <message>
        <source>Erster Abgleich: %1 von %2</source>
        <translation>First sync: %1 of %2</translation>
    </message>
    <message>
        <source>Jetzt abgleichen</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Offline arbeiten</source>
        <translation>Work offline</translation>
    </message>
    <message>
        <source>Offline arbeiten (nichts senden oder empfangen)</source>
        <translation>Work offline (nothing is sent or received)</translation>
    </message>
    <message>
        <source>Mit Server verbinden</source>
        <translation>Connect to server</translation>
    </message>
    <message>
        <source>Erneut anmelden</source>
        <translation>Sign in again</translation>
    </message>
    <message>
        <source>Melden Sie sich mit dem Konto Ihrer Kommune an. Was Sie bisher auf diesem Gerät erarbeitet haben, wird nach dem ersten Abgleich in den Plan Ihrer Kommune übernommen; die lokale Fassung bleibt zusätzlich erhalten.</source>
        <translation>Sign in with your municipality’s account. Whatever you have worked on so far on this device will be added to your municipality’s plan after the first sync; the local version is kept as well.</translation>
    </message>
    <message>
        <source>Ihre Änderungen bleiben auf diesem Gerät gespeichert und werden nach der Anmeldung übertragen.</source>
        <translation>Your changes stay saved on this device and will be sent once you have signed in.</translation>
    </message>
    <message>
        <source>Abgelehnte Änderungen (%1)</source>
        <translation>Rejected changes (%1)</translation>
    </message>
    <message>
        <source>Abgelehnte Änderungen</source>
        <translation>Rejected changes</translation>
    </message>
    <message>
        <source>Diese Änderungen hat der Server nicht übernommen; der Plan zeigt wieder den Stand des Servers. Hier steht, warum – so geht nichts unbemerkt verloren.</source>
        <translation>The server did not accept these changes, so the plan shows the server’s version again. The reason is given here – so nothing is lost without you noticing.</translation>
    </message>
    <message>
        <source>Der Server hat keine Ihrer Änderungen abgelehnt.</source>
        <translation>The server has not rejected any of your changes.</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Erster Abgleich: %1 von %2 Einträgen</source>
        <translation>First sync: %1 of %2 entries</translation>
    </message>
    <message numerus="yes">
        <source>%n Änderung(en) abgelehnt</source>
        <translation>
            <numerusform>%n change rejected</numerusform>
            <numerusform>%n changes rejected</numerusform>
        </translation>
    </message>
    <message>
        <source>Zuletzt vollständig abgeglichen: %1</source>
        <translation>Last fully synced: %1</translation>
    </message>
    <message>
        <source>Wieder verbinden</source>
        <translation>Reconnect</translation>
    </message>
    <message>
        <source>Jetzt abgleichen</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Erster Abgleich: %1 %</source>
        <translation>First sync: %1%</translation>
    </message>
    <message numerus="yes">
        <source>· %n Änderung(en) warten</source>
        <translation>
            <numerusform>· %n change waiting</numerusform>
            <numerusform>· %n changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>· %n Änderung(en) noch nicht vom Server bestätigt</source>
        <translation>
            <numerusform>· %n change not yet confirmed by the server</numerusform>
            <numerusform>· %n changes not yet confirmed by the server</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n offene(r) Konflikt(e)</source>
        <translation>
            <numerusform>%n open conflict</numerusform>
            <numerusform>%n open conflicts</numerusform>
        </translation>
    </message>
    <message>
        <source>Konflikte ansehen und auflösen</source>
        <translation>View and resolve the conflicts</translation>
    </message>
    <message>
        <source>Details zum Abgleich</source>
        <translation>Sync details</translation>
    </message>
</context>
<context>
    <name>SynopsisActions</name>
    <message>
        <source>CSV importieren …</source>
        <translation>Import CSV …</translation>
    </message>
    <message>
        <source>Synopse aus CSV übernehmen</source>
        <translation>Import the synopsis from CSV</translation>
    </message>
    <message>
        <source>CSV-Tabellen (*.csv)</source>
        <translation>CSV tables (*.csv)</translation>
    </message>
</context>
<context>
    <name>SynopsisPage</name>
    <message>
        <source>Synopse</source>
        <translation>Synopsis</translation>
    </message>
    <message>
        <source>Synopse der Ausgangsdaten</source>
        <translation>Synopsis of the baseline data</translation>
    </message>
    <message>
        <source>Wählen Sie eine Zelle, um eine Kennzahl einzutragen oder zu ändern.</source>
        <translation>Choose a cell to enter or change a figure.</translation>
    </message>
    <message>
        <source>Die Kennzahlen pflegt die Geschäftsstelle.</source>
        <translation>The project office maintains these figures.</translation>
    </message>
    <message>
        <source>Kommune</source>
        <translation>Municipality</translation>
    </message>
</context>
<context>
    <name>SynopsisRow</name>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>fehlt</source>
        <translation>missing</translation>
    </message>
    <message>
        <source>Stand %1</source>
        <translation>as of %1</translation>
    </message>
</context>
<context>
    <name>ThemesEditor</name>
    <message>
        <source>Thema %1</source>
        <translation>Theme %1</translation>
    </message>
</context>
<context>
    <name>TimelineBar</name>
    <message>
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <source>ohne Status</source>
        <translation>no status</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>Q%1</source>
        <translation>Q%1</translation>
    </message>
</context>
<context>
    <name>TimelineStrip</name>
    <message numerus="yes">
        <source>%n Maßnahme(n) ohne Zeitraum</source>
        <translation>
            <numerusform>%n measure without a time period</numerusform>
            <numerusform>%n measures without a time period</numerusform>
        </translation>
    </message>
    <message>
        <source>Zeitleiste</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Einblenden</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Ausblenden</source>
        <translation>Hide</translation>
    </message>
    <message>
        <source>Zeitleiste einblenden</source>
        <translation>Show the timeline</translation>
    </message>
    <message>
        <source>Zeitleiste ausblenden</source>
        <translation>Hide the timeline</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>Kommune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Kennzahl</source>
        <translation>Key figure</translation>
    </message>
    <message>
        <source>Werkstattplan</source>
        <translation>Workshop plan</translation>
    </message>
    <message>
        <source>Handlungsfeld</source>
        <translation>Field of action</translation>
    </message>
    <message>
        <source>Ziel</source>
        <translation>Goal</translation>
    </message>
    <message>
        <source>Maßnahme</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>Meilenstein</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>Kommentar</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Werkstatttreffen</source>
        <translation>Workshop meeting</translation>
    </message>
    <message>
        <source>Verknüpfung mit Treffen</source>
        <translation>Link to meeting</translation>
    </message>
    <message>
        <source>Eingereichter Stand</source>
        <translation>Submitted version</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Bundesland</source>
        <translation>Federal state</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Art</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Wert</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Einheit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Jahr</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Leitbild</source>
        <translation>Vision</translation>
    </message>
    <message>
        <source>Prüfstatus</source>
        <translation>Review status</translation>
    </message>
    <message>
        <source>Für andere Kommunen sichtbar</source>
        <translation>Visible to other municipalities</translation>
    </message>
    <message>
        <source>Beschreibung</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Indikator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>Zielwert</source>
        <translation>Target value</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Beginn</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Ende</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Verantwortlich</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partners</translation>
    </message>
    <message>
        <source>Budget (Euro)</source>
        <translation>Budget (euros)</translation>
    </message>
    <message>
        <source>Themen</source>
        <translation>Themes</translation>
    </message>
    <message>
        <source>Priorität</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Reihenfolge</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Fällig am</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Erledigt</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Gastgeber</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Ort</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>Teilnehmende</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Tagesordnung</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Notizen</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Antwort auf</source>
        <translation>Reply to</translation>
    </message>
    <message>
        <source>Bezeichnung</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Eingereicht am</source>
        <translation>Submitted on</translation>
    </message>
    <message>
        <source>Eingefrorener Inhalt</source>
        <translation>Frozen content</translation>
    </message>
    <message>
        <source>Löschen/Wiederherstellen</source>
        <translation>Delete/restore</translation>
    </message>
    <message>
        <source>Idee</source>
        <translation>Idea</translation>
    </message>
    <message>
        <source>geplant</source>
        <translation>planned</translation>
    </message>
    <message>
        <source>in Umsetzung</source>
        <translation>in progress</translation>
    </message>
    <message>
        <source>abgeschlossen</source>
        <translation>completed</translation>
    </message>
    <message>
        <source>pausiert</source>
        <translation>paused</translation>
    </message>
    <message>
        <source>verworfen</source>
        <translation>dropped</translation>
    </message>
    <message>
        <source>niedrig</source>
        <translation>low</translation>
    </message>
    <message>
        <source>mittel</source>
        <translation>medium</translation>
    </message>
    <message>
        <source>hoch</source>
        <translation>high</translation>
    </message>
    <message>
        <source>Entwurf</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>eingereicht</source>
        <translation>submitted</translation>
    </message>
    <message>
        <source>in Prüfung</source>
        <translation>under review</translation>
    </message>
    <message>
        <source>geprüft</source>
        <translation>reviewed</translation>
    </message>
    <message>
        <source>Änderungen erbeten</source>
        <translation>Changes requested</translation>
    </message>
    <message>
        <source>Stadt</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Gemeinde</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>Initiative</source>
        <translation>Initiative</translation>
    </message>
    <message>
        <source>Rückmeldung</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>Prüfhinweis</source>
        <translation>Review note</translation>
    </message>
    <message>
        <source>Fachkräftemangel</source>
        <translation>Shortage of skilled workers</translation>
    </message>
    <message>
        <source>Ehrenamt</source>
        <translation>Volunteering</translation>
    </message>
    <message>
        <source>Standort-Kooperationen</source>
        <translation>Location cooperation</translation>
    </message>
    <message>
        <source>Daseinsvorsorge</source>
        <translation>Public services</translation>
    </message>
    <message>
        <source>Mobilität</source>
        <translation>Mobility</translation>
    </message>
    <message>
        <source>Wohnen</source>
        <translation>Housing</translation>
    </message>
    <message>
        <source>Attraktive Ortskerne</source>
        <translation>Attractive town centres</translation>
    </message>
    <message>
        <source>Digitalisierung</source>
        <translation>Digitalisation</translation>
    </message>
    <message>
        <source>Jugend</source>
        <translation>Youth</translation>
    </message>
    <message>
        <source>Älter werden</source>
        <translation>Growing older</translation>
    </message>
    <message>
        <source>Gesundheit und Pflege</source>
        <translation>Health and care</translation>
    </message>
    <message>
        <source>Klima und Energie</source>
        <translation>Climate and energy</translation>
    </message>
    <message>
        <source>Bildung</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>Beteiligung</source>
        <translation>Participation</translation>
    </message>
    <message>
        <source>Wirtschaft</source>
        <translation>Economy</translation>
    </message>
    <message>
        <source>Kultur</source>
        <translation>Culture</translation>
    </message>
    <message>
        <source>Das dürfen Sie hier nicht ändern: Sie bearbeiten nur den Plan Ihrer Kommune und Ihre eigenen Kommentare.</source>
        <translation>You cannot change this here: you can only edit your municipality’s plan and your own comments.</translation>
    </message>
    <message>
        <source>Dieser Wert passt nicht in das Feld. Bitte prüfen Sie die Eingabe.</source>
        <translation>This value does not fit the field. Please check what you entered.</translation>
    </message>
    <message>
        <source>Der Text ist zu lang. Bitte kürzen Sie ihn.</source>
        <translation>The text is too long. Please shorten it.</translation>
    </message>
    <message>
        <source>Der Eintrag ist gelöscht. Stellen Sie ihn zuerst wieder her.</source>
        <translation>The entry has been deleted. Please restore it first.</translation>
    </message>
    <message>
        <source>Der Eintrag ist nicht (mehr) vorhanden.</source>
        <translation>The entry does not exist (or no longer exists).</translation>
    </message>
    <message>
        <source>Benutzername oder Passwort stimmen nicht. Bitte versuchen Sie es noch einmal.</source>
        <translation>The username or password is not correct. Please try again.</translation>
    </message>
    <message>
        <source>Zu viele Anmeldeversuche. Bitte warten Sie eine Minute und versuchen Sie es dann erneut.</source>
        <translation>Too many sign-in attempts. Please wait a minute and then try again.</translation>
    </message>
    <message>
        <source>Dieses Konto ist gesperrt. Bitte wenden Sie sich an die IT Ihrer Verwaltung oder an die Geschäftsstelle; Ihre Arbeit auf diesem Gerät bleibt erhalten.</source>
        <translation>This account is disabled. Please contact your administration&apos;s IT or the project office; your work on this device is kept.</translation>
    </message>
    <message>
        <source>Der Server ist nicht erreichbar. Ihre Arbeit ist auf diesem Gerät gespeichert und wird übertragen, sobald die Verbindung wieder besteht.</source>
        <translation>The server cannot be reached. Your work is saved on this device and will be sent as soon as the connection is back.</translation>
    </message>
    <message>
        <source>Diese Version von Werkstattplan ist zu alt für den Server. Bitte installieren Sie die neue Version; Ihre Arbeit bleibt erhalten.</source>
        <translation>This version of Werkstattplan is too old for the server. Please install the new version; your work will not be lost.</translation>
    </message>
    <message>
        <source>Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an; Ihre Arbeit bleibt erhalten.</source>
        <translation>Your sign-in has expired. Please sign in again; your work will not be lost.</translation>
    </message>
    <message>
        <source>Die Serveradresse ist ungültig. Sie beginnt mit http:// oder https://.</source>
        <translation>The server address is not valid. It must start with http:// or https://.</translation>
    </message>
    <message>
        <source>Diese Daten gehören zu einem anderen Konto.</source>
        <translation>This data belongs to a different account.</translation>
    </message>
    <message>
        <source>Die Daten konnten auf diesem Gerät nicht gespeichert werden. Ist der Datenträger voll?</source>
        <translation>The data could not be saved on this device. Is the disk full?</translation>
    </message>
    <message>
        <source>Der Server hat unverständlich geantwortet. Bitte wenden Sie sich an die Geschäftsstelle.</source>
        <translation>The server sent a reply that could not be understood. Please contact the project office.</translation>
    </message>
    <message>
        <source>Sie arbeiten ohne Server. Melden Sie sich an, um Ihren Plan zu teilen.</source>
        <translation>You are working without a server. Sign in to share your plan.</translation>
    </message>
    <message>
        <source>Bitte wählen Sie, welcher Wert gelten soll.</source>
        <translation>Please choose which value should apply.</translation>
    </message>
    <message>
        <source>Diese Änderung ist nicht möglich.</source>
        <translation>This change is not possible.</translation>
    </message>
    <message>
        <source>Für dieses Konto gibt es noch keinen Plan. Die Geschäftsstelle legt ihn an.</source>
        <translation>There is no plan for this account yet. The project office will set it up.</translation>
    </message>
    <message>
        <source>Der Eintrag steht schon am Rand der Liste.</source>
        <translation>The entry is already at the top or bottom of the list.</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nein</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Etwas ist schiefgegangen (%1). Ihre Arbeit ist auf diesem Gerät gespeichert.</source>
        <translation>Something went wrong (%1). Your work is saved on this device.</translation>
    </message>
    <message>
        <source>noch nie</source>
        <translation>never</translation>
    </message>
    <message>
        <source>dd.MM.yyyy, HH:mm &apos;Uhr&apos;</source>
        <translation>dd/MM/yyyy, HH:mm</translation>
    </message>
    <message>
        <source>gerade eben</source>
        <translation>just now</translation>
    </message>
    <message numerus="yes">
        <source>vor %n Minute(n)</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>vor %n Stunde(n)</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message>
        <source>vorhanden</source>
        <translation>present</translation>
    </message>
    <message>
        <source>gelöscht</source>
        <translation>deleted</translation>
    </message>
    <message>
        <source>Eintrag angelegt</source>
        <translation>Entry created</translation>
    </message>
    <message>
        <source>Eintrag gelöscht</source>
        <translation>Entry deleted</translation>
    </message>
    <message>
        <source>Eintrag wiederhergestellt</source>
        <translation>Entry restored</translation>
    </message>
    <message>
        <source>In der Liste verschoben</source>
        <translation>Moved in the list</translation>
    </message>
    <message>
        <source>Die Uhr dieses Geräts geht vor. Bitte stellen Sie Datum und Uhrzeit richtig ein und ändern Sie den Eintrag dann noch einmal.</source>
        <translation>The clock on this device is running fast. Please set the correct date and time, then change the entry again.</translation>
    </message>
    <message>
        <source>Die Änderung wurde unter einem anderen Konto gemacht. Bitte ändern Sie den Eintrag noch einmal.</source>
        <translation>The change was made under a different account. Please change the entry again.</translation>
    </message>
    <message>
        <source>Der Eintrag hat auf dem Server eine andere Art. Bitte legen Sie ihn neu an.</source>
        <translation>The entry is of a different type on the server. Please create it again.</translation>
    </message>
    <message>
        <source>Die Änderung war unvollständig. Bitte ändern Sie den Eintrag noch einmal.</source>
        <translation>The change was incomplete. Please change the entry again.</translation>
    </message>
    <message>
        <source>Der Server kennt dieses Feld nicht. Bitte wenden Sie sich an die Geschäftsstelle.</source>
        <translation>The server does not recognise this field. Please contact the project office.</translation>
    </message>
    <message>
        <source>Der Server kennt diese Art von Eintrag nicht. Bitte wenden Sie sich an die Geschäftsstelle.</source>
        <translation>The server does not recognise this type of entry. Please contact the project office.</translation>
    </message>
    <message>
        <source>Diesen Eintrag gibt es auf dem Server schon.</source>
        <translation>This entry already exists on the server.</translation>
    </message>
    <message>
        <source>Nur auf diesem Gerät</source>
        <translation>Only on this device</translation>
    </message>
    <message>
        <source>Ihr Plan ist nur auf diesem Gerät gespeichert. Verbinden Sie sich mit dem Server, um ihn mit den anderen Kommunen und der Geschäftsstelle zu teilen.</source>
        <translation>Your plan is only saved on this device. Connect to the server to share it with the other municipalities and the project office.</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Gerade besteht keine Verbindung zum Server. Ihre Änderungen sind auf diesem Gerät sicher gespeichert und werden übertragen, sobald die Verbindung wieder besteht.</source>
        <translation>There is no connection to the server at the moment. Your changes are safely saved on this device and will be sent as soon as the connection is back.</translation>
    </message>
    <message>
        <source>Alles übertragen</source>
        <translation>Everything sent</translation>
    </message>
    <message>
        <source>Der Server hat alle Ihre Änderungen bestätigt. Neues von anderen kommt von selbst an.</source>
        <translation>The server has confirmed all your changes. New changes from others arrive automatically.</translation>
    </message>
    <message>
        <source>Wird abgeglichen …</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>Ihre Änderungen werden übertragen. Erst wenn der Server sie bestätigt hat, gelten sie als abgeglichen.</source>
        <translation>Your changes are being sent. They only count as synced once the server has confirmed them.</translation>
    </message>
    <message>
        <source>Abgleich braucht Ihre Hilfe</source>
        <translation>Sync needs your help</translation>
    </message>
    <message>
        <source>Der Abgleich ist angehalten, bis Sie etwas tun. Ihre Arbeit bleibt auf diesem Gerät gespeichert.</source>
        <translation>Sync is paused until you take action. Your work stays saved on this device.</translation>
    </message>
    <message>
        <source>Einwohner</source>
        <translation>Population</translation>
    </message>
    <message>
        <source>Anteil 65 Jahre und älter</source>
        <translation>Share aged 65 and over</translation>
    </message>
    <message>
        <source>Anteil unter 18 Jahren</source>
        <translation>Share under 18</translation>
    </message>
    <message>
        <source>Durchschnittsalter</source>
        <translation>Average age</translation>
    </message>
    <message>
        <source>Fläche</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Bevölkerungsentwicklung (10 Jahre)</source>
        <translation>Population change (10 years)</translation>
    </message>
    <message>
        <source>Bitte schreiben Sie dazu, welche Änderungen Sie erbitten.</source>
        <translation>Please say which changes you are asking for.</translation>
    </message>
    <message>
        <source>Offline (gewählt)</source>
        <translation>Offline (chosen)</translation>
    </message>
    <message>
        <source>Sie haben „Offline arbeiten“ gewählt: Es wird nichts gesendet oder empfangen. Ihre Änderungen bleiben auf diesem Gerät gespeichert und werden übertragen, sobald Sie wieder verbinden.</source>
        <translation>You chose “Work offline”: nothing is sent or received. Your changes stay saved on this device and are sent as soon as you reconnect.</translation>
    </message>
    <message>
        <source>Bitte als TT.MM.JJJJ eingeben, zum Beispiel 31.03.2026.</source>
        <translation>Please enter as DD.MM.YYYY, for example 31.03.2026.</translation>
    </message>
    <message>
        <source>Diesen Tag gibt es nicht.</source>
        <translation>This day does not exist.</translation>
    </message>
    <message>
        <source>Diesen Monat gibt es nicht (1 bis 12).</source>
        <translation>This month does not exist (1 to 12).</translation>
    </message>
    <message>
        <source>Bitte eine Zahl eingeben, zum Beispiel 1.500,50.</source>
        <translation>Please enter a number, for example 1,500.50.</translation>
    </message>
    <message>
        <source>Zu lang: höchstens %1 Zeichen, jetzt %2.</source>
        <translation>Too long: at most %1 characters, now %2.</translation>
    </message>
    <message>
        <source>Bitte einen der angebotenen Werte wählen.</source>
        <translation>Please choose one of the values offered.</translation>
    </message>
    <message>
        <source>Liegt vor dem Beginn der Maßnahme (%1).</source>
        <translation>Lies before the start of the measure (%1).</translation>
    </message>
    <message>
        <source>Liegt nach dem Ende der Maßnahme (%1).</source>
        <translation>Lies after the end of the measure (%1).</translation>
    </message>
    <message>
        <source>Die Maßnahme ist %1, endet aber erst am %2. Stimmt das Ende?</source>
        <translation>The measure is %1 but only ends on %2. Is the end right?</translation>
    </message>
    <message>
        <source>Das Ende liegt vor dem Beginn (%1).</source>
        <translation>The end lies before the start (%1).</translation>
    </message>
    <message>
        <source>„%1“</source>
        <extracomment>a title in quotation marks; English: “%1”</extracomment>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>Ein Feld wurde in einer Änderung zweimal angegeben. Bitte geben Sie jedes Feld nur einmal an.</source>
        <translation>A field was given twice in one change. Please give each field only once.</translation>
    </message>
    <message>
        <source>Der Server wurde aus einer Sicherung wiederhergestellt. Was ihm fehlte, hat dieses Gerät noch einmal gesendet; es ist nichts verloren.</source>
        <translation>The server was restored from a backup. This device has sent again what it was missing; nothing is lost.</translation>
    </message>
    <message>
        <source>Die Datei mit Ihren Daten war beschädigt und wurde beiseitegelegt. Die noch nicht übertragenen Änderungen, die sich lesen ließen, wurden gerettet; der Rest kommt vom Server.</source>
        <translation>The file with your data was damaged and has been set aside. The changes not yet sent that could be read were rescued; the rest comes from the server.</translation>
    </message>
    <message>
        <source>An der Stelle Ihrer Daten lag eine fremde Datei. Sie wurde beiseitegelegt; Ihr Plan kommt beim nächsten Abgleich vom Server.</source>
        <translation>A foreign file was in the place of your data. It has been set aside; your plan comes from the server at the next sync.</translation>
    </message>
    <message>
        <source>Die Datei mit Ihren Daten war leer. Sie wurde beiseitegelegt; Ihr Plan kommt beim nächsten Abgleich vom Server. Noch nicht übertragene Änderungen können fehlen.</source>
        <translation>The file with your data was empty. It has been set aside; your plan comes from the server at the next sync. Changes not yet sent may be missing.</translation>
    </message>
    <message>
        <source>Ein Teil der Datei mit Ihren Daten fehlte. Bitte prüfen Sie Ihre letzten Änderungen.</source>
        <translation>Part of the file with your data was missing. Please check your latest changes.</translation>
    </message>
    <message>
        <source>Auf diesem Gerät fehlen Änderungen, die schon gespeichert waren (die Datei wurde außerhalb von Werkstattplan verändert). Bitte prüfen Sie Ihre letzten Änderungen.</source>
        <translation>Changes that had already been saved are missing on this device (the file was changed outside Werkstattplan). Please check your latest changes.</translation>
    </message>
    <message>
        <source>Das Zertifikat des Servers ist nicht vertrauenswürdig: Es stammt von keiner Stelle, der dieses Gerät vertraut, ist abgelaufen oder gilt für eine andere Adresse. Betreibt Ihre Verwaltung eine eigene Zertifizierungsstelle, wählen Sie bei der Anmeldung unter „Erweitert“ deren Zertifikat; sonst wenden Sie sich an die IT. Ihre Arbeit bleibt auf diesem Gerät gespeichert.</source>
        <translation>The server&apos;s certificate is not trustworthy: it comes from no authority this device trusts, has expired, or is for another address. If your administration runs a certificate authority of its own, choose its certificate under “Advanced” when signing in; otherwise contact your IT. Your work stays saved on this device.</translation>
    </message>
    <message>
        <source>Es kam keine verschlüsselte Verbindung zum Server zustande. Stimmt die Adresse (https:// oder http://)? Ihre Arbeit bleibt auf diesem Gerät gespeichert.</source>
        <translation>No encrypted connection to the server could be made. Is the address right (https:// or http://)? Your work stays saved on this device.</translation>
    </message>
    <message>
        <source>Der Server nimmt nur verschlüsselte Verbindungen an. Bitte beginnen Sie die Serveradresse mit https://.</source>
        <translation>The server accepts encrypted connections only. Please begin the server address with https://.</translation>
    </message>
    <message>
        <source>Die Zertifikatsdatei lässt sich nicht lesen. Bitte wählen Sie sie erneut.</source>
        <translation>The certificate file cannot be read. Please choose it again.</translation>
    </message>
    <message>
        <source>In dieser Datei steht kein Zertifikat (PEM). Bitte wählen Sie die Datei, die Ihnen die IT gegeben hat.</source>
        <translation>This file holds no certificate (PEM). Please choose the file your IT gave you.</translation>
    </message>
    <message>
        <source>Der Server ist nicht erreichbar. Bitte prüfen Sie die Serveradresse und ob dieses Gerät mit dem Netz verbunden ist.</source>
        <translation>The server cannot be reached. Please check the server address and whether this device is connected to the network.</translation>
    </message>
</context>
</TS>

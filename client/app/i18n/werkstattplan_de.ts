<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="de_DE">
<context>
    <name>ChartsPage</name>
    <message numerus="yes">
        <source>%n Maßnahme(n)</source>
        <translation>
            <numerusform>%n Maßnahme</numerusform>
            <numerusform>%n Maßnahmen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryList</name>
    <message numerus="yes">
        <source>%n Feld(er) zeigen</source>
        <translation>
            <numerusform>%n Feld zeigen</numerusform>
            <numerusform>%n Felder zeigen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MeetingDelegate</name>
    <message numerus="yes">
        <source>%n Maßnahme(n) zur Vorstellung</source>
        <translation>
            <numerusform>%n Maßnahme zur Vorstellung</numerusform>
            <numerusform>%n Maßnahmen zur Vorstellung</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutlineDelegate</name>
    <message numerus="yes">
        <source>%n Konflikt(e)</source>
        <translation>
            <numerusform>%n Konflikt</numerusform>
            <numerusform>%n Konflikte</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PeerDelegate</name>
    <message numerus="yes">
        <source>%n Maßnahme(n)</source>
        <translation>
            <numerusform>%n Maßnahme</numerusform>
            <numerusform>%n Maßnahmen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PeersPage</name>
    <message numerus="yes">
        <source>%n Kommune(n) mit Maßnahmen zu diesem Thema</source>
        <translation>
            <numerusform>%n Kommune mit Maßnahmen zu diesem Thema</numerusform>
            <numerusform>%n Kommunen mit Maßnahmen zu diesem Thema</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message numerus="yes">
        <source>%n Treffer</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message numerus="yes">
        <source>Die Datei mit Ihren Daten war beschädigt. Sie wurde als %1 aufbewahrt; %n noch nicht übertragene Änderung(en) wurden gerettet, der Rest kommt beim nächsten Abgleich vom Server.</source>
        <translation>
            <numerusform>Die Datei mit Ihren Daten war beschädigt. Sie wurde als %1 aufbewahrt; %n noch nicht übertragene Änderung wurde gerettet, der Rest kommt beim nächsten Abgleich vom Server.</numerusform>
            <numerusform>Die Datei mit Ihren Daten war beschädigt. Sie wurde als %1 aufbewahrt; %n noch nicht übertragene Änderungen wurden gerettet, der Rest kommt beim nächsten Abgleich vom Server.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ihre lokale Arbeit (%n Einträge) wurde in den Plan Ihrer Kommune übernommen.</source>
        <translation>
            <numerusform>Ihre lokale Arbeit (%n Eintrag) wurde in den Plan Ihrer Kommune übernommen.</numerusform>
            <numerusform>Ihre lokale Arbeit (%n Einträge) wurde in den Plan Ihrer Kommune übernommen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Abgemeldet. %n Änderung(en) bleiben auf diesem Gerät und werden übertragen, sobald Sie sich wieder mit diesem Konto anmelden.</source>
        <translation>
            <numerusform>Abgemeldet. %n Änderung bleibt auf diesem Gerät und wird übertragen, sobald Sie sich wieder mit diesem Konto anmelden.</numerusform>
            <numerusform>Abgemeldet. %n Änderungen bleiben auf diesem Gerät und werden übertragen, sobald Sie sich wieder mit diesem Konto anmelden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignOutDialog</name>
    <message numerus="yes">
        <source>%n Änderung(en) sind noch nicht auf dem Server. Sie bleiben auf diesem Gerät gespeichert und werden übertragen, sobald Sie sich wieder mit dem Konto %1 anmelden.</source>
        <translation>
            <numerusform>%n Änderung ist noch nicht auf dem Server. Sie bleibt auf diesem Gerät gespeichert und wird übertragen, sobald Sie sich wieder mit dem Konto %1 anmelden.</numerusform>
            <numerusform>%n Änderungen sind noch nicht auf dem Server. Sie bleiben auf diesem Gerät gespeichert und werden übertragen, sobald Sie sich wieder mit dem Konto %1 anmelden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message numerus="yes">
        <source>%n Änderung(en)</source>
        <translation>
            <numerusform>%n Änderung</numerusform>
            <numerusform>%n Änderungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message numerus="yes">
        <source>%n Änderung(en) abgelehnt</source>
        <translation>
            <numerusform>%n Änderung abgelehnt</numerusform>
            <numerusform>%n Änderungen abgelehnt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>· %n Änderung(en) warten</source>
        <translation>
            <numerusform>· %n Änderung wartet</numerusform>
            <numerusform>· %n Änderungen warten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>· %n Änderung(en) noch nicht vom Server bestätigt</source>
        <translation>
            <numerusform>· %n Änderung noch nicht vom Server bestätigt</numerusform>
            <numerusform>· %n Änderungen noch nicht vom Server bestätigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n offene(r) Konflikt(e)</source>
        <translation>
            <numerusform>%n offener Konflikt</numerusform>
            <numerusform>%n offene Konflikte</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineStrip</name>
    <message numerus="yes">
        <source>%n Maßnahme(n) ohne Zeitraum</source>
        <translation>
            <numerusform>%n Maßnahme ohne Zeitraum</numerusform>
            <numerusform>%n Maßnahmen ohne Zeitraum</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message numerus="yes">
        <source>vor %n Minute(n)</source>
        <translation>
            <numerusform>vor %n Minute</numerusform>
            <numerusform>vor %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>vor %n Stunde(n)</source>
        <translation>
            <numerusform>vor %n Stunde</numerusform>
            <numerusform>vor %n Stunden</numerusform>
        </translation>
    </message>
</context>
</TS>

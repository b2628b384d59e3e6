// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "planhints.h"

#include <QDateTime>
#include <QObject>
#include <QQmlEngine>
#include <QTimer>
#include <QVariantList>

/**
 * Every word the client shows for a key of the model or the protocol:
 * entity types, field names, choices (status, priority, themes, review
 * status), error codes and sync states. The model keeps keys; this is the
 * one place that turns them into German (or, translated, English).
 */
class Vocabulary : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    /**
     * The one clock every relative time is measured against ("vor 2 Minuten"): it ticks for all views at
     * once, so two places never disagree about the same moment.
     */
    Q_PROPERTY(QDateTime now READ now NOTIFY nowChanged)

public:
    explicit Vocabulary(QObject *parent = nullptr);

    [[nodiscard]] QDateTime now() const { return m_now; }

    /** "Maßnahme", "Ziel", … */
    Q_INVOKABLE static QString typeLabel(const QString &entityType);
    /** "Titel", "Beginn", … */
    Q_INVOKABLE static QString fieldLabel(const QString &field);
    /** The label of one choice of a field ("in_progress" → "in Umsetzung"); a theme key for "themes". */
    Q_INVOKABLE static QString choiceLabel(const QString &field, const QString &key);
    /**
     * A sentence for a history entry that has no value to show: creating,
     * deleting or restoring the entity ("delete" → "Eintrag gelöscht"), or
     * moving it in its list (field "position"). The op itself for any other change.
     */
    Q_INVOKABLE static QString changeSentence(const QString &op, const QString &field = {});
    /** [{key, label}] of an entity type's enum or themes field, in schema order. */
    Q_INVOKABLE static QVariantList choices(const QString &entityType, const QString &field);
    /** A field value as shown in lists: choices and themes by label, dates as dd.MM.yyyy, booleans as ja/nein. */
    Q_INVOKABLE static QString displayValue(const QString &entityType, const QString &field, const QString &value);
    // Input: what people type, in the model's form.
    /** "31.3.2026", "31.03.26" or "2026-03-31" → "2026-03-31"; empty if it is no date (or empty). */
    Q_INVOKABLE static QString parseDate(const QString &text);
    /** "1.500,50" (German) or "1500.50" → "1500.5"; empty if it is no number. */
    Q_INVOKABLE static QString parseNumber(const QString &text);
    /**
     * Why what was typed into a field cannot be kept, in words next to the field ("Diesen Tag gibt es
     * nicht."); empty if it can. The rules are FieldInput's (client core).
     */
    Q_INVOKABLE static QString inputProblem(const QString &entityType, const QString &field, const QString &text);
    static QString inputProblemText(FieldInput::Problem problem, int maxLength, int length);
    /** A plan hint (PlanHints) in words, shown at its field. */
    static QString hintText(const PlanHints::Hint &hint);
    /** A themes value (JSON array of keys) with key added or removed. */
    Q_INVOKABLE static QString withTheme(const QString &themes, const QString &key, bool on);
    /** True if the themes value holds key. */
    Q_INVOKABLE static bool hasTheme(const QString &themes, const QString &key);

    /** The synopsis figures the project compiles for every municipality, in their usual order. */
    [[nodiscard]] static QStringList synopsisKeys();
    /** "Einwohner", "Anteil 65 Jahre und älter", …; the key itself for a figure the project does not know. */
    Q_INVOKABLE static QString synopsisKeyLabel(const QString &key);

    /** A plain sentence for an error code, with what to do about it. */
    Q_INVOKABLE static QString errorText(const QString &code);
    /** The same for a sign-in that failed: nothing is waiting to be sent yet, the address may be wrong. */
    Q_INVOKABLE static QString signInErrorText(const QString &code);
    /** The name of a SyncStatus::State ("Offline", "Alles übertragen", …). */
    Q_INVOKABLE static QString syncStateLabel(int state);
    /** What a SyncStatus::State means for the user's work, in one or two sentences. */
    Q_INVOKABLE static QString syncStateExplanation(int state);
    /** A local date and time ("25.11.2026, 14:05"), or "noch nie" for an invalid one. */
    Q_INVOKABLE static QString dateTime(const QDateTime &when);
    /** Relative to now (pass Vocabulary.now from QML) where it helps: "vor 3 Minuten", else syncTime(). */
    Q_INVOKABLE static QString since(const QDateTime &when, const QDateTime &now);
    /** A sync time: local, with its zone ("25.11.2026, 14:05 Uhr CET"), as the PDF's stamp has it; "noch nie" if invalid. */
    Q_INVOKABLE static QString syncTime(const QDateTime &when);
    /**
     * A title in quotation marks: „title“ (English “title”), with quotation marks inside the title made
     * single (‚…‘), so „Aktion ‚Gute Arbeit vor Ort‘“ and never „Aktion „Gute Arbeit vor Ort““.
     */
    Q_INVOKABLE static QString quoted(const QString &title);

    /** A key sequence as the platform writes it in the language shown ("Ctrl+1" → "Strg+1" in German). */
    Q_INVOKABLE static QString shortcutText(const QString &sequence);

Q_SIGNALS:
    void nowChanged();

private:
    QDateTime m_now;
    QTimer m_tick;
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

/** The kinds of value a field holds. Validation, merging and storage follow from it. */
enum class FieldType {
    ShortText, ///< one line, last writer wins, concurrent edits conflict
    LongText, ///< free text, concurrent edits merged three-way where they touch different parts
    Enum, ///< one of FieldSpec::choices
    Date, ///< ISO 8601 calendar date, "2026-03-31"
    Number, ///< finite decimal number
    Bool, ///< "true" or "false"
    Reference, ///< id of another entity (FieldSpec::target, or any type when empty)
    Themes, ///< set of theme keys from FieldSpec::choices, stored as a sorted JSON array
    OrderKey, ///< fractional-index position among siblings (see OrderKey)
};

/** Who may write an entity or a field; the server enforces it per change. */
enum class Writer {
    PlanEditor, ///< staff of the municipality that owns the plan the entity belongs to
    Office, ///< the project office
    Author, ///< the account that created the entity (comments)
    ReviewWorkflow, ///< editors submit (draft/submitted), the office reviews (other states)
};

/** How concurrent writes of one field are reconciled. */
enum class ConflictPolicy {
    KeepBoth, ///< the HLC winner becomes the value, every other concurrent write an open conflict
    SilentLastWriter, ///< the HLC winner becomes the value; others stay in history only (positions)
};

struct FieldSpec
{
    QString name;
    FieldType type = FieldType::ShortText;
    QStringList choices; ///< Enum and Themes: the allowed keys
    QString target; ///< Reference: the referenced entity type; empty means any
    int maxLength = 0; ///< in UTF-16 code units; 0 means the type's default
    Writer writer = Writer::PlanEditor; ///< overrides the entity's writer when it differs
    bool overridesWriter = false;
    bool searchable = true; ///< text fields only: kept in the full-text index (not opaque data such as snapshots)
    /**
     * The value a new entity starts with when its creator gives none (PlanEditor applies it on create); the
     * create change carries it, so merge and the server never fill it in and every replica keeps the same.
     */
    QString defaultValue;

    [[nodiscard]] ConflictPolicy conflictPolicy() const
    {
        return type == FieldType::OrderKey ? ConflictPolicy::SilentLastWriter : ConflictPolicy::KeepBoth;
    }
    [[nodiscard]] bool isMergeableText() const { return type == FieldType::LongText; }
};

struct EntitySpec
{
    QString name; ///< wire name, e.g. "measure"
    QString table; ///< SQL table of the current state, e.g. "measures"
    QString parentField; ///< reference to the owning entity; empty for roots
    Writer writer = Writer::PlanEditor;
    QList<FieldSpec> fields;

    /** Index into fields, or -1. */
    [[nodiscard]] int fieldIndex(const QString &fieldName) const;
    [[nodiscard]] const FieldSpec *field(const QString &fieldName) const;
    [[nodiscard]] Writer writerOf(int fieldIndex) const;
};

/**
 * The one description of the domain model. Everything that differs per
 * entity type (validation, merge behaviour, SQL tables, authorisation) is
 * read from here instead of being written per entity.
 */
class Schema
{
public:
    /** Version of the model; part of the wire protocol and the stores. */
    static constexpr int modelVersion = 1;
    /** Size caps, in UTF-16 code units, documented in docs/merge.md. */
    static constexpr int shortTextMax = 500;
    static constexpr int longTextMax = 20000;
    /**
     * Cap of a submitted version's frozen plan (plan_version.snapshot), stored
     * compressed as base64: a plan of 300 measures with full texts takes about
     * a tenth of it, and a push of several versions stays below 8 MiB.
     */
    static constexpr int snapshotMax = 1000000;

    static const Schema &instance();

    [[nodiscard]] const QList<EntitySpec> &entities() const { return m_entities; }
    [[nodiscard]] const EntitySpec *entity(const QString &name) const;

    /**
     * Checks a value for a field and returns its canonical form (the form
     * stored, hashed and sent). An empty or null input means "unset" and
     * yields a null QString. Error codes: "invalid_value", "value_too_long".
     */
    [[nodiscard]] static Result<QString> normalize(const FieldSpec &field, const QString &value);

    /** The theme vocabulary (keys; the client translates them). */
    static const QStringList &themeKeys();

private:
    Schema();
    QList<EntitySpec> m_entities;
    QHash<QString, int> m_byName;
};

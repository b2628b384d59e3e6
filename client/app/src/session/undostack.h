// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>

/**
 * The desktop client's undo and redo: the last edits as steps that revert and reapply themselves. A new
 * edit clears what can be redone; at most maxSteps are kept.
 */
class UndoStack
{
public:
    static constexpr int maxSteps = 100;

    using Describe = std::function<QString()>;
    struct Step
    {
        /** What the step does, for the button's tooltip: made when asked, in the language of that moment. */
        Describe describe;
        std::function<Status()> revert;
        std::function<Status()> reapply; ///< redo; empty if the step cannot be redone
    };
    /** What undo() or redo() did: how it went and the step's description. */
    struct Outcome
    {
        Status status;
        QString description;
    };

    void push(Step step);
    /** Reverts the last step; nullopt if there is none. A reverted step that can be reapplied waits for redo(). */
    std::optional<Outcome> undo();
    /** Reapplies the step the last undo() reverted; nullopt if there is none. */
    std::optional<Outcome> redo();
    void clear();

    [[nodiscard]] bool canUndo() const { return !m_undo.isEmpty(); }
    [[nodiscard]] bool canRedo() const { return !m_redo.isEmpty(); }
    /** The last step was an undo that can be redone. */
    [[nodiscard]] bool redoNext() const { return m_redoNext && canRedo(); }
    [[nodiscard]] QString undoText() const;
    [[nodiscard]] QString redoText() const;

private:
    QList<Step> m_undo;
    QList<Step> m_redo;
    bool m_redoNext = false;
};

// SPDX-License-Identifier: GPL-3.0-or-later
#include "undostack.h"

void UndoStack::push(Step step)
{
    m_undo.append(std::move(step));
    if (m_undo.size() > maxSteps)
        m_undo.removeFirst();
    m_redo.clear(); // a new edit: what was undone before it cannot be redone on top of it
    m_redoNext = false;
}

std::optional<UndoStack::Outcome> UndoStack::undo()
{
    if (m_undo.isEmpty())
        return std::nullopt;
    const Step step = m_undo.takeLast();
    Outcome outcome { step.revert(), {} };
    const bool undone = bool(outcome.status);
    // Undoing an undo is a redo: the step waits on the redo stack.
    if (undone && step.reapply)
        m_redo.append(step);
    m_redoNext = undone && step.reapply;
    if (undone)
        outcome.description = step.describe();
    return outcome;
}

std::optional<UndoStack::Outcome> UndoStack::redo()
{
    if (m_redo.isEmpty())
        return std::nullopt;
    const Step step = m_redo.takeLast();
    Outcome outcome { step.reapply(), {} };
    if (outcome.status) {
        m_undo.append(step); // and it can be undone again
        outcome.description = step.describe();
    }
    m_redoNext = false;
    return outcome;
}

void UndoStack::clear()
{
    m_undo.clear();
    m_redo.clear();
    m_redoNext = false;
}

QString UndoStack::undoText() const
{
    return m_undo.isEmpty() ? QString() : m_undo.constLast().describe();
}

QString UndoStack::redoText() const
{
    return m_redo.isEmpty() ? QString() : m_redo.constLast().describe();
}

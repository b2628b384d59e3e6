// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>

#include <optional>

class ReplicaStore;

/** A comment on a plan as the review shows it: a note or a reply, with who wrote it. */
struct ReviewNote
{
    QString id;
    QString planId;
    QString kind; ///< "review" (the office's note) or "peer"
    QString target; ///< the entity commented on; empty: the plan as a whole
    QString replyTo; ///< the comment answered; empty for a note
    QString body;
    bool resolved = false;
    QString author; ///< the account that created it
    QString createdAt; ///< ISO 8601 UTC of its create stamp

    [[nodiscard]] QJsonObject toJson() const;
};

/** Review notes and the answers to them. */
class ReviewNotes
{
public:
    /** The plan's review notes and every reply to a note, oldest first. */
    static QList<ReviewNote> ofPlan(ReplicaStore &store, const QString &planId);
    /**
     * The office's latest note on the plan as a whole (LocalReplica::review writes one with a review
     * status), which the municipality sees next to the status; nullopt if there is none.
     */
    static std::optional<ReviewNote> latestOnPlan(ReplicaStore &store, const QString &planId);
};

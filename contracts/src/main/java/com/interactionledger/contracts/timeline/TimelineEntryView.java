package com.interactionledger.contracts.timeline;

import com.interactionledger.contracts.common.ParticipantRole;

import java.time.Instant;
import java.util.Map;

/**
 * One fact in a session's dialogue, in the order the ledger recorded it.
 *
 * @param sequence  the event's sequence number within its session
 * @param position  the event's global position in the ledger
 * @param kind      what happened (MESSAGE, INTENT, HANDOFF, ...), see {@link TimelineEntryKind}
 * @param actorRole who acted: the author of a message, or the role that performed a step
 * @param text      message text, survey comment or handoff summary, where there is one
 * @param details   the remaining fields of the event (intent label and model, transfer target...)
 */
public record TimelineEntryView(
        long sequence,
        long position,
        Instant occurredAt,
        TimelineEntryKind kind,
        ParticipantRole actorRole,
        String actorId,
        String text,
        Map<String, Object> details
) {
}

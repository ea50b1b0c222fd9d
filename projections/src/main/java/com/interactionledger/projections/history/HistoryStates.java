package com.interactionledger.projections.history;

import com.interactionledger.contracts.complaint.ComplaintEvent;
import com.interactionledger.contracts.complaint.ComplaintState;
import com.interactionledger.contracts.dialogue.DialogueEvent;
import com.interactionledger.contracts.dialogue.SessionStarted;
import com.interactionledger.contracts.dialogue.SessionState;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Folds the sessions and complaints of a history through their state machines (the contracts' own
 * {@code SessionState.after} and {@code ComplaintState.after}), in the order the events come; each in the order
 * it first appears.
 */
public final class HistoryStates {

    private static final String DIALOGUE = "com.interactionledger.contracts.dialogue.";
    private static final String COMPLAINT = "com.interactionledger.contracts.complaint.";

    private final Map<String, StreamState> sessions = new LinkedHashMap<>();
    private final Map<String, StreamState> complaints = new LinkedHashMap<>();
    private final SortedSet<String> upcastersApplied = new TreeSet<>();

    public void apply(HistoryEvent event) {
        if (event.payloadType().startsWith(DIALOGUE)) {
            DialogueEvent dialogue = typed(event, DialogueEvent.class);
            StreamState before = sessions.get(event.stream());
            SessionState state = before == null
                    ? (dialogue instanceof SessionStarted started ? SessionState.initial(started) : null)
                    : SessionState.valueOf(before.state()).after(dialogue);
            if (state == null) {
                throw new IllegalStateException("session " + event.stream() + " does not start with SessionStarted"
                        + " at position " + event.position());
            }
            sessions.put(event.stream(), next(before, event, state.name()));
        } else if (event.payloadType().startsWith(COMPLAINT)) {
            ComplaintEvent complaint = typed(event, ComplaintEvent.class);
            StreamState before = complaints.get(event.stream());
            ComplaintState state = (before == null ? ComplaintState.RECEIVED
                    : ComplaintState.valueOf(before.state())).after(complaint);
            complaints.put(event.stream(), next(before, event, state.name()));
        }
    }

    public List<StreamState> sessions() {
        return List.copyOf(sessions.values());
    }

    public List<StreamState> complaints() {
        return List.copyOf(complaints.values());
    }

    /** The revisions the states were read through upcasters from, e.g. {@code MessageRecorded 1 -> 2}. */
    public SortedSet<String> upcastersApplied() {
        return new TreeSet<>(upcastersApplied);
    }

    private static StreamState next(StreamState before, HistoryEvent event, String state) {
        return new StreamState(event.stream(), state, before == null ? 1 : before.events() + 1, event.position(),
                event.recordedAt());
    }

    /** The event in its current shape: read through the ledger's upcasters, as aggregates and projections read it. */
    private <T> T typed(HistoryEvent event, Class<T> kind) {
        LedgerEvents.Read read;
        try {
            // States are folded from the events' kinds and ids, never from personal fields: those can stay sealed.
            read = LedgerEvents.SEALED.read(event);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot read the " + event.type() + " at position " + event.position(), e);
        }
        if (!Objects.equals(read.revision(), event.revision())) {
            upcastersApplied.add(event.type() + " " + event.revision() + " -> " + read.revision());
        }
        if (!kind.isInstance(read.payload())) {
            throw new IllegalStateException("the " + event.type() + " at position " + event.position() + " is not a "
                    + kind.getSimpleName());
        }
        return kind.cast(read.payload());
    }
}

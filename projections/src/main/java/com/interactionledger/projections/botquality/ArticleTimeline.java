package com.interactionledger.projections.botquality;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One knowledge article's versions as a timeline (docs/BOT-ANSWERS.md): the instant from which each version is in
 * force (versions take effect in the order of their numbers, which the command side enforces) and the article's
 * withdrawal. The one place that says whether a quoted version was in force at an instant: the bot-quality figures
 * and the regulator's history both ask it.
 */
public final class ArticleTimeline {

    /** What a quoted version was when an answer quoted it. */
    public enum Status {
        /** The version in force then. */
        IN_FORCE,
        /** A later version was in force then. */
        SUPERSEDED,
        /** The article had been withdrawn by then. */
        WITHDRAWN,
        /** The quoted version took effect only later. */
        NOT_YET_IN_FORCE,
        /** The ledger has not been told of that version. */
        UNKNOWN;

        /** Whether the answer quoted a version no longer in force. */
        public boolean stale() {
            return this == SUPERSEDED || this == WITHDRAWN;
        }
    }

    private final TreeMap<Integer, Instant> inForceFrom = new TreeMap<>();
    private final Map<Integer, String> titles = new HashMap<>();
    private Instant withdrawnFrom;

    public void version(int version, Instant effectiveFrom, String title) {
        inForceFrom.put(version, effectiveFrom);
        titles.put(version, title);
    }

    public void withdrawn(Instant effectiveFrom) {
        withdrawnFrom = effectiveFrom;
    }

    public Status status(int version, Instant at) {
        Instant from = inForceFrom.get(version);
        if (from == null) {
            return Status.UNKNOWN;
        } else if (from.isAfter(at)) {
            return Status.NOT_YET_IN_FORCE;
        } else if (withdrawnFrom != null && !withdrawnFrom.isAfter(at)) {
            return Status.WITHDRAWN;
        }
        Map.Entry<Integer, Instant> next = inForceFrom.higherEntry(version);
        return next != null && !next.getValue().isAfter(at) ? Status.SUPERSEDED : Status.IN_FORCE;
    }

    /** The version in force at {@code at}; null when none was (not yet published, or withdrawn). */
    public Integer inForceAt(Instant at) {
        if (withdrawnFrom != null && !withdrawnFrom.isAfter(at)) {
            return null;
        }
        Integer inForce = null;
        for (Map.Entry<Integer, Instant> version : inForceFrom.entrySet()) {
            if (!version.getValue().isAfter(at)) {
                inForce = version.getKey();
            }
        }
        return inForce;
    }

    public Instant inForceFrom(int version) {
        return inForceFrom.get(version);
    }

    public String title(int version) {
        return titles.get(version);
    }

    /**
     * When a stale version stopped being in force: the next version's effective time, or else the withdrawal's
     * (whichever came first); null for a version that was not stale at {@code at}.
     */
    public Instant endedBefore(int version, Instant at) {
        if (!status(version, at).stale()) {
            return null;
        }
        Map.Entry<Integer, Instant> next = inForceFrom.higherEntry(version);
        Instant superseded = next == null || next.getValue().isAfter(at) ? null : next.getValue();
        return superseded == null || withdrawnFrom != null && withdrawnFrom.isBefore(superseded)
                ? withdrawnFrom : superseded;
    }
}

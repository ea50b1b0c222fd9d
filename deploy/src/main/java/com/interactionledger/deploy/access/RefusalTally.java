package com.interactionledger.deploy.access;

import com.interactionledger.contracts.audit.RequestsRefused;
import com.interactionledger.contracts.common.ErrorCode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Refused requests counted per minute, caller, endpoint and code until their minute is recorded. Bounded: once it
 * holds {@code maxTallies} counts, a refusal of a caller and endpoint it has not seen this minute is counted under
 * {@link #OVERFLOW} (no caller, per code) — a flood of distinct callers costs a fixed amount of memory and still
 * shows on the trail as a number.
 */
final class RefusalTally {

    /** The endpoint of the counts that did not fit. */
    static final String OVERFLOW = "(other callers and endpoints)";
    static final int MAX_REASON = 1000;

    private record Key(Instant minute, String actorId, String actorRole, String endpoint, ErrorCode code) {
    }

    private static final class Count {
        long count;
        Instant first;
        Instant last;
        String reason;

        void add(long more, Instant firstAt, Instant lastAt, String why) {
            if (reason == null) {
                reason = why;
            }
            count += more;
            first = first == null || firstAt.isBefore(first) ? firstAt : first;
            last = last == null || lastAt.isAfter(last) ? lastAt : last;
        }
    }

    private final int maxTallies;
    private final Map<Key, Count> counts = new HashMap<>();

    RefusalTally(int maxTallies) {
        if (maxTallies < 1) {
            throw new IllegalArgumentException("ledger.access.refusal-audit.max-tallies must be at least 1");
        }
        this.maxTallies = maxTallies;
    }

    synchronized boolean isEmpty() {
        return counts.isEmpty();
    }

    synchronized void count(Instant at, String actorId, String actorRole, String endpoint, ErrorCode code,
                            String reason) {
        add(new Key(at.truncatedTo(ChronoUnit.MINUTES), actorId, actorRole, endpoint, code), 1, at, at, reason);
    }

    /**
     * Takes out the counts of every minute that has closed by {@code now} — or of every minute, when the service
     * stops — in order of minute and first refusal.
     */
    synchronized List<RequestsRefused> take(Instant now, boolean all, Instant recordedAt) {
        Instant open = now.truncatedTo(ChronoUnit.MINUTES);
        List<RequestsRefused> taken = new ArrayList<>();
        for (Iterator<Map.Entry<Key, Count>> it = counts.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Count> entry = it.next();
            Key key = entry.getKey();
            if (all || key.minute().isBefore(open)) {
                Count count = entry.getValue();
                taken.add(new RequestsRefused(key.actorId(), key.actorRole(), key.endpoint(), key.code(),
                        count.reason, key.minute(), count.count, count.first, count.last, recordedAt));
                it.remove();
            }
        }
        taken.sort(Comparator.comparing(RequestsRefused::minute).thenComparing(RequestsRefused::firstAt)
                .thenComparing(RequestsRefused::endpoint));
        return taken;
    }

    /** Puts back counts that could not be recorded, to be tried again with the next ones. */
    synchronized void putBack(List<RequestsRefused> unrecorded) {
        for (RequestsRefused refused : unrecorded) {
            add(new Key(refused.minute(), refused.actorId(), refused.actorRole(), refused.endpoint(),
                    refused.errorCode()), refused.count(), refused.firstAt(), refused.lastAt(), refused.reason());
        }
    }

    private void add(Key key, long more, Instant firstAt, Instant lastAt, String reason) {
        if (!counts.containsKey(key) && counts.size() >= maxTallies) {
            key = new Key(key.minute(), null, null, OVERFLOW, key.code());
        }
        String why = reason != null && reason.length() > MAX_REASON
                ? reason.substring(0, MAX_REASON - 1) + "…" : reason;
        counts.computeIfAbsent(key, k -> new Count()).add(more, firstAt, lastAt, why);
    }
}

package com.interactionledger.projections.freshness;

import com.interactionledger.contracts.common.Freshness;
import com.interactionledger.projections.distribution.FeedProgress;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a read model stands against the event store. A read model has applied every event up to the lowest
 * position among its processor's segments (each segment walks the whole stream, handling its share).
 * <p>
 * A segment's position comes from one of two sources. For the segments this instance processes, the processor's
 * live status knows the position as soon as a batch is applied (or found to hold nothing for the segment). For the
 * others the token table holds it; the table alone would not do for all, since a segment that meets no event of its
 * share stores its token only when it extends its claim (every few seconds), which would make an idle read model
 * look seconds behind. In distributed mode the read models are fed from Kafka and {@link FeedProgress}
 * says how far they are.
 */
@Component
public class ReadModelFreshness {

    static final Duration TOKENS_READ_EVERY = Duration.ofSeconds(1);

    /**
     * What answers read from the ledger itself (the regulator's history, the read models' statuses) name as their
     * source: they are as fresh as the ledger's head at the moment of the read, with no lag.
     */
    public static final String LEDGER = "ledger";

    private final JdbcTemplate jdbc;
    private final Serializer tokens;
    private final EventProcessingConfiguration processing;
    private final FeedProgress feed;
    private final Map<String, StoredTokens> storedTokens = new ConcurrentHashMap<>();

    public ReadModelFreshness(JdbcTemplate jdbc, Serializer serializer, EventProcessingConfiguration processing,
                              ObjectProvider<FeedProgress> feed) {
        this.jdbc = jdbc;
        this.tokens = serializer;
        this.processing = processing;
        this.feed = feed.getIfAvailable();
    }

    public Freshness of(String readModel) {
        long position = appliedPosition(readModel);
        // One round trip: the head's position, and the recorded times of the head and of the read model's position.
        Map<Long, Instant> recorded = new HashMap<>();
        jdbc.query("SELECT globalindex, timestamp FROM domainevententry"
                        + " WHERE globalindex IN (?, (SELECT MAX(globalindex) FROM domainevententry))",
                rs -> {
                    recorded.put(rs.getLong(1), Instant.parse(rs.getString(2)));
                }, position);
        long headPosition = recorded.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        Instant positionAt = recorded.get(position);
        Instant headAt = recorded.get(headPosition);
        long lagEvents = Math.max(0, headPosition - position);
        double lagSeconds = lagEvents == 0 || positionAt == null || headAt == null ? 0
                : Math.max(0, Duration.between(positionAt, headAt).toMillis() / 1000.0);
        return new Freshness(readModel, position, positionAt, headPosition, headAt, lagEvents, lagSeconds);
    }

    /** The ledger's own freshness: its head and when the head was recorded, no lag (an empty ledger: position 0). */
    public Freshness ofLedger() {
        Freshness[] head = {new Freshness(LEDGER, 0, null, 0, null, 0, 0)};
        jdbc.query("SELECT globalindex, timestamp FROM domainevententry"
                + " WHERE globalindex = (SELECT MAX(globalindex) FROM domainevententry)", rs -> {
                    Instant at = Instant.parse(rs.getString(2));
                    head[0] = new Freshness(LEDGER, rs.getLong(1), at, rs.getLong(1), at, 0, 0);
                });
        return head[0];
    }

    /** The position of the newest event in the store (0 when it holds none): no read model can get past it. */
    public long headPosition() {
        Long head = jdbc.queryForObject("SELECT MAX(globalindex) FROM domainevententry", Long.class);
        return head == null ? 0 : head;
    }

    /**
     * Waits, polling, until the read model has applied {@code position}, or {@code timeout} of real time passes
     * (measured on the JVM's monotonic clock: a wait is an operational matter, not business time).
     *
     * @return the freshness reached; check {@link Freshness#position()} against what was asked
     */
    public Freshness await(String readModel, long position, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Freshness freshness = of(readModel);
        while (freshness.position() < position && System.nanoTime() < deadline) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return freshness;
            }
            freshness = of(readModel);
        }
        return freshness;
    }

    private long appliedPosition(String readModel) {
        if (feed != null) {
            // Distributed mode: every read model is fed by the same consumer group in one transaction per poll.
            return feed.appliedPosition();
        }
        // A segment processed here is where its live status says: its stored token may lag by seconds.
        Map<Integer, Long> live = new HashMap<>();
        processing.eventProcessor(readModel, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::processingStatus).orElse(Map.of())
                .forEach((segment, status) -> status.getCurrentPosition()
                        .ifPresent(position -> live.put(segment, position)));
        Map<Integer, Long> positions = new HashMap<>(storedTokens.computeIfAbsent(readModel, StoredTokens::new)
                .positions(live.keySet()));
        positions.putAll(live);
        return positions.values().stream().mapToLong(Long::longValue).min().orElse(0);
    }

    /**
     * A processor's segments as its stored tokens place them. Every read of a read model asks for its freshness, and
     * reading and deserialising the tokens each time would cost more than the read; so when this instance processes
     * every segment the table named when last read, the table is read again only every {@link #TOKENS_READ_EVERY}
     * (to learn of segments split off elsewhere). Otherwise — segments processed by another instance, or not claimed
     * yet, as just after a reset — it is read on every look, as the only source there is.
     */
    private final class StoredTokens {
        private final String processor;
        private Map<Integer, Long> positions = Map.of();
        private long readAt;
        private boolean read;

        StoredTokens(String processor) {
            this.processor = processor;
        }

        synchronized Map<Integer, Long> positions(Set<Integer> processedHere) {
            long now = System.nanoTime();
            if (read && processedHere.containsAll(positions.keySet())
                    && now - readAt < TOKENS_READ_EVERY.toNanos()) {
                return positions;
            }
            Map<Integer, Long> fresh = new HashMap<>();
            jdbc.query("SELECT segment, token, tokentype FROM tokenentry WHERE processorname = ?", rs -> {
                byte[] token = rs.getBytes(2);
                String type = rs.getString(3);
                long position = 0;
                if (token != null && type != null) {
                    TrackingToken tracking = tokens.deserialize(
                            new SimpleSerializedObject<>(token, byte[].class, type, null));
                    position = tracking.position().orElse(0);
                }
                fresh.put(rs.getInt(1), position);
            }, processor);
            positions = fresh;
            readAt = now;
            read = true;
            return positions;
        }
    }
}

package com.interactionledger.projections.status;

import com.interactionledger.contracts.common.Freshness;
import com.interactionledger.projections.analytics.ServiceAnalyticsProjection;
import com.interactionledger.projections.botquality.BotQualityProjection;
import com.interactionledger.projections.audit.AuditProjection;
import com.interactionledger.projections.complaints.ComplaintsProjection;
import com.interactionledger.projections.distribution.LedgerEventFeed;
import com.interactionledger.projections.freshness.ReadModelFreshness;
import com.interactionledger.projections.privacy.PrivacyProjection;
import com.interactionledger.projections.risk.RiskWarningsProjection;
import com.interactionledger.projections.support.CustomerReplay;
import com.interactionledger.projections.timeline.TimelineProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Lag and replay status of every event processor of this instance, and the rebuild of a read model by name:
 * reset its tokens (its reset handler clears its tables) and let it replay the ledger from the start.
 */
@Component
public class ProjectionStatuses {

    /** The read models, the processors that may be rebuilt (a command-side processor's effects are not rows). */
    public static final List<String> READ_MODELS = List.of(TimelineProjection.PROCESSING_GROUP,
            ComplaintsProjection.PROCESSING_GROUP, RiskWarningsProjection.PROCESSING_GROUP,
            AuditProjection.PROCESSING_GROUP, ServiceAnalyticsProjection.PROCESSING_GROUP,
            PrivacyProjection.PROCESSING_GROUP, BotQualityProjection.PROCESSING_GROUP);

    private final EventProcessingConfiguration processing;
    private final ReadModelFreshness freshness;
    private final JdbcTemplate jdbc;
    private final CustomerReplay replay;
    private final TransactionTemplate transaction;
    /** The token store's claim timeout: a claim not renewed for this long is abandoned. */
    private final Duration claimTimeout;
    /** The feed from Kafka, in distributed mode; null otherwise. */
    private final LedgerEventFeed feed;

    public ProjectionStatuses(EventProcessingConfiguration processing, ReadModelFreshness freshness, JdbcTemplate jdbc,
                              TokenStoreProperties tokenStore, CustomerReplay replay,
                              PlatformTransactionManager transactions, ObjectProvider<LedgerEventFeed> feed) {
        this.processing = processing;
        this.freshness = freshness;
        this.jdbc = jdbc;
        this.replay = replay;
        this.transaction = new TransactionTemplate(transactions);
        this.claimTimeout = tokenStore.getClaimTimeout();
        this.feed = feed.getIfAvailable();
    }

    /**
     * Every streaming processor of this instance and every read model, by name. (In distributed mode a read model's
     * processor is a subscribing one, fed from Kafka: it is listed, with the feed's freshness.)
     */
    public List<ProjectionStatus> all() {
        Map<String, EventProcessor> processors = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (listed(name, processor)) {
                processors.put(name, processor);
            }
        });
        return processors.entrySet().stream().map(entry -> status(entry.getKey(), entry.getValue())).toList();
    }

    public Optional<ProjectionStatus> of(String name) {
        return processing.eventProcessor(name).filter(processor -> listed(name, processor))
                .map(processor -> status(name, processor));
    }

    private static boolean listed(String name, EventProcessor processor) {
        return processor instanceof StreamingEventProcessor || READ_MODELS.contains(name);
    }

    /**
     * Resets a read model and starts its replay, which goes on in the background ({@link #of} follows it).
     *
     * @throws IllegalArgumentException when {@code name} is not a read model of this instance
     * @throws IllegalStateException    when the reset is refused (another instance holds some of its segments)
     */
    public ProjectionStatus rebuild(String name) {
        // Axon clears the read model (its reset handler) before it stores the replay tokens, and only the storing
        // fails when another instance holds a segment: so whilePaused looks first, or the rows would be gone with
        // nobody to rebuild them.
        StreamingEventProcessor restarted = whilePaused(name, "reset " + name, processor -> {
            try {
                processor.resetTokens();
            } catch (IllegalStateException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new IllegalStateException("could not reset " + name + ": " + e.getMessage()
                        + " (stop it on every other instance first)", e);
            }
            return processor;
        });
        return status(name, restarted);
    }

    /**
     * Rebuilds one customer's rows of a read model from that customer's events alone: with the read model paused on
     * this instance, in one transaction, it forgets the rows and applies the customer's events (read through the
     * customer index and the upcasters, in global order, at their positions) to the read model's own handlers. The
     * handlers are idempotent and deterministic, so the rows come back as a full rebuild would make them; events
     * recorded meanwhile are applied when the read model resumes from its token.
     *
     * @return the number of the customer's events applied
     */
    public long rebuildCustomer(String name, String customerId) {
        return whilePaused(name, "rebuild " + name + " for " + customerId, processor -> {
            Long applied = transaction.execute(status -> replay.replay(name, customerId, null));
            return applied == null ? 0L : applied;
        });
    }

    /**
     * Runs {@code work} with the read model's processor shut down on this instance, refused when another instance
     * still holds a segment; the processor starts again whatever happens.
     */
    private <T> T whilePaused(String name, String what, Function<StreamingEventProcessor, T> work) {
        if (!READ_MODELS.contains(name)) {
            throw new IllegalArgumentException(name + " is not a read model; read models: " + READ_MODELS);
        }
        EventProcessor running = processing.eventProcessor(name)
                .orElseThrow(() -> new IllegalArgumentException(name + " does not run on this instance"));
        if (!(running instanceof StreamingEventProcessor processor)) {
            throw new IllegalStateException(name + " is fed from Kafka on this instance (distributed mode), where"
                    + " read models cannot be rebuilt yet");
        }
        processor.shutDown();
        try {
            List<String> holders = liveClaims(name);
            if (!holders.isEmpty()) {
                throw new IllegalStateException("could not " + what + ": segments are held by " + holders
                        + " (stop it on every other instance first)");
            }
            return work.apply(processor);
        } finally {
            processor.start();
        }
    }

    /**
     * Owners of the processor's segments whose claim is still live (renewed within the claim timeout); this
     * instance released its own when it shut the processor down. A wall-clock comparison: an operational check,
     * not part of any read model.
     */
    private List<String> liveClaims(String name) {
        Instant expired = Instant.now().minus(claimTimeout);
        return jdbc.query("SELECT owner, timestamp FROM tokenentry WHERE processorname = ? AND owner IS NOT NULL",
                        (rs, row) -> Instant.parse(rs.getString(2)).isAfter(expired) ? rs.getString(1) : null, name)
                .stream().filter(Objects::nonNull).distinct().toList();
    }

    private ProjectionStatus status(String name, EventProcessor processor) {
        Freshness reached = freshness.of(name);
        long[] counts = jdbc.queryForObject("SELECT COALESCE(SUM(CASE WHEN globalindex <= ? THEN 1 ELSE 0 END), 0),"
                        + " COUNT(*) FROM domainevententry WHERE globalindex <= ?",
                (rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}, reached.position(), reached.headPosition());
        Long parked = jdbc.queryForObject("SELECT COUNT(*) FROM deadletterentry WHERE processinggroup = ?",
                Long.class, name);
        boolean running = processor.isRunning();
        boolean error = processor.isError();
        boolean replaying = false;
        if (processor instanceof StreamingEventProcessor streaming) {
            replaying = streaming.isReplaying();
        } else if (feed != null) {
            // fed from Kafka: the feed is what runs, or fails and retries, for every read model
            running = running && feed.isRunning();
            error = feed.failing();
        }
        return new ProjectionStatus(name, READ_MODELS.contains(name), running, error, replaying, reached.position(),
                reached.headPosition(), reached.lagEvents(), reached.lagSeconds(), counts[0], counts[1],
                parked == null ? 0 : parked);
    }
}

package com.interactionledger.command.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

/**
 * Deletes the idempotency outcomes older than {@code ledger.idempotency.retention} (default 7 days), every
 * {@code ledger.idempotency.purge-interval} (default 1 hour). After that a retry with the key is a new command: a
 * client retries within minutes, and keeping every key forever would make the table, and the look-up every keyed
 * command makes, grow with the ledger.
 *
 * <p>Outcomes are operational records, not evidence: the events they point to stay in the ledger, and the table is
 * not append-only (unlike the events, links, digests and customer index, which PostgreSQL's triggers guard). "Older"
 * is by the time the command arrived, on the same injected clock that dated it ({@code recorded_at}). It deletes
 * {@code ledger.idempotency.purge-batch} rows a statement, oldest first, each statement its own short transaction, so
 * a large backlog never holds many locks or a long transaction beside the append path; concurrent purges on several
 * command-side instances only ever delete the same old rows.
 */
@Component
public class IdempotencyPurge {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyPurge.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration retention;
    private final int batch;

    @Autowired
    public IdempotencyPurge(JdbcTemplate jdbc, Clock clock,
                            @Value("${ledger.idempotency.retention:P7D}") Duration retention,
                            @Value("${ledger.idempotency.purge-batch:1000}") int batch) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("ledger.idempotency.retention must be positive, got " + retention);
        }
        if (batch < 1) {
            throw new IllegalArgumentException("ledger.idempotency.purge-batch must be at least 1, got " + batch);
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
        this.batch = batch;
    }

    /** Deletes every outcome recorded before the retention's start, a batch at a time; returns how many. */
    @Scheduled(fixedDelayString = "${ledger.idempotency.purge-interval:PT1H}",
            initialDelayString = "${ledger.idempotency.purge-initial-delay:PT5M}")
    public int purge() {
        Timestamp before = Timestamp.from(clock.instant().minus(retention));
        int purged = 0;
        int deleted;
        do {
            // PostgreSQL has no DELETE ... LIMIT: a row-value IN over a bounded subquery is bounded on both databases
            // (the subquery walks the recorded_at index, the delete the primary key).
            deleted = jdbc.update("DELETE FROM command_idempotency WHERE (actor_id, idempotency_key) IN"
                    + " (SELECT actor_id, idempotency_key FROM command_idempotency WHERE recorded_at < ?"
                    + " ORDER BY recorded_at LIMIT ?)", before, batch);
            purged += deleted;
        } while (deleted == batch);
        if (purged > 0) {
            log.info("purged {} idempotency outcomes recorded before {}", purged, before.toInstant());
        }
        return purged;
    }
}

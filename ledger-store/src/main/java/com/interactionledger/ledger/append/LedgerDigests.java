package com.interactionledger.ledger.append;

import com.interactionledger.ledger.stored.LedgerDigest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Records a digest of the hash chain (its head position and hash, and how many events it links) every
 * {@code ledger.chain.digest-interval} (15 minutes) when the ledger has grown since the last one. Regulators export
 * the digests and keep them ({@code ReplayCli digests}); {@code ReplayCli verify --digests} then proves the chain
 * still passes through every one, which a chain rewritten and re-hashed from some event onwards cannot. The command
 * side declares it (it records on a schedule, on the instances that take commands).
 */
public class LedgerDigests {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public LedgerDigests(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the digest of the chain's head, unless there is nothing new; returns it. */
    @Scheduled(fixedDelayString = "${ledger.chain.digest-interval:PT15M}",
            initialDelayString = "${ledger.chain.digest-initial-delay:PT1M}")
    @Transactional
    public Optional<LedgerDigest> record() {
        // The committed head, read without its lock: appends in flight are simply in the next digest.
        LedgerChain.Head head = jdbc.queryForObject("SELECT globalindex, chain_hash FROM ledger_chain_head WHERE id = 1",
                (rs, row) -> new LedgerChain.Head(rs.getLong(1), rs.getString(2)));
        List<LedgerDigest> last = jdbc.query("SELECT globalindex, chain_hash, events FROM ledger_digest"
                        + " ORDER BY globalindex DESC LIMIT 1",
                (rs, row) -> new LedgerDigest(rs.getLong(1), rs.getString(2), rs.getLong(3), null));
        long since = last.isEmpty() ? 0 : last.get(0).position();
        if (head.globalIndex() <= since) {
            return Optional.empty();
        }
        // Counted from the last digest on, so a digest costs the same however long the ledger is.
        Long added = jdbc.queryForObject("SELECT COUNT(*) FROM ledger_chain WHERE globalindex > ? AND globalindex <= ?",
                Long.class, since, head.globalIndex());
        Instant now = clock.instant();
        LedgerDigest digest = new LedgerDigest(head.globalIndex(), head.chainHash(),
                (last.isEmpty() ? 0 : last.get(0).events()) + (added == null ? 0 : added), now);
        jdbc.update("INSERT INTO ledger_digest (globalindex, chain_hash, events, recorded_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING", digest.position(), digest.chainHash(), digest.events(),
                now.atOffset(ZoneOffset.UTC));
        return Optional.of(digest);
    }
}

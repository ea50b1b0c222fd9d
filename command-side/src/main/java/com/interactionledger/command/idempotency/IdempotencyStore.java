package com.interactionledger.command.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.interactionledger.ledger.append.AppendHook;
import com.interactionledger.ledger.append.CommandOutcome;
import com.interactionledger.ledger.append.CommandReceipt;
import com.interactionledger.ledger.append.StoredAppend;
import com.interactionledger.contracts.common.LedgerSerialization;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Idempotency keys and the outcome of the command that first used each. A key is the key of one actor (the verified
 * token's): the same key from two actors names two independent commands, so no caller can block another's retries
 * by using its key first. Written by the append path in the transaction that stores the command's events
 * ({@link AppendHook}), so a key is recorded exactly when its command's events are; kept for
 * {@code ledger.idempotency.retention} and then deleted ({@link IdempotencyPurge}).
 */
public class IdempotencyStore implements AppendHook {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = LedgerSerialization.objectMapper();

    public IdempotencyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A key already used: by which request (its hash) and with what outcome. */
    public record Recorded(String requestHash, CommandOutcome outcome) {
    }

    /** The key as this actor used it, if it did (and its outcome has not been purged). */
    public Optional<Recorded> find(String actorId, String key) {
        return jdbc.query("SELECT request_hash, outcome FROM command_idempotency WHERE actor_id = ?"
                        + " AND idempotency_key = ?",
                (rs, row) -> new Recorded(rs.getString(1), read(rs.getString(2))), actorId, key).stream().findFirst();
    }

    /**
     * Records the keys of the commands just stored, with their outcomes, in the transaction that stores their events
     * (the append path's hook). A key a concurrent request of the same actor stored first fails the append: the
     * request that lost is answered from the winner's outcome.
     *
     * @throws IdempotencyKeyInFlightException when another request stored the key first
     */
    @Override
    public void stored(List<StoredAppend> appends, JdbcTemplate transaction) {
        List<Object[]> rows = new ArrayList<>();
        for (StoredAppend append : appends) {
            CommandReceipt receipt = append.receipt();
            if (receipt != null) {
                rows.add(new Object[] {receipt.actorId(), receipt.idempotencyKey(), receipt.requestHash(),
                        receipt.commandType(), write(CommandOutcome.of(receipt.targetId(), append.appended())),
                        Timestamp.from(receipt.recordedAt())});
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        try {
            transaction.batchUpdate("INSERT INTO command_idempotency (actor_id, idempotency_key, request_hash,"
                    + " command_type, outcome, recorded_at) VALUES (?, ?, ?, ?, ?, ?)", rows, rows.size(),
                    (insert, row) -> {
                        insert.setString(1, (String) row[0]);
                        insert.setString(2, (String) row[1]);
                        insert.setString(3, (String) row[2]);
                        insert.setString(4, (String) row[3]);
                        insert.setString(5, (String) row[4]);
                        insert.setTimestamp(6, (Timestamp) row[5]);
                    });
        } catch (DuplicateKeyException e) {
            // Alone in its batch (the append path retries a failed batch append by append), the key is this one's.
            throw new IdempotencyKeyInFlightException((String) rows.get(0)[1]);
        }
    }

    private String write(CommandOutcome outcome) {
        try {
            return json.writeValueAsString(outcome);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize command outcome", e);
        }
    }

    private CommandOutcome read(String stored) {
        try {
            return json.readValue(stored, CommandOutcome.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored command outcome is unreadable", e);
        }
    }
}

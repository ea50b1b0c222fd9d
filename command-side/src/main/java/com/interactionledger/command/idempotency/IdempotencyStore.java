package com.interactionledger.command.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.interactionledger.command.ledger.CommandOutcome;
import com.interactionledger.contracts.common.LedgerSerialization;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Idempotency keys and the outcome of the command that first used each. All writes run inside the command's own
 * transaction (the JdbcTemplate joins it), so a key is never recorded for a command whose events were not.
 */
public class IdempotencyStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = LedgerSerialization.objectMapper();

    public IdempotencyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A key already used: by which request (its hash) and with what outcome. */
    public record Recorded(String requestHash, CommandOutcome outcome) {
    }

    public Optional<Recorded> find(String key) {
        return jdbc.query("SELECT request_hash, outcome FROM command_idempotency WHERE idempotency_key = ?",
                (rs, row) -> new Recorded(rs.getString(1), read(rs.getString(2))), key).stream().findFirst();
    }

    /**
     * Claims the key before the command runs. A concurrent request with the same key blocks on the primary key
     * until this transaction ends, then fails here, before it has appended anything.
     *
     * @throws IdempotencyKeyInFlightException when another request committed the key first
     */
    void claim(String key, String requestHash, String commandType, Instant at) {
        try {
            jdbc.update("INSERT INTO command_idempotency (idempotency_key, request_hash, command_type, recorded_at)"
                    + " VALUES (?, ?, ?, ?)", key, requestHash, commandType, Timestamp.from(at));
        } catch (DuplicateKeyException e) {
            throw new IdempotencyKeyInFlightException(key);
        }
    }

    void complete(String key, CommandOutcome outcome) {
        jdbc.update("UPDATE command_idempotency SET outcome = ? WHERE idempotency_key = ?", write(outcome), key);
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

package com.interactionledger.deploy;

import com.interactionledger.deploy.LedgerMigrations.Database;
import com.interactionledger.deploy.LedgerMigrations.Vendor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration 13 scopes the idempotency keys recorded before it by actor: each gets the actor its first event's
 * metadata names, so a retry sent across the upgrade is still answered from its outcome, on PostgreSQL and on H2
 * (each has its own SQL for it). A key whose actor cannot be told (none is expected) matches nobody's.
 */
class IdempotencyKeysMigrationTest {

    private static final String OUTCOME = "{\"id\":\"before-13\",\"version\":0,\"position\":1,\"events\":"
            + "[{\"eventId\":\"ev-before-13\",\"type\":\"SessionStarted\",\"aggregateId\":\"before-13\","
            + "\"sequenceNumber\":0,\"position\":1}]}";

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void theKeysRecordedBeforeBelongToTheActorTheirEventsName(Vendor vendor) {
        Database database = LedgerMigrations.migratedTo("12", vendor, "idem-keys");
        JdbcTemplate jdbc = database.jdbc();
        jdbc.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,"
                        + " metadata, payload, payloadtype, timestamp)"
                        + " VALUES (?, 0, 'InteractionSession', ?, ?, ?, ?, ?)",
                "before-13", "ev-before-13",
                "{\"actorId\":\"agent-before-13\",\"actorRole\":\"AGENT\",\"channel\":\"API\"}"
                        .getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8),
                "com.interactionledger.contracts.dialogue.SessionStarted", "2026-11-01T09:00:00Z");
        Timestamp at = Timestamp.from(Instant.parse("2026-11-01T09:00:00Z"));
        jdbc.update("INSERT INTO command_idempotency (idempotency_key, request_hash, command_type, outcome,"
                + " recorded_at) VALUES (?, ?, 'StartSession', ?, ?)", "key-before-13", "a".repeat(64), OUTCOME, at);
        jdbc.update("INSERT INTO command_idempotency (idempotency_key, request_hash, command_type, outcome,"
                + " recorded_at) VALUES (?, ?, 'StartSession', NULL, ?)", "key-without-outcome", "b".repeat(64), at);

        database.migrateToLatest();

        List<Map<String, Object>> keys = jdbc.queryForList("SELECT actor_id, idempotency_key, outcome"
                + " FROM command_idempotency ORDER BY idempotency_key");
        assertThat(keys).extracting(row -> row.get("idempotency_key") + "=" + row.get("actor_id"))
                .containsExactly("key-before-13=agent-before-13", "key-without-outcome=");
        assertThat(keys.get(0).get("outcome")).isEqualTo(OUTCOME);
        // The key is now the actor's: another actor may record the same key beside it.
        jdbc.update("INSERT INTO command_idempotency (actor_id, idempotency_key, request_hash, command_type,"
                + " outcome, recorded_at) VALUES ('another-actor', 'key-before-13', ?, 'StartSession', NULL, ?)",
                "c".repeat(64), at);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM command_idempotency WHERE idempotency_key = ?",
                Long.class, "key-before-13")).isEqualTo(2);
    }
}

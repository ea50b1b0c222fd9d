package com.interactionledger.deploy;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

import static com.interactionledger.deploy.LedgerHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** On PostgreSQL the event table itself refuses to be rewritten: no UPDATE, DELETE or TRUNCATE. */
class AppendOnlyLedgerTest extends PostgresLedgerTest {

    @Test
    void storedEventsCannotBeUpdatedDeletedOrTruncated() {
        assertThat(http.post("/sessions", json("sessionId", "immutable-session", "customerId", "immutable-customer",
                "channel", "EMAIL", "entryPoint", "mailbox")).status()).isEqualTo(201);
        byte[] payload = jdbc.queryForObject("SELECT payload FROM domainevententry WHERE aggregateidentifier = ?",
                byte[].class, "immutable-session");

        assertThatThrownBy(() -> jdbc.update("UPDATE domainevententry SET payload = ? WHERE aggregateidentifier = ?",
                "{}".getBytes(), "immutable-session"))
                .isInstanceOf(DataIntegrityViolationException.class).hasStackTraceContaining("the ledger is append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM domainevententry WHERE aggregateidentifier = ?",
                "immutable-session"))
                .isInstanceOf(DataIntegrityViolationException.class).hasStackTraceContaining("the ledger is append-only");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE domainevententry"))
                .isInstanceOf(DataIntegrityViolationException.class).hasStackTraceContaining("the ledger is append-only");

        assertThat(jdbc.queryForObject("SELECT payload FROM domainevententry WHERE aggregateidentifier = ?",
                byte[].class, "immutable-session")).isEqualTo(payload);
    }
}

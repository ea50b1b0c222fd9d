package com.interactionledger.deploy;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.CustomerScoped;
import com.interactionledger.contracts.common.LedgerSerialization;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.SessionId;
import com.interactionledger.contracts.dialogue.SessionStarted;
import com.interactionledger.contracts.privacy.CustomerErasureRequested;
import com.interactionledger.contracts.privacy.CustomerRestricted;
import com.interactionledger.contracts.privacy.CustomerRestrictionLifted;
import com.interactionledger.deploy.LedgerMigrations.Database;
import com.interactionledger.deploy.LedgerMigrations.Vendor;
import com.interactionledger.ledger.append.CustomerRestrictions;
import com.interactionledger.ledger.stored.RecordedTime;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration 14 fills {@code ledger_customer_restriction} from the restriction decisions stored before it: a database
 * migrated to 13 holds restriction events as a ledger of that version stored them (the ledger's event serializer's
 * bytes, contract type and revision, each customer's privacy record stream, the actor's metadata), among other
 * events; migrated to 14, each customer has one row, their latest decision and its position, on PostgreSQL and on H2
 * (each has its own SQL for it), and the read API's guard ({@link CustomerRestrictions}) sees the restrictions.
 */
class CustomerRestrictionMigrationTest {

    private static final Serializer EVENTS = LedgerSerialization.eventSerializer();
    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void eachCustomersLatestDecisionStoredBeforeIsBackFilled(Vendor vendor) {
        Database database = LedgerMigrations.migratedTo("13", vendor, "restriction-backfill");
        JdbcTemplate jdbc = database.jdbc();
        Ledger13 ledger = new Ledger13(jdbc);
        // restricted once
        long restrictedOnce = ledger.restrict("cust-restricted");
        ledger.append(new SessionStarted(new SessionId("chat-of-lifted"), new CustomerId("cust-lifted"),
                Channel.WEB_CHAT, null, "web", "en", null, null, null, null, ledger.now()));
        // restricted, then lifted
        ledger.restrict("cust-lifted");
        // restricted, lifted, and restricted again; a legal basis quoting the JSON it is written in changes nothing
        ledger.restrict("cust-again");
        long lifted = ledger.lift("cust-lifted");
        ledger.lift("cust-again");
        ledger.append(new CustomerErasureRequested(new CustomerId("cust-never"), "GDPR Art. 17", "admin-1",
                ledger.now()));
        long restrictedAgain = ledger.append(new CustomerRestricted(new CustomerId("cust-again"),
                "\"customerId\":\"cust-never\"", "admin-2", ledger.now()));
        assertThat(ledger.positions).as("the decisions are at distinct positions, others' events between them")
                .hasSize(8);

        database.migrateToLatest();

        assertThat(jdbc.queryForList("SELECT customer_id, restricted, position FROM ledger_customer_restriction"
                        + " ORDER BY customer_id"))
                .extracting(row -> row.get("customer_id") + " " + row.get("restricted") + " " + row.get("position"))
                .containsExactly("cust-again true " + restrictedAgain, "cust-lifted false " + lifted,
                        "cust-restricted true " + restrictedOnce);
        assertThat(new CustomerRestrictions(jdbc).restricted(List.of("cust-restricted", "cust-lifted", "cust-again",
                "cust-never"))).containsExactlyInAnyOrder("cust-restricted", "cust-again");
    }

    /**
     * Stores events in the event table as the ledger's append path did at migration 13: the payload as the ledger's
     * event serializer writes it (restriction events carry no personal field to seal), its contract type and
     * revision, the aggregate's stream (a customer's privacy record is {@code privacy-<customer id>}), the recorded
     * time in its fixed form, and the metadata naming the customer and the actor.
     */
    private static final class Ledger13 {

        private final JdbcTemplate jdbc;
        private final Map<String, Long> sequences = new HashMap<>();
        private final List<Long> positions = new ArrayList<>();
        private Instant now = T0;

        Ledger13(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        Instant now() {
            now = now.plusSeconds(60);
            return now;
        }

        long restrict(String customer) {
            return append(new CustomerRestricted(new CustomerId(customer), "GDPR Art. 18(1)(d)", "admin-1", now()));
        }

        long lift(String customer) {
            return append(new CustomerRestrictionLifted(new CustomerId(customer), "objection resolved", "admin-1",
                    now()));
        }

        /** Stores the event; its global position. */
        long append(CustomerScoped event) {
            String customer = event.customerId().value();
            String aggregateType = event instanceof SessionStarted ? "InteractionSession" : "CustomerPrivacy";
            String stream = event instanceof SessionStarted started ? started.sessionId().value()
                    : "privacy-" + customer;
            SerializedObject<byte[]> payload = EVENTS.serialize(event, byte[].class);
            long sequence = sequences.merge(stream, 0L, (last, zero) -> last + 1);
            String metadata = "{\"actorId\":\"admin-1\",\"actorRole\":\"ADMIN\",\"channel\":\"API\",\"customerId\":\""
                    + customer + "\"}";
            jdbc.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,"
                            + " metadata, payload, payloadtype, payloadrevision, timestamp)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    stream, sequence, aggregateType, UUID.randomUUID().toString(),
                    metadata.getBytes(StandardCharsets.UTF_8), payload.getData(), payload.getType().getName(),
                    payload.getType().getRevision(), RecordedTime.format(now));
            long position = jdbc.queryForObject("SELECT MAX(globalindex) FROM domainevententry", Long.class);
            positions.add(position);
            return position;
        }
    }
}

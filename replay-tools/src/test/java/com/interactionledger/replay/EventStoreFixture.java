package com.interactionledger.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** Writes {@code domainevententry} rows the way the JDBC event store lays them out, with chosen global indexes. */
final class EventStoreFixture {

    static final String PACKAGE = "com.interactionledger.contracts.dialogue.";

    private EventStoreFixture() {
    }

    /** Runs contracts' own migration, so the tool is tested against the schema production uses. */
    static void createEventStore(Connection connection, String dialect) throws SQLException {
        String script = "db/ledger/" + dialect + "/V1__event_store.sql";
        try (InputStream in = EventStoreFixture.class.getClassLoader().getResourceAsStream(script)) {
            if (in == null) {
                throw new IllegalStateException(script + " is not on the test classpath (contracts jar)");
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void insert(Connection connection, long globalIndex, String session, long sequence, String eventType,
                       String metadataJson) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO domainevententry (globalindex, aggregateidentifier, sequencenumber, type, eventidentifier,
                                              metadata, payload, payloadrevision, payloadtype, timestamp)
                VALUES (?, ?, ?, 'InteractionSession', ?, ?, ?, '1', ?, ?)""")) {
            insert.setLong(1, globalIndex);
            insert.setString(2, session);
            insert.setLong(3, sequence);
            insert.setString(4, "event-" + globalIndex);
            insert.setBytes(5, metadataJson == null ? null : metadataJson.getBytes(StandardCharsets.UTF_8));
            insert.setBytes(6, ("{\"sessionId\":\"" + session + "\"}").getBytes(StandardCharsets.UTF_8));
            insert.setString(7, PACKAGE + eventType);
            insert.setString(8, "2025-03-0" + (1 + globalIndex % 9) + "T10:00:00Z");
            insert.executeUpdate();
        }
    }

    /** Metadata as the append path stamps it: correlation data plus the data subject. */
    static String metadata(String customerId) {
        return "{\"actorId\":\"agent-7\",\"actorRole\":\"AGENT\",\"channel\":\"CHAT\","
                + "\"correlationId\":\"corr-1\",\"causationId\":\"cmd-1\",\"customerId\":\"" + customerId + "\"}";
    }
}

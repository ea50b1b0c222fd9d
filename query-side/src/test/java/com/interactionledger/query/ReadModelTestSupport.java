package com.interactionledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.awaitility.Awaitility.await;

/**
 * What the read-model tests share: the beans they feed and read the query side through (the event store, the
 * database, the HTTP API, the event processors) and the waits and rebuilds they all do. Each test class keeps its
 * own {@code @SpringBootTest} (some need a ledger of their own).
 */
public abstract class ReadModelTestSupport {

    @Autowired
    protected TestRestTemplate rest;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected EventStore eventStore;
    @Autowired
    protected EventProcessingConfiguration processing;

    /** Appends hand-written events to the real event store. */
    protected LedgerEvents ledger() {
        return new LedgerEvents(eventStore);
    }

    protected QueryApi api() {
        return new QueryApi(rest);
    }

    protected StreamingEventProcessor processor(String processingGroup) {
        return processing.eventProcessor(processingGroup, StreamingEventProcessor.class).orElseThrow();
    }

    /**
     * Stops the read model's processor and resets its tokens (its reset handler clears its tables); the caller
     * starts it again to replay every event.
     */
    protected StreamingEventProcessor stopAndReset(String processingGroup) {
        StreamingEventProcessor processor = processor(processingGroup);
        processor.shutDown();
        processor.resetTokens();
        return processor;
    }

    /** Each row of {@code table} keyed by {@code keyColumn} has reached the expected version. */
    protected void awaitVersions(String table, String keyColumn, Map<String, Long> versions) {
        String query = "SELECT version FROM " + table + " WHERE " + keyColumn + " = ?";
        await().atMost(Duration.ofSeconds(30)).until(() -> versions.entrySet().stream().allMatch(expected -> {
            List<Long> found = jdbc.queryForList(query, Long.class, expected.getKey());
            return !found.isEmpty() && found.get(0).equals(expected.getValue());
        }));
    }

    /**
     * Every segment has reached the head. (A segment stays "replaying" until an event beyond the reset position
     * arrives, so after a rebuild with no new events, caught up is the state to wait for.)
     */
    protected static void awaitCaughtUp(StreamingEventProcessor processor) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !processor.processingStatus().isEmpty()
                && processor.processingStatus().values().stream().allMatch(status -> status.isCaughtUp()));
    }

    /** The text of {@code field} of each element of {@code array}, in order. */
    protected static List<String> texts(JsonNode array, String field) {
        return each(array, element -> element.path(field).asText());
    }

    /** What {@code read} makes of each element of {@code array}, in order. */
    protected static List<String> each(JsonNode array, Function<JsonNode, String> read) {
        List<String> values = new ArrayList<>();
        array.forEach(element -> values.add(read.apply(element)));
        return values;
    }
}

package com.interactionledger.replay;

import com.interactionledger.projections.testsupport.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

import static com.interactionledger.replay.EventStoreFixture.createEventStore;
import static com.interactionledger.replay.EventStoreFixture.insert;
import static com.interactionledger.replay.EventStoreFixture.metadata;
import static org.assertj.core.api.Assertions.assertThat;

class LedgerStatsTest {

    /** Two customers, three sessions, four event types, and global index 5 missing (a rolled-back append). */
    static final LedgerStats.Result FIXTURE_STATS = new LedgerStats.Result(7, OptionalLong.of(1), OptionalLong.of(8),
            1, 3, 2, 0, new TreeMap<>(Map.of(
                    "IntentRecorded", 1L, "MessageRecorded", 2L, "SessionClosed", 1L, "SessionStarted", 3L)));

    private static TestPostgres.Database ledger;

    @BeforeAll
    static void ledgerWithOneGap() throws Exception {
        ledger = TestPostgres.freshDatabase("replay");
        try (Connection connection = ledger.connect()) {
            writeFixture(connection);
        }
    }

    static void writeFixture(Connection connection) throws Exception {
        createEventStore(connection, "postgresql");
        insert(connection, 1, "s-1", 0, "SessionStarted", metadata("c-1"));
        insert(connection, 2, "s-1", 1, "MessageRecorded", metadata("c-1"));
        insert(connection, 3, "s-2", 0, "SessionStarted", metadata("c-2"));
        insert(connection, 4, "s-1", 2, "MessageRecorded", metadata("c-1"));
        insert(connection, 6, "s-3", 0, "SessionStarted", metadata("c-1"));
        insert(connection, 7, "s-2", 1, "SessionClosed", metadata("c-2"));
        insert(connection, 8, "s-3", 1, "IntentRecorded", metadata("c-1"));
    }

    /** A database of its own with an empty PostgreSQL event store, for a test that writes its own ledger. */
    private static Connection emptyLedger(String database) throws Exception {
        Connection connection = TestPostgres.freshDatabase(database).connect();
        createEventStore(connection, "postgresql");
        return connection;
    }

    @Test
    void givenLedgerWithOneGapWhenComputedThenEveryCountIsExact() throws Exception {
        try (Connection connection = ledger.connect()) {
            LedgerStats.Result stats = new LedgerStats().compute(connection);

            assertThat(stats).isEqualTo(FIXTURE_STATS);
            assertThat(stats.eventsByType().keySet())
                    .containsExactly("IntentRecorded", "MessageRecorded", "SessionClosed", "SessionStarted");
            assertThat(connection.getAutoCommit()).as("auto-commit restored for the caller").isTrue();
        }
    }

    @Test
    void givenFetchSizeSmallerThanTheLedgerWhenComputedThenStreamedBatchesGiveTheSameCounts() throws Exception {
        try (Connection connection = ledger.connect()) {
            assertThat(new LedgerStats(2).compute(connection)).isEqualTo(FIXTURE_STATS);
        }
    }

    @Test
    void givenSeveralMissingPositionsWhenComputedThenEachMissingIndexIsCountedNotEachRun() throws Exception {
        try (Connection connection = emptyLedger("replay_gaps")) {
            insert(connection, 10, "s-1", 0, "SessionStarted", metadata("c-1"));
            insert(connection, 11, "s-1", 1, "MessageRecorded", metadata("c-1"));
            insert(connection, 14, "s-1", 2, "MessageRecorded", metadata("c-1"));
            insert(connection, 20, "s-1", 3, "SessionClosed", metadata("c-1"));

            LedgerStats.Result stats = new LedgerStats().compute(connection);

            // 12, 13 and 15..19 are missing: seven positions in two runs.
            assertThat(stats.missingGlobalIndexes()).isEqualTo(7);
            assertThat(stats.firstGlobalIndex()).hasValue(10);
            assertThat(stats.lastGlobalIndex()).hasValue(20);
            assertThat(stats.events()).isEqualTo(4);
        }
    }

    @Test
    void givenMetadataWithoutReadableCustomerWhenComputedThenThoseEventsAreCountedNotFatal() throws Exception {
        try (Connection connection = emptyLedger("replay_meta")) {
            insert(connection, 1, "s-1", 0, "SessionStarted", metadata("c-1"));
            insert(connection, 2, "s-1", 1, "MessageRecorded", null);
            insert(connection, 3, "s-1", 2, "MessageRecorded", "{\"actorId\":\"agent-7\"}");
            insert(connection, 4, "s-1", 3, "MessageRecorded", "not json");
            insert(connection, 5, "s-2", 0, "SessionStarted", metadata("c-2"));

            LedgerStats.Result stats = new LedgerStats().compute(connection);

            assertThat(stats.customers()).isEqualTo(2);
            assertThat(stats.eventsWithoutCustomer()).isEqualTo(3);
            assertThat(stats.events()).isEqualTo(5);
        }
    }

    @Test
    void givenEmptyLedgerWhenComputedThenNoPositionsAndZeroCounts() throws Exception {
        try (Connection connection = emptyLedger("replay_empty")) {
            LedgerStats.Result stats = new LedgerStats().compute(connection);

            assertThat(stats).isEqualTo(new LedgerStats.Result(0, OptionalLong.empty(), OptionalLong.empty(),
                    0, 0, 0, 0, new TreeMap<>()));
        }
    }

    @Test
    void givenTheEmbeddedH2StoreWhenComputedThenTheSameQueriesWork() throws Exception {
        // The all-in-one application keeps its ledger in H2 by default; the tool must read that schema too.
        try (Connection connection = java.sql.DriverManager.getConnection(
                "jdbc:h2:mem:replay_stats;DB_CLOSE_DELAY=-1", "sa", "")) {
            createEventStore(connection, "h2");
            insert(connection, 1, "s-1", 0, "SessionStarted", metadata("c-1"));
            insert(connection, 3, "s-2", 0, "SessionStarted", metadata("c-2"));
            insert(connection, 4, "s-2", 1, "SessionClosed", metadata("c-2"));

            LedgerStats.Result stats = new LedgerStats(1).compute(connection);

            assertThat(stats).isEqualTo(new LedgerStats.Result(3, OptionalLong.of(1), OptionalLong.of(4), 1, 2, 2, 0,
                    new TreeMap<>(Map.of("SessionClosed", 1L, "SessionStarted", 2L))));
        }
    }
}

package com.interactionledger.projections.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Reads a customer's history from the ledger store itself (events, their links and the customer index) with plain
 * JDBC, so the same code serves the regulator's endpoint and the offline replay tools, on PostgreSQL or H2.
 * Nothing here reads a read model: a history is what the events say, as of an instant.
 * <p>
 * "As of T" means the events the ledger had recorded by T: those whose recorded time (the time the batch that stored
 * the event took the chain's head: {@code RecordedTime}) is at or before T. Without T, everything recorded so far.
 * "Valid at V" means what had happened by V: the events whose valid time (their {@code occurredAt}: for an imported
 * record its source's time) is at or before V. The two combine: what the ledger knew at T had happened by V.
 */
public final class LedgerHistory {

    private LedgerHistory() {
    }

    /** Whether the ledger has recorded anything at all about the customer, at any time. */
    public static boolean knows(Connection connection, String customerId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM ledger_customer_event WHERE customer_id = ? FETCH FIRST 1 ROWS ONLY")) {
            statement.setString(1, customerId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }

    /**
     * The customer's history as of {@code asOf} (null: everything recorded so far), with the state of each session
     * and complaint then.
     */
    public static CustomerHistory asOf(Connection connection, String customerId, Instant asOf) throws SQLException {
        return asOf(connection, customerId, asOf, Long.MAX_VALUE);
    }

    /**
     * The customer's history as of {@code asOf}, if it holds at most {@code maxEvents} events: a history is one
     * answer held in memory, so reading stops, and {@link TooLarge} is thrown, at the first event past that.
     */
    public static CustomerHistory asOf(Connection connection, String customerId, Instant asOf, long maxEvents)
            throws SQLException {
        return asOf(connection, customerId, asOf, null, maxEvents);
    }

    /**
     * The customer's history as the ledger had recorded it by {@code asOf} (null: everything recorded so far) of
     * what had happened by {@code validAt} (null: whenever it happened), if it holds at most {@code maxEvents}
     * events.
     */
    public static CustomerHistory asOf(Connection connection, String customerId, Instant asOf, Instant validAt,
                                       long maxEvents) throws SQLException {
        List<HistoryEvent> events = new ArrayList<>();
        HistoryStates states = new HistoryStates();
        read(connection, customerId, asOf, validAt, event -> {
            if (events.size() >= maxEvents) {
                throw new TooLarge(maxEvents);
            }
            events.add(event);
            states.apply(event);
        });
        return new CustomerHistory(customerId, asOf, validAt, List.copyOf(events), states.sessions(),
                states.complaints(), ArticleVersions.of(connection, events, asOf));
    }

    /** Streams the customer's events recorded at or before {@code asOf} (null: all of them), in global order. */
    public static void read(Connection connection, String customerId, Instant asOf, Consumer<HistoryEvent> sink)
            throws SQLException {
        read(connection, customerId, asOf, null, sink);
    }

    /**
     * Streams the customer's events recorded at or before {@code asOf} that had happened by {@code validAt} (either
     * null: no limit), in global order.
     */
    public static void read(Connection connection, String customerId, Instant asOf, Instant validAt,
                            Consumer<HistoryEvent> sink) throws SQLException {
        stream(connection, "FROM ledger_customer_event i JOIN domainevententry e ON e.globalindex = i.globalindex"
                        + " LEFT JOIN ledger_chain l ON l.globalindex = e.globalindex"
                        + " WHERE i.customer_id = ? ORDER BY i.globalindex",
                customerId, recordedAt -> asOf == null || !recordedAt.isAfter(asOf), validAt == null ? sink
                        : event -> {
                            if (!event.validAt().isAfter(validAt)) {
                                sink.accept(event);
                            }
                        });
    }

    /**
     * The bot answers among {@code events} (a customer's, as of {@code asOf}) judged against the article versions
     * the ledger knew at {@code asOf}, with the knowledge events read for it; none when no event is an answer's basis.
     */
    public static BotAnswers botAnswers(Connection connection, List<HistoryEvent> events, Instant asOf)
            throws SQLException {
        return ArticleVersions.judged(connection, events, asOf);
    }

    /** Whether the event is a bot answer's basis: the events {@link #botAnswers} needs. */
    public static boolean isAnswerBasis(HistoryEvent event) {
        return ArticleVersions.isAnswerBasis(event);
    }

    /** Streams one stream's events (an article's versions, say) recorded at or before {@code asOf}, in order. */
    static void readStream(Connection connection, String stream, Instant asOf, Consumer<HistoryEvent> sink)
            throws SQLException {
        stream(connection, "FROM domainevententry e LEFT JOIN ledger_chain l ON l.globalindex = e.globalindex"
                        + " WHERE e.aggregateidentifier = ? ORDER BY e.sequencenumber",
                stream, recordedAt -> asOf == null || !recordedAt.isAfter(asOf), sink);
    }

    /**
     * Streams every event recorded in {@code [from, to)}, whoever it belongs to, in global order: the whole ledger
     * is walked (recorded times are not indexed), with constant memory.
     */
    public static void readWindow(Connection connection, Instant from, Instant to, Consumer<HistoryEvent> sink)
            throws SQLException {
        stream(connection, "FROM domainevententry e LEFT JOIN ledger_chain l ON l.globalindex = e.globalindex"
                        + " ORDER BY e.globalindex", null,
                recordedAt -> !recordedAt.isBefore(from) && recordedAt.isBefore(to), sink);
    }

    private static void stream(Connection connection, String from, String key, Predicate<Instant> when,
                               Consumer<HistoryEvent> sink) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT e.globalindex, e.timestamp,"
                + " e.aggregateidentifier, e.sequencenumber, e.payloadtype, e.payloadrevision, e.eventidentifier,"
                + " e.metadata, e.payload, l.event_digest, l.chain_hash " + from,
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(500);
            if (key != null) {
                statement.setString(1, key);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    // Stored timestamps are ISO-8601 of varying precision: compared as instants, not as text.
                    Instant recordedAt = Instant.parse(rows.getString(2));
                    if (when.test(recordedAt)) {
                        sink.accept(event(rows, recordedAt));
                    }
                }
            }
        }
    }

    private static HistoryEvent event(ResultSet rows, Instant recordedAt) throws SQLException {
        return HistoryEvent.stored(rows.getLong(1), recordedAt, rows.getString(3), rows.getLong(4),
                rows.getString(5), rows.getString(6), rows.getString(7), rows.getBytes(8), rows.getBytes(9),
                rows.getString(10), rows.getString(11));
    }

    /** A history holds more events than the reader would take. */
    public static final class TooLarge extends RuntimeException {
        private final long maxEvents;

        TooLarge(long maxEvents) {
            super("The history holds more than " + maxEvents + " events");
            this.maxEvents = maxEvents;
        }

        public long maxEvents() {
            return maxEvents;
        }
    }
}

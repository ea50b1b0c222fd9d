package com.interactionledger.replay.verify;

import com.interactionledger.ledger.stored.LedgerDigest;
import com.interactionledger.ledger.stored.LedgerHash;
import com.interactionledger.ledger.stored.StoredEvent;
import com.interactionledger.replay.ReadSnapshot;
import com.interactionledger.replay.verify.Finding.Kind;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Recomputes the hash chain from the stored events and checks every link, every stream and every digest
 * (docs/REGULATORS.md, "Tamper evidence"). It reads with plain JDBC, on PostgreSQL or H2, in one read-only
 * snapshot, streaming: memory stays constant however long the ledger is (only anomalies are kept, and a bounded
 * number of them).
 * <ol>
 *   <li>Events and links are walked together in global order. An event without a link was inserted; a link
 *       without an event was deleted; an event whose digest is not its link's was altered, or reordered when its
 *       digest is that of another broken link; a link that does not name the link before it as its predecessor
 *       shows a deleted (or inserted) link; a chain hash that does not follow from the previous one was
 *       altered.</li>
 *   <li>The links are walked again stream by stream: sequence numbers from 0 without gaps, each stream hash
 *       following from the one before.</li>
 *   <li>Every digest (recorded in the ledger, and those a regulator exported and kept) must be passed through by
 *       the chain with the same hash and count: a chain re-hashed from some event onwards is caught here.</li>
 * </ol>
 */
public final class LedgerVerifier {

    /** Findings kept for the report; the rest are only counted. */
    public static final int MAX_FINDINGS = 100;
    /** Anomalies kept to tell reordered events from altered ones; beyond this, they are reported as altered. */
    private static final int MAX_ANOMALIES = 100_000;
    private static final int FETCH_SIZE = 1_000;

    private final PriorityQueue<Finding> kept =
            new PriorityQueue<>(Comparator.comparingLong(Finding::position).reversed());
    private long totalFindings;

    /**
     * Verifies in a read-only, repeatable-read transaction of its own, rolled back afterwards, so appends that go on
     * meanwhile neither disturb nor get half-seen; the connection's settings are restored.
     *
     * @param exported digests a regulator kept (may be empty); the ledger's own recorded digests are always checked
     */
    public static VerificationReport verify(Connection connection, Collection<LedgerDigest> exported)
            throws SQLException {
        return ReadSnapshot.<VerificationReport, RuntimeException>read(connection, () -> check(connection, exported));
    }

    /** Verifies in the connection's current transaction (a test's own, for instance), as it stands. */
    public static VerificationReport check(Connection connection, Collection<LedgerDigest> exported)
            throws SQLException {
        return new LedgerVerifier().run(connection, exported);
    }

    private LedgerVerifier() {
    }

    private VerificationReport run(Connection connection, Collection<LedgerDigest> exported) throws SQLException {
        TreeMap<Long, List<LedgerDigest>> digests = new TreeMap<>();
        recordedDigests(connection).forEach(digest -> digests.computeIfAbsent(digest.position(), p -> new ArrayList<>()).add(digest));
        exported.forEach(digest -> digests.computeIfAbsent(digest.position(), p -> new ArrayList<>()).add(digest));
        long digestCount = digests.values().stream().mapToLong(List::size).sum();

        GlobalWalk walk = new GlobalWalk(digests);
        try (PreparedStatement events = forwardOnly(connection, "SELECT " + StoredEvent.COLUMNS
                + " FROM domainevententry ORDER BY globalindex");
             PreparedStatement links = forwardOnly(connection, "SELECT globalindex, previous_globalindex,"
                     + " aggregateidentifier, sequencenumber, event_digest, chain_hash, stream_hash"
                     + " FROM ledger_chain ORDER BY globalindex");
             PreparedStatement index = forwardOnly(connection, "SELECT globalindex, customer_id"
                     + " FROM ledger_customer_event ORDER BY globalindex, customer_id");
             ResultSet eventRows = events.executeQuery();
             ResultSet linkRows = links.executeQuery();
             ResultSet indexRows = index.executeQuery()) {
            walk.run(eventRows, linkRows, new CustomerIndexWalk(indexRows));
        }
        walk.digestsBeyondTheChain();
        walk.classifyAnomalies();
        checkHead(connection, walk);
        long streams = checkStreams(connection);
        return new VerificationReport(walk.events, walk.links, streams, digestCount, walk.lastPosition,
                walk.running, new ArrayList<>(kept), totalFindings);
    }

    /** Pass 1: events and links in global order. */
    private final class GlobalWalk {

        private final TreeMap<Long, List<LedgerDigest>> digests;
        private final List<Anomaly> anomalies = new ArrayList<>();
        private long events;
        private long links;
        private long lastPosition;
        private boolean anyLink;
        private String running = LedgerHash.GENESIS;

        GlobalWalk(TreeMap<Long, List<LedgerDigest>> digests) {
            this.digests = digests;
        }

        void run(ResultSet eventRows, ResultSet linkRows, CustomerIndexWalk index) throws SQLException {
            StoredEvent event = nextEvent(eventRows);
            Link link = nextLink(linkRows);
            while (event != null || link != null) {
                if (link == null || (event != null && event.globalIndex() < link.position())) {
                    events++;
                    // An event the ledger never appended (reported as such): what the index says of it is moot.
                    index.skip(event.globalIndex());
                    anomaly(new Anomaly(event.globalIndex(), event.digest(), null, event));
                    event = nextEvent(eventRows);
                } else if (event == null || link.position() < event.globalIndex()) {
                    follow(link);
                    // The event is gone (reported as such); whatever the index says of its position goes with it.
                    index.skip(link.position());
                    anomaly(new Anomaly(link.position(), null, link.eventDigest(), null));
                    link = nextLink(linkRows);
                } else {
                    events++;
                    follow(link);
                    index.check(event);
                    String digest = event.digest();
                    if (!digest.equals(link.eventDigest())) {
                        anomaly(new Anomaly(link.position(), digest, link.eventDigest(), event));
                    } else if (!event.aggregateIdentifier().equals(link.stream())
                            || event.sequenceNumber() != link.sequenceNumber()) {
                        found(Kind.ALTERED, link.position(), "the link at position " + link.position() + " names "
                                + link.stream() + "#" + link.sequenceNumber() + " but the event there is "
                                + event.aggregateIdentifier() + "#" + event.sequenceNumber());
                    }
                    event = nextEvent(eventRows);
                    link = nextLink(linkRows);
                }
            }
            index.end();
        }

        /** Checks a link against the one before it and any digest at its position; moves the chain on. */
        private void follow(Link link) {
            links++;
            Long expected = anyLink ? lastPosition : null;
            if (!Objects.equals(link.previous(), expected)) {
                if (link.previous() != null && (expected == null || link.previous() > expected)) {
                    found(Kind.DELETED, link.previous(), "the link at position " + link.position()
                            + " follows position " + link.previous() + ", which is no longer in the chain");
                } else {
                    found(Kind.INSERTED, expected, "position " + expected + " is linked into the chain, but the"
                            + " link after it, at " + link.position() + ", follows "
                            + (link.previous() == null ? "nothing (the start)" : "position " + link.previous()));
                }
            }
            String chainHash = LedgerHash.chainHash(running, link.position(), link.eventDigest());
            if (!chainHash.equals(link.chainHash())) {
                found(Kind.ALTERED, link.position(), "the chain hash at position " + link.position()
                        + " does not follow from the link before it: the link was rewritten");
            }
            // Carry on from the stored hash, so one broken link is reported once, not at every link after it.
            running = link.chainHash();
            lastPosition = link.position();
            anyLink = true;
            checkDigestsUpTo(link.position(), false);
        }

        /** Digests at positions the walk has passed: each must sit exactly on a link with its hash and count. */
        private void checkDigestsUpTo(long position, boolean end) {
            while (!digests.isEmpty() && (digests.firstKey() < position || (digests.firstKey() == position && !end))) {
                Map.Entry<Long, List<LedgerDigest>> entry = digests.pollFirstEntry();
                for (LedgerDigest digest : entry.getValue()) {
                    if (entry.getKey() != position) {
                        found(Kind.DELETED, digest.position(), "the digest recorded at " + digest.recordedAt()
                                + " covers position " + digest.position() + ", which is no longer in the chain");
                    } else if (!digest.chainHash().equals(running)) {
                        found(Kind.REWRITTEN, digest.position(), "the chain hash at position " + position
                                + " differs from the digest recorded at " + digest.recordedAt()
                                + ": the ledger was re-hashed after a change at or before this position");
                    } else if (digest.events() != links) {
                        found(Kind.REWRITTEN, digest.position(), "the chain links " + links + " events up to"
                                + " position " + position + ", the digest recorded at " + digest.recordedAt()
                                + " says " + digest.events());
                    }
                }
            }
        }

        void digestsBeyondTheChain() {
            checkDigestsUpTo(Long.MAX_VALUE, true);
        }

        private void anomaly(Anomaly anomaly) {
            if (anomalies.size() < MAX_ANOMALIES) {
                anomalies.add(anomaly);
            } else {
                report(anomaly, Map.of(), Map.of());
            }
        }

        /**
         * An event whose bytes belong to another broken position was moved, not altered: the chain recorded its
         * digest elsewhere. Told apart only once every anomaly is known.
         */
        void classifyAnomalies() {
            Map<String, Long> linkedAt = new HashMap<>();
            Map<String, Long> storedAt = new HashMap<>();
            for (Anomaly anomaly : anomalies) {
                if (anomaly.linkDigest() != null) {
                    linkedAt.putIfAbsent(anomaly.linkDigest(), anomaly.position());
                }
                if (anomaly.eventDigest() != null) {
                    storedAt.putIfAbsent(anomaly.eventDigest(), anomaly.position());
                }
            }
            anomalies.forEach(anomaly -> report(anomaly, linkedAt, storedAt));
        }

        private void report(Anomaly anomaly, Map<String, Long> linkedAt, Map<String, Long> storedAt) {
            long position = anomaly.position();
            Long linkedElsewhere = anomaly.eventDigest() == null ? null : linkedAt.get(anomaly.eventDigest());
            Long storedElsewhere = anomaly.linkDigest() == null ? null : storedAt.get(anomaly.linkDigest());
            if (linkedElsewhere != null && linkedElsewhere != position) {
                found(Kind.REORDERED, position, "the event at position " + position + " (" + describe(anomaly.event())
                        + ") was linked at position " + linkedElsewhere);
            } else if (anomaly.event() == null) {
                found(storedElsewhere != null ? Kind.REORDERED : Kind.DELETED, position, storedElsewhere != null
                        ? "the event linked at position " + position + " now stands at position " + storedElsewhere
                        : "the event linked at position " + position + " is gone");
            } else if (anomaly.linkDigest() == null) {
                found(Kind.INSERTED, position, "the event at position " + position + " ("
                        + describe(anomaly.event()) + ") has no link: the ledger never appended it");
            } else {
                found(Kind.ALTERED, position, "the event at position " + position + " ("
                        + describe(anomaly.event()) + ") is not the one the chain linked there: its stored bytes"
                        + " were changed");
            }
        }

        private static String describe(StoredEvent event) {
            String type = event.payloadType();
            return type.substring(type.lastIndexOf('.') + 1) + " " + event.aggregateIdentifier() + "#"
                    + event.sequenceNumber();
        }
    }

    /**
     * The customer index walked alongside the events: each event whose metadata names a customer must be in that
     * customer's index, and in no other; an index row where there is no event and no link points at nothing.
     */
    private final class CustomerIndexWalk {

        private final ResultSet rows;
        private boolean more;

        CustomerIndexWalk(ResultSet rows) throws SQLException {
            this.rows = rows;
            this.more = rows.next();
        }

        void check(StoredEvent event) throws SQLException {
            long position = event.globalIndex();
            passBefore(position);
            String customer = event.customerId();
            boolean indexed = false;
            while (more && rows.getLong(1) == position) {
                String listed = rows.getString(2);
                if (listed.equals(customer)) {
                    indexed = true;
                } else {
                    found(Kind.INSERTED, position, "the customer index puts the event at position " + position
                            + " in the history of " + listed + ", but it belongs to "
                            + (customer == null ? "no customer" : customer));
                }
                more = rows.next();
            }
            if (customer != null && !indexed) {
                found(Kind.DELETED, position, "the event at position " + position + " belongs to " + customer
                        + " but is missing from that customer's history (the customer index)");
            }
        }

        /** Drops the rows at a position whose event is gone or was never appended (reported as such). */
        void skip(long position) throws SQLException {
            passBefore(position);
            while (more && rows.getLong(1) == position) {
                more = rows.next();
            }
        }

        void end() throws SQLException {
            passBefore(Long.MAX_VALUE);
        }

        /** Rows before {@code position} that the walk did not meet point at neither an event nor a link. */
        private void passBefore(long position) throws SQLException {
            while (more && rows.getLong(1) < position) {
                long listed = rows.getLong(1);
                found(Kind.INSERTED, listed, "the customer index puts position " + listed + " in the history of "
                        + rows.getString(2) + ", but there is no event there");
                more = rows.next();
            }
        }
    }

    /** The head row must name the last link; a head ahead of the chain means links at the end were removed. */
    private void checkHead(Connection connection, GlobalWalk walk) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT globalindex, chain_hash FROM ledger_chain_head WHERE id = 1");
             ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                found(Kind.DELETED, walk.lastPosition, "the chain's head row is missing");
                return;
            }
            long head = row.getLong(1);
            if (head > walk.lastPosition) {
                found(Kind.DELETED, head, "the chain's head is position " + head + " but the last link is at "
                        + walk.lastPosition + ": links at the end were removed");
            } else if (head < walk.lastPosition) {
                found(Kind.INSERTED, walk.lastPosition, "links after the chain's head (position " + head
                        + ") were added without moving it: the ledger never appended them");
            } else if (!row.getString(2).equals(walk.running)) {
                found(Kind.ALTERED, head, "the chain's head hash differs from the last link's");
            }
        }
    }

    /** Pass 2: every stream's links, in sequence order. */
    private long checkStreams(Connection connection) throws SQLException {
        long streams = 0;
        try (PreparedStatement statement = forwardOnly(connection, "SELECT aggregateidentifier, sequencenumber,"
                + " globalindex, event_digest, stream_hash FROM ledger_chain ORDER BY aggregateidentifier, sequencenumber");
             ResultSet rows = statement.executeQuery()) {
            String stream = null;
            long expected = 0;
            String previous = LedgerHash.GENESIS;
            while (rows.next()) {
                String current = rows.getString(1);
                long sequence = rows.getLong(2);
                long position = rows.getLong(3);
                if (!current.equals(stream)) {
                    stream = current;
                    streams++;
                    expected = 0;
                    previous = LedgerHash.GENESIS;
                }
                if (sequence != expected) {
                    found(Kind.DELETED, position, "stream " + stream + " goes from sequence number " + (expected - 1)
                            + " to " + sequence + " at position " + position);
                }
                String streamHash = LedgerHash.streamHash(previous, sequence, rows.getString(4));
                if (!streamHash.equals(rows.getString(5))) {
                    found(Kind.ALTERED, position, "the stream hash of " + stream + "#" + sequence + " at position "
                            + position + " does not follow from the one before it");
                }
                previous = rows.getString(5);
                expected = sequence + 1;
            }
        }
        return streams;
    }

    private static List<LedgerDigest> recordedDigests(Connection connection) throws SQLException {
        List<LedgerDigest> recorded = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT globalindex, chain_hash, events, recorded_at FROM ledger_digest ORDER BY globalindex");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                Timestamp at = rows.getTimestamp(4);
                recorded.add(new LedgerDigest(rows.getLong(1), rows.getString(2), rows.getLong(3),
                        at == null ? null : at.toInstant()));
            }
        }
        return recorded;
    }

    private void found(Kind kind, long position, String detail) {
        totalFindings++;
        kept.add(new Finding(kind, position, detail));
        if (kept.size() > MAX_FINDINGS) {
            kept.poll();
        }
    }

    private static PreparedStatement forwardOnly(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        statement.setFetchSize(FETCH_SIZE);
        return statement;
    }

    private static StoredEvent nextEvent(ResultSet rows) throws SQLException {
        return rows.next() ? StoredEvent.read(rows) : null;
    }

    private static Link nextLink(ResultSet rows) throws SQLException {
        if (!rows.next()) {
            return null;
        }
        long read = rows.getLong(2);
        Long previous = rows.wasNull() ? null : read;
        return new Link(rows.getLong(1), previous, rows.getString(3), rows.getLong(4),
                rows.getString(5), rows.getString(6));
    }

    private record Link(long position, Long previous, String stream, long sequenceNumber, String eventDigest,
                        String chainHash) {
    }

    /** A position where event and link disagree; {@code event} or the link's digest is null when one is missing. */
    private record Anomaly(long position, String eventDigest, String linkDigest, StoredEvent event) {
    }
}

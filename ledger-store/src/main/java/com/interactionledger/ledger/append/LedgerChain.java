package com.interactionledger.ledger.append;

import com.interactionledger.ledger.stored.LedgerHash;
import com.interactionledger.ledger.stored.Placeholders;
import com.interactionledger.ledger.stored.StoredEvent;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the hash chain (docs/REGULATORS.md, "Tamper evidence"; the arithmetic is {@link LedgerHash}). Used by the
 * append path inside each append's transaction, and once by the migration that links the events recorded before the
 * chain.
 */
public class LedgerChain {

    /** The last link: the position and chain hash the next event links to. */
    public record Head(long globalIndex, String chainHash) {
    }

    private final JdbcTemplate jdbc;

    public LedgerChain(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the head until the transaction ends. Every append takes this lock before it inserts, so positions are
     * handed out in the order the links are made, and concurrent appends (across instances too) queue here.
     */
    public Head lockHead() {
        return jdbc.queryForObject("SELECT globalindex, chain_hash FROM ledger_chain_head WHERE id = 1 FOR UPDATE",
                (rs, row) -> new Head(rs.getLong(1), rs.getString(2)));
    }

    /** The rows just inserted, read back as stored (the bytes the chain must cover), in global order. */
    public List<StoredEvent> stored(Collection<String> eventIdentifiers) {
        return jdbc.query("SELECT " + StoredEvent.COLUMNS + " FROM domainevententry WHERE eventidentifier IN ("
                        + Placeholders.of(eventIdentifiers.size()) + ") ORDER BY globalindex",
                (rs, row) -> StoredEvent.read(rs), eventIdentifiers.toArray());
    }

    /** Up to {@code limit} stored events after {@code globalIndex}, in global order. */
    public List<StoredEvent> storedAfter(long globalIndex, int limit) {
        return jdbc.query("SELECT " + StoredEvent.COLUMNS + " FROM domainevententry WHERE globalindex > ?"
                + " ORDER BY globalindex LIMIT " + limit, (rs, row) -> StoredEvent.read(rs), globalIndex);
    }

    /**
     * Links the events, in global order, after {@code head}, and moves the head. Refuses (so the append rolls back)
     * an event that would not come after the head or whose stream has no link for the previous sequence number.
     */
    public Head link(Head head, List<StoredEvent> events) {
        Map<String, String> streamHeads = new HashMap<>();
        List<Object[]> rows = new ArrayList<>(events.size());
        Head current = head;
        for (StoredEvent event : events) {
            if (event.globalIndex() <= current.globalIndex()) {
                throw new IllegalStateException("event " + event.eventIdentifier() + " at position "
                        + event.globalIndex() + " does not come after the chain's head " + current.globalIndex());
            }
            String digest = event.digest();
            String chainHash = LedgerHash.chainHash(current.chainHash(), event.globalIndex(), digest);
            String previousStreamHash = event.sequenceNumber() == 0 ? LedgerHash.GENESIS
                    : streamHeads.containsKey(event.aggregateIdentifier())
                    ? streamHeads.get(event.aggregateIdentifier())
                    : streamLink(event.aggregateIdentifier(), event.sequenceNumber() - 1);
            String streamHash = LedgerHash.streamHash(previousStreamHash, event.sequenceNumber(), digest);
            streamHeads.put(event.aggregateIdentifier(), streamHash);
            rows.add(new Object[] {event.globalIndex(), current.globalIndex() == 0 ? null : current.globalIndex(),
                    event.aggregateIdentifier(), event.sequenceNumber(), digest, chainHash, streamHash});
            current = new Head(event.globalIndex(), chainHash);
        }
        jdbc.batchUpdate("INSERT INTO ledger_chain (globalindex, previous_globalindex, aggregateidentifier,"
                + " sequencenumber, event_digest, chain_hash, stream_hash) VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
        jdbc.update("UPDATE ledger_chain_head SET globalindex = ?, chain_hash = ? WHERE id = 1",
                current.globalIndex(), current.chainHash());
        return current;
    }

    private String streamLink(String aggregateIdentifier, long sequenceNumber) {
        List<String> found = jdbc.queryForList("SELECT stream_hash FROM ledger_chain"
                + " WHERE aggregateidentifier = ? AND sequencenumber = ?", String.class, aggregateIdentifier, sequenceNumber);
        if (found.isEmpty()) {
            throw new IllegalStateException("stream " + aggregateIdentifier + " has no link for sequence number "
                    + sequenceNumber + ": its events were not all appended through the ledger's append path");
        }
        return found.get(0);
    }

}

package com.interactionledger.ledger.append;

import com.interactionledger.ledger.stored.LedgerHash;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last stream hash this instance knows of each recently written stream, so that an append works out its events'
 * stream hashes before taking the head lock and without reading the chain. A stream hash at (stream, sequence
 * number) never changes once stored, so a remembered one stays right whatever other instances do; a stream this
 * instance has not seen lately is read from {@code ledger_chain}. Entries are added only for committed events.
 */
final class StreamHeads {

    private record Link(long sequenceNumber, String streamHash) {
    }

    private final JdbcTemplate jdbc;
    private final Map<String, Link> heads;

    StreamHeads(JdbcTemplate jdbc, int capacity) {
        this.jdbc = jdbc;
        this.heads = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Link> eldest) {
                return size() > capacity;
            }
        });
    }

    /** The stream hash the event at {@code sequenceNumber} of the stream links to. */
    String previous(String stream, long sequenceNumber) {
        if (sequenceNumber == 0) {
            return LedgerHash.GENESIS;
        }
        Link known = heads.get(stream);
        if (known != null && known.sequenceNumber() == sequenceNumber - 1) {
            return known.streamHash();
        }
        List<String> stored = jdbc.queryForList("SELECT stream_hash FROM ledger_chain"
                + " WHERE aggregateidentifier = ? AND sequencenumber = ?", String.class, stream, sequenceNumber - 1);
        if (stored.isEmpty()) {
            throw new IllegalStateException("stream " + stream + " has no link for sequence number "
                    + (sequenceNumber - 1) + ": its events were not all appended through the ledger's append path");
        }
        return stored.get(0);
    }

    /**
     * Remembers the streams' new heads once their events are committed. Events of no aggregate (a read record,
     * whose stream is the event alone) are not remembered: nothing will follow them.
     */
    void committed(List<Linked> events) {
        for (Linked event : events) {
            if (event.row().type() == null) {
                continue;
            }
            heads.merge(event.row().aggregateIdentifier(),
                    new Link(event.row().sequenceNumber(), event.streamHash()),
                    (old, now) -> now.sequenceNumber() > old.sequenceNumber() ? now : old);
        }
    }
}

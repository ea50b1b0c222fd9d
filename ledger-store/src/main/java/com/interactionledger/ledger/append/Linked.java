package com.interactionledger.ledger.append;

import com.interactionledger.ledger.stored.StoredEvent;

/**
 * An event as a batch stores it: its row with its position and recorded time, and its links in the hash chain.
 *
 * @param event      the event as prepared
 * @param row        the row exactly as stored
 * @param digest     {@link StoredEvent#digest()} of the row
 * @param streamHash its link in its stream
 * @param chainHash  its link in the ledger's global order
 */
record Linked(PreparedEvent event, StoredEvent row, String digest, String streamHash, String chainHash) {

    long position() {
        return row.globalIndex();
    }
}

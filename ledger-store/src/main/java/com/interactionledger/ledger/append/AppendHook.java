package com.interactionledger.ledger.append;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * Work that must commit or vanish together with the events: it runs in the transaction that stores a batch of
 * appends, under the chain's head lock, after their events, links and index rows are written (the idempotency
 * outcomes, the complaint clocks' watch table). A failure rolls the batch back; the appends are then stored one by
 * one, so that only the append whose work failed fails. Keep it to a few statements per batch: every append of
 * the ledger waits while it runs.
 */
public interface AppendHook {

    /**
     * @param appends     the appends of the batch that are being stored, in order
     * @param transaction statements on the batch's transaction (the append path's own connection)
     */
    void stored(List<StoredAppend> appends, JdbcTemplate transaction);
}

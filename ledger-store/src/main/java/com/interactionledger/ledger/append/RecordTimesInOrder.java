package com.interactionledger.ledger.append;

import com.interactionledger.ledger.stored.RecordedTime;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;

/**
 * Migration 12: the ledger's recorded times, in order and indexed, so that "the ledger as it stood at T" is found
 * through an index instead of by reading every event ({@link RecordedTime}). From now on the append path gives each
 * batch its recorded time under the head lock, never before the head's ({@code ledger_chain_head.recorded_at}).
 * Events recorded before were stamped by the commands that appended them: mostly in order, not always (two
 * commands' batches could commit in the other order), and not always in the one fixed form. This migration reads
 * them once and notes from which position on they are in order and in form ({@code recorded_in_order_from}):
 * before that position, "as it stood at T" is still worked out by reading those events.
 */
public class RecordTimesInOrder extends LedgerJavaMigration {

    public RecordTimesInOrder() {
        super("12", "record times in order");
    }

    @Override
    void migrate(JdbcTemplate jdbc) {
        jdbc.execute("ALTER TABLE ledger_chain_head ADD COLUMN recorded_at VARCHAR(32)");
        jdbc.execute("ALTER TABLE ledger_chain_head ADD COLUMN recorded_in_order_from BIGINT DEFAULT 1 NOT NULL");
        long[] inOrderFrom = {1};
        Instant[] latest = {null};
        Instant[] previous = {null};
        jdbc.setFetchSize(BATCH * 5);
        jdbc.query("SELECT globalindex, timestamp FROM domainevententry ORDER BY globalindex", rows -> {
            long position = rows.getLong(1);
            String stored = rows.getString(2);
            Instant at = RecordedTime.parse(stored);
            if (!RecordedTime.isCanonical(stored)) {
                inOrderFrom[0] = position + 1;
                previous[0] = null;
            } else {
                if (previous[0] != null && at.isBefore(previous[0])) {
                    inOrderFrom[0] = position;
                }
                previous[0] = at;
            }
            if (latest[0] == null || at.isAfter(latest[0])) {
                latest[0] = at;
            }
        });
        jdbc.update("UPDATE ledger_chain_head SET recorded_at = ?, recorded_in_order_from = ? WHERE id = 1",
                latest[0] == null ? null : RecordedTime.format(latest[0]), inOrderFrom[0]);
        jdbc.execute("CREATE INDEX domainevententry_by_recorded_time ON domainevententry (timestamp, globalindex)");
    }
}

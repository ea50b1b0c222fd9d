package com.interactionledger.replay.verify;

/**
 * One thing wrong with the ledger, at the global position where it shows.
 *
 * @param kind     what is wrong
 * @param position the global position of the broken event or link
 * @param detail   what was found there, in words for the person reading the report
 */
public record Finding(Kind kind, long position, String detail) {

    public enum Kind {
        /** An event's stored bytes, or a link's hashes, are not what the chain recorded. */
        ALTERED,
        /** An event, or an event and its link, are gone. */
        DELETED,
        /** Events stand at positions other than the ones the chain linked them at. */
        REORDERED,
        /** An event, or an event and a link, that the ledger never appended. */
        INSERTED,
        /**
         * The chain is consistent with itself but no longer passes through a digest handed out earlier: it was
         * recomputed after something at or before that position was changed.
         */
        REWRITTEN
    }
}

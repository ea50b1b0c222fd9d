package com.interactionledger.replay.verify;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What {@link LedgerVerifier} found.
 *
 * @param events        events read from the event table
 * @param links         links read from the chain
 * @param streams       streams (sessions, complaints, single records) whose per-stream links were checked
 * @param digests       digests the chain was checked against (recorded in the ledger and exported)
 * @param headPosition  position of the last link, 0 for an empty ledger
 * @param headChainHash chain hash of the last link, the genesis hash for an empty ledger
 * @param findings      the first findings, ordered by position (at most {@link LedgerVerifier#MAX_FINDINGS})
 * @param totalFindings every finding, including those not listed
 */
public record VerificationReport(long events, long links, long streams, long digests, long headPosition,
                                 String headChainHash, List<Finding> findings, long totalFindings) {

    public VerificationReport {
        findings = findings.stream().sorted(Comparator.comparingLong(Finding::position).thenComparing(Finding::kind))
                .toList();
    }

    public boolean intact() {
        return totalFindings == 0;
    }

    /** The first broken position and what is wrong there. */
    public Optional<Finding> firstBroken() {
        return findings.stream().findFirst();
    }
}

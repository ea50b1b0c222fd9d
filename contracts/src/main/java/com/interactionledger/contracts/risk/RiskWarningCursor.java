package com.interactionledger.contracts.risk;

import java.time.Instant;

/** Keyset position in a list of warnings. */
public record RiskWarningCursor(Instant raisedAt, String warningId) {
}

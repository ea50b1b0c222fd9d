package com.interactionledger.contracts.complaint;

/**
 * Where a complaint stands, and the one definition of what each event does to it (as {@code SessionState} does for
 * dialogues). The open states run the regulatory clocks; a final response (resolution) stops them.
 */
public enum ComplaintState {
    RECEIVED,
    IN_PROGRESS,
    AWAITING_CUSTOMER,
    RESOLUTION_PROPOSED,
    RESOLVED,
    CLOSED,
    DISPUTED,
    REFERRED;

    public boolean isOpen() {
        return this == RECEIVED || this == IN_PROGRESS || this == AWAITING_CUSTOMER || this == RESOLUTION_PROPOSED;
    }

    /** The state after {@code event}; events that do not move the complaint (clocks, assignment...) keep it. */
    public ComplaintState after(ComplaintEvent event) {
        if (event instanceof ComplaintLodged) {
            return RECEIVED;
        } else if (event instanceof ComplaintAcknowledged || event instanceof ComplaintInformationReceived
                || event instanceof ComplaintReopened) {
            return IN_PROGRESS;
        } else if (event instanceof ComplaintInformationRequested) {
            return AWAITING_CUSTOMER;
        } else if (event instanceof ComplaintResolutionProposed) {
            return RESOLUTION_PROPOSED;
        } else if (event instanceof ComplaintResolved) {
            return RESOLVED;
        } else if (event instanceof ComplaintResolutionAccepted) {
            return CLOSED;
        } else if (event instanceof ComplaintResolutionDisputed) {
            return DISPUTED;
        } else if (event instanceof ComplaintReferred) {
            return REFERRED;
        }
        return this;
    }
}

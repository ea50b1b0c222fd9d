package com.interactionledger.contracts.complaint;

import com.interactionledger.contracts.common.CustomerScoped;

import java.time.Instant;

/** Every event of a complaint; {@code occurredAt} is the valid time, as for dialogue events. */
public interface ComplaintEvent extends CustomerScoped {

    ComplaintId complaintId();

    Instant occurredAt();
}

package com.interactionledger.contracts.complaint;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.privacy.PersonalData;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * The regulatory clocks of the complaint, as the bank computed them at this point (on receipt, and again
 * whenever a pause, a resumption, an extension, a holding reply or a reopening changed them). Recording the due
 * dates makes them auditable and keeps them fixed even if a holiday calendar changes later.
 */
@Revision("1")
public record ComplaintClocksSet(
        ComplaintId complaintId,
        CustomerId customerId,
        List<RegulatoryClock> clocks,
        @PersonalData String reason,
        Instant occurredAt
) implements ComplaintEvent {
}

package com.interactionledger.contracts.dialogue;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.privacy.PersonalData;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The customer answered the satisfaction survey of a closed session (CSAT 1-5 and/or NPS 0-10).
 */
@Revision("1")
public record SurveyResponseRecorded(
        SessionId sessionId,
        CustomerId customerId,
        Integer csat,
        Integer nps,
        @PersonalData String comment,
        Instant occurredAt
) implements DialogueEvent {
}

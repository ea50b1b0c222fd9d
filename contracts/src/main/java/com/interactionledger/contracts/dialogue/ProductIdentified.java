package com.interactionledger.contracts.dialogue;

import com.interactionledger.contracts.common.CustomerId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * What the conversation is about, said explicitly — not inferred from the first intent: the product (and
 * sub-product) code, who identified it and as what. A later identification replaces an earlier one (an agent
 * correcting the bot's guess); the figures by product take the session's last.
 *
 * @param source       an agent, the session's bot, or another machine (a classifier)
 * @param identifiedBy the actor, from the verified token
 * @param confidence   the machine's confidence, 0..1; null for a person
 */
@Revision("1")
public record ProductIdentified(
        SessionId sessionId,
        CustomerId customerId,
        String product,
        String subProduct,
        ProductSource source,
        String identifiedBy,
        Double confidence,
        Instant occurredAt
) implements DialogueEvent {
}

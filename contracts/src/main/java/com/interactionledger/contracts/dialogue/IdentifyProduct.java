package com.interactionledger.contracts.dialogue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/**
 * Records what the conversation is about: the bank's product (and sub-product) by its code.
 *
 * @param confidence a classifier's or bot's confidence, 0..1; null for a person
 * @param caller     who identified it, as the web edge proved it: the source follows from it
 */
public record IdentifyProduct(
        @TargetAggregateIdentifier SessionId sessionId,
        @TargetAggregateVersion Long expectedVersion,
        String product,
        String subProduct,
        Double confidence,
        Caller caller,
        Instant occurredAt
) implements DialogueCommand {
}

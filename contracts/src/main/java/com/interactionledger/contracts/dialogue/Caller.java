package com.interactionledger.contracts.dialogue;

import com.interactionledger.contracts.common.AccessRole;

import java.util.Set;

/**
 * Who sent a command, as the web edge proved it: the verified token's actor and the role it acts in, and, for a
 * machine identity acting as SYSTEM, the channels the service's configuration lets it speak on — as that channel's
 * gateway (carrying what the customer writes) or as a bot. Never from a request body: an author cannot be claimed,
 * only proven (docs/PRIVACY-AND-ACCESS.md, "Who wrote it").
 *
 * @param actorId   the token's actor
 * @param role      the role the caller acts in
 * @param gatewayOf the channels whose customer messages this caller carries (empty for people)
 * @param botOn     the channels this caller speaks on as a bot (empty for people)
 * @param importsOn the channels whose past conversations this caller brings in from another system, speaking as the
 *                  source says the customer and the agents spoke; only the service's own importer identity
 *                  ({@code ledger.import.actor}) has any, and never through the web edge
 */
public record Caller(String actorId, AccessRole role, Set<Channel> gatewayOf, Set<Channel> botOn,
                     Set<Channel> importsOn) {

    public Caller {
        gatewayOf = gatewayOf == null ? Set.of() : Set.copyOf(gatewayOf);
        botOn = botOn == null ? Set.of() : Set.copyOf(botOn);
        importsOn = importsOn == null ? Set.of() : Set.copyOf(importsOn);
    }

    /** A machine identity as the configuration describes it: a gateway of some channels, a bot on others. */
    public Caller(String actorId, AccessRole role, Set<Channel> gatewayOf, Set<Channel> botOn) {
        this(actorId, role, gatewayOf, botOn, Set.of());
    }

    /** A person (or a machine that speaks for no channel): the actor and the role it acts in. */
    public static Caller person(String actorId, AccessRole role) {
        return new Caller(actorId, role, Set.of(), Set.of());
    }

    /** The service's importer identity, bringing in past conversations of these channels (acting as SYSTEM). */
    public static Caller importer(String actorId, Set<Channel> channels) {
        return new Caller(actorId, AccessRole.SYSTEM, Set.of(), Set.of(), channels);
    }
}

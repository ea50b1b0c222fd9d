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
 */
public record Caller(String actorId, AccessRole role, Set<Channel> gatewayOf, Set<Channel> botOn) {

    public Caller {
        gatewayOf = gatewayOf == null ? Set.of() : Set.copyOf(gatewayOf);
        botOn = botOn == null ? Set.of() : Set.copyOf(botOn);
    }

    /** A person (or a machine that speaks for no channel): the actor and the role it acts in. */
    public static Caller person(String actorId, AccessRole role) {
        return new Caller(actorId, role, Set.of(), Set.of());
    }
}

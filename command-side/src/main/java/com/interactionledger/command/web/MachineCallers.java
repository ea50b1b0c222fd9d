package com.interactionledger.command.web;

import com.interactionledger.contracts.common.AccessRole;
import com.interactionledger.contracts.dialogue.Caller;
import com.interactionledger.contracts.dialogue.Channel;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;
import java.util.Set;

/**
 * The machine identities (callers acting as SYSTEM) the service lets speak for others, by the actor their token
 * names ({@code ledger.machines.<actor>.*}): a channel's gateway carries what customers write on that channel, a
 * bot speaks as BOT. Nobody else may: with none configured, no customer or bot message is accepted.
 * docs/PRIVACY-AND-ACCESS.md, "Who wrote it".
 *
 * @param machines by actor id
 */
@ConfigurationProperties("ledger")
public record MachineCallers(Map<String, Machine> machines) {

    /**
     * @param gatewayOf the channels whose customer messages it carries
     * @param botOn     the channels it speaks on as a bot
     */
    public record Machine(Set<Channel> gatewayOf, Set<Channel> botOn) {
    }

    public MachineCallers {
        machines = machines == null ? Map.of() : Map.copyOf(machines);
    }

    /** The caller of this request: its actor and role, and what the configuration lets it speak for. */
    public Caller caller(CommandContext context) {
        Machine machine = context.actorRole() == AccessRole.SYSTEM ? machines.get(context.actorId()) : null;
        return machine == null ? Caller.person(context.actorId(), context.actorRole())
                : new Caller(context.actorId(), context.actorRole(), machine.gatewayOf(), machine.botOn());
    }
}

package com.interactionledger.command.web;

import com.interactionledger.contracts.common.AccessRole;
import com.interactionledger.contracts.dialogue.Caller;
import com.interactionledger.contracts.dialogue.Channel;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The machine identities (callers acting as SYSTEM), by the actor their token names ({@code ledger.machines.<actor>.*}):
 * what each may record ({@code records}: the endpoints, named as the access matrix names them, e.g.
 * {@code POST /sessions/{sessionId}/messages}), and whom it may speak for — a channel's gateway carries what
 * customers write on that channel, a bot speaks as BOT. A SYSTEM token of an identity not named here records
 * nothing; with none configured, no customer or bot message is accepted. docs/PRIVACY-AND-ACCESS.md, "Who wrote it".
 *
 * @param machines by actor id
 */
@ConfigurationProperties("ledger")
public record MachineCallers(Map<String, Machine> machines) {

    /**
     * @param records   the endpoints it may call ({@code METHOD /path/{variable}})
     * @param gatewayOf the channels whose customer messages it carries
     * @param botOn     the channels it speaks on as a bot
     */
    public record Machine(Set<String> records, Set<Channel> gatewayOf, Set<Channel> botOn) {

        public Machine {
            // "POST  /sessions" and "post /sessions" name the same endpoint as "POST /sessions"
            records = records == null ? Set.of() : records.stream().map(Machine::endpoint)
                    .collect(Collectors.toUnmodifiableSet());
        }

        static String endpoint(String name) {
            String[] parts = name.trim().split("\\s+", 2);
            return parts.length < 2 ? name.trim() : parts[0].toUpperCase(Locale.ROOT) + " " + parts[1];
        }
    }

    public MachineCallers {
        machines = machines == null ? Map.of() : Map.copyOf(machines);
    }

    /**
     * Whether a caller acting as SYSTEM may call this endpoint ({@code METHOD /pattern}, the method upper case and one
     * space, as a request names it): only an identity configured with it in {@code records}. (The configured names
     * are normalised once, when bound; a request's is not, since this runs on every request: a profile showed the
     * regular expression of the normalisation at 1.7% of the command path.)
     */
    public boolean mayRecord(String actorId, String endpoint) {
        Machine machine = machines.get(actorId);
        return machine != null && machine.records().contains(endpoint);
    }

    /** The caller of this request: its actor and role, and what the configuration lets it speak for. */
    public Caller caller(CommandContext context) {
        Machine machine = context.actorRole() == AccessRole.SYSTEM ? machines.get(context.actorId()) : null;
        return machine == null ? Caller.person(context.actorId(), context.actorRole())
                : new Caller(context.actorId(), context.actorRole(), machine.gatewayOf(), machine.botOn());
    }
}

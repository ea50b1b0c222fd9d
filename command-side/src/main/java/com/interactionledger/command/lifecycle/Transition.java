package com.interactionledger.command.lifecycle;

import java.util.EnumSet;
import java.util.Set;

/**
 * One row of an aggregate's table of legal transitions: the command, where it leads (in the words docs/DOMAIN.md
 * prints) and the states it may be taken from.
 *
 * @param <S> the aggregate's states
 */
public record Transition<S extends Enum<S>>(String command, String leadsTo, Set<S> allowedFrom) {

    public Transition {
        allowedFrom = EnumSet.copyOf(allowedFrom);
    }

    public boolean allowedFrom(S state) {
        return allowedFrom.contains(state);
    }

    /** Why the command is refused when the {@code aggregate} ("session", "complaint") is in {@code state}. */
    public String refusal(String aggregate, S state) {
        return command + " is not allowed when the " + aggregate + " is " + state + " (allowed from " + allowedFrom
                + ")";
    }
}

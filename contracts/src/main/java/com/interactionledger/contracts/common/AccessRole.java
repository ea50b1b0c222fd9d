package com.interactionledger.contracts.common;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The roles a caller of the API holds, from the verified token (docs/PRIVACY-AND-ACCESS.md). Each endpoint names
 * the roles it admits; the role a caller acts in is recorded with every command and every read of personal data.
 */
public enum AccessRole {
    /** Timelines and session detail of customers; records interactions. */
    AGENT,
    /** An agent's rights plus queue and team figures. */
    SUPERVISOR,
    /** Aggregates and pseudonymous keys only: never names, contact details or message text. */
    ANALYST,
    /** Read-only: a customer's history as of any moment, exports, verification, the audit trail. */
    REGULATOR,
    /** Erasure, restriction, legal holds, rebuilds, key rotation. */
    ADMIN,
    /** Machine clients (bots, channel gateways, classifiers, the IVR): record interactions, read nothing. */
    SYSTEM;

    /**
     * The request attribute holding the role a caller acts in, set by the web layer's role check once it has
     * admitted the request; what reads it (the command and reader contexts) refuses a request without it.
     */
    public static final String ACTING = "com.interactionledger.acting-role";

    /** The role names as compile-time constants, for {@code @RolesAllowed} on the endpoints. */
    public static final class Names {
        public static final String AGENT = "AGENT";
        public static final String SUPERVISOR = "SUPERVISOR";
        public static final String ANALYST = "ANALYST";
        public static final String REGULATOR = "REGULATOR";
        public static final String ADMIN = "ADMIN";
        public static final String SYSTEM = "SYSTEM";

        private Names() {
        }
    }

    /**
     * Which role a caller acts in when an endpoint admits several and the caller holds more than one: the one with
     * the widest rights first, so a supervisor who is also an agent is recorded as the supervisor.
     */
    private static final List<AccessRole> PRECEDENCE = List.of(ADMIN, REGULATOR, SUPERVISOR, AGENT, ANALYST, SYSTEM);

    /**
     * The role a caller acts in on an endpoint that admits {@code admitted}, given which roles the caller holds;
     * empty when the caller holds none of them.
     */
    public static Optional<AccessRole> acting(Collection<String> admitted, Predicate<String> holds) {
        return PRECEDENCE.stream().filter(role -> admitted.contains(role.name()) && holds.test(role.name()))
                .findFirst();
    }
}

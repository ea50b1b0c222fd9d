package com.interactionledger.query.web;

import com.interactionledger.contracts.common.AccessRefused;
import com.interactionledger.contracts.common.AccessRole;
import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.common.Identifiers;
import com.interactionledger.contracts.common.LedgerMetadata;
import com.interactionledger.contracts.dialogue.Channel;
import jakarta.servlet.http.HttpServletRequest;

import java.security.Principal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Who is reading: the authenticated caller ({@link HttpServletRequest#getUserPrincipal()}, the verified token's
 * actor claim) and the {@link AccessRole} it reads in ({@link AccessRole#ACTING}, set by the role check: of the
 * roles the endpoint admits, the widest the caller holds). {@code X-Channel} (a {@link Channel}, as on
 * commands) and {@code X-Correlation-Id} are optional context for the audit trail.
 */
public record ReaderContext(String actorId, AccessRole role, String channel, String correlationId) {

    static ReaderContext from(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        if (principal == null || !(request.getAttribute(AccessRole.ACTING) instanceof AccessRole role)) {
            // the role check admits a caller (with a valid actor) before any context is made: without it, nothing
            throw AccessRefused.forbidden("No role was checked for this request");
        }
        String correlationId = request.getHeader("X-Correlation-Id");
        return new ReaderContext(principal.getName(), role, channel(request.getHeader("X-Channel")),
                Identifiers.isValid(correlationId) ? correlationId : null);
    }

    /**
     * {@code X-Channel} read as the command side reads it: a {@link Channel}, or {@code API} when absent. The channel
     * is recorded with every read of personal data, so an arbitrary value would put whatever a caller likes on the
     * audit trail: anything else is refused with the command side's code, 400 {@code MISSING_HEADER}.
     */
    private static String channel(String header) {
        if (header == null) {
            return LedgerMetadata.CHANNEL_API;
        }
        try {
            return Channel.valueOf(header.trim().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw new RefusedException(ErrorCode.MISSING_HEADER,
                    "Header X-Channel must be one of " + Arrays.toString(Channel.values()));
        }
    }

    /** Whether this reader may see customers whose processing is restricted (only regulators may). */
    public boolean seesRestricted() {
        return role == AccessRole.REGULATOR;
    }

    /** The metadata of the {@code PersonalDataRead} records of this reader's reads. */
    Map<String, Object> metaData() {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(LedgerMetadata.ACTOR_ID, actorId);
        metaData.put(LedgerMetadata.ACTOR_ROLE, role.name());
        metaData.put(LedgerMetadata.CHANNEL, channel);
        if (correlationId != null) {
            metaData.put(LedgerMetadata.CORRELATION_ID, correlationId);
        }
        return metaData;
    }
}

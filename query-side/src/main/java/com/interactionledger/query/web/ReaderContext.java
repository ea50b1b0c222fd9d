package com.interactionledger.query.web;

import com.interactionledger.contracts.common.AccessRole;
import com.interactionledger.contracts.common.Identifiers;
import com.interactionledger.contracts.common.LedgerMetadata;
import jakarta.servlet.http.HttpServletRequest;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Who is reading personal data: {@code X-Actor-Id} and {@code X-Actor-Role} (an {@link AccessRole}) are required
 * on every endpoint that returns a customer's data, {@code X-Channel} and {@code X-Correlation-Id} optional.
 * Until the OIDC issue lands they are trusted as sent; then they will come from the verified token.
 */
public record ReaderContext(String actorId, AccessRole role, String channel, String correlationId) {

    static ReaderContext from(HttpServletRequest request) {
        String actorId = request.getHeader("X-Actor-Id");
        if (!Identifiers.isValid(actorId)) {
            throw new MissingReaderException("Header X-Actor-Id is required on reads of personal data and must be an"
                    + " identifier (" + Identifiers.PATTERN + ")");
        }
        String role = request.getHeader("X-Actor-Role");
        AccessRole accessRole;
        try {
            accessRole = AccessRole.valueOf(role == null ? "" : role.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MissingReaderException("Header X-Actor-Role is required on reads of personal data and must be"
                    + " one of " + java.util.Arrays.toString(AccessRole.values()));
        }
        String correlationId = request.getHeader("X-Correlation-Id");
        String channel = request.getHeader("X-Channel");
        return new ReaderContext(actorId, accessRole,
                channel == null ? LedgerMetadata.CHANNEL_API : channel.trim().toUpperCase(Locale.ROOT),
                Identifiers.isValid(correlationId) ? correlationId : null);
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

    /** A read of personal data without a valid reader: 400 {@code MISSING_HEADER}. */
    public static class MissingReaderException extends RuntimeException {
        MissingReaderException(String detail) {
            super(detail);
        }
    }
}

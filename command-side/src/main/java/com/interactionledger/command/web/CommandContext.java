package com.interactionledger.command.web;

import com.interactionledger.contracts.common.Identifiers;
import com.interactionledger.contracts.common.LedgerMetadata;
import com.interactionledger.contracts.common.AccessRefused;
import com.interactionledger.contracts.common.AccessRole;
import com.interactionledger.contracts.dialogue.Channel;
import jakarta.servlet.http.HttpServletRequest;

import java.security.Principal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Who sends a command, through which channel, in which business flow, and the request's retry and concurrency
 * guards, read from headers:
 * <ul>
 *   <li>the actor: the authenticated caller ({@link HttpServletRequest#getUserPrincipal()}, the verified token's
 *       actor claim) and the {@link AccessRole} it acts in ({@link AccessRole#ACTING}, set by the role check: of
 *       the roles the endpoint admits, the widest the caller holds). Never from a header: an actor cannot be
 *       claimed, only proven.</li>
 *   <li>{@code X-Channel} (optional, a {@link Channel}; {@code API} when absent).</li>
 *   <li>{@code X-Correlation-Id} (optional; minted here when absent).</li>
 *   <li>{@code Idempotency-Key} (optional, 1-200 visible ASCII characters).</li>
 *   <li>{@code If-Match} (optional, the session version {@code "7"} from an ETag).</li>
 * </ul>
 */
public record CommandContext(
        String actorId,
        AccessRole actorRole,
        String channel,
        String correlationId,
        String idempotencyKey,
        Long expectedVersion,
        String method,
        String path
) {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");
    private static final Pattern VERSION = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

    static CommandContext from(HttpServletRequest request, String mintedCorrelationId) {
        Principal principal = request.getUserPrincipal();
        if (principal == null || !(request.getAttribute(AccessRole.ACTING) instanceof AccessRole role)) {
            // the role check admits a caller (with a valid actor) before any context is made: without it, nothing
            throw AccessRefused.forbidden("No role was checked for this request");
        }
        String actorId = principal.getName();
        String channelHeader = request.getHeader("X-Channel");
        String channel = channelHeader == null ? LedgerMetadata.CHANNEL_API
                : parseEnum(Channel.class, "X-Channel", channelHeader).name();
        String correlationId = request.getHeader("X-Correlation-Id");
        if (correlationId == null) {
            correlationId = mintedCorrelationId;
        } else {
            requireHeader("X-Correlation-Id", isIdentifier(correlationId),
                    "must be an identifier (" + Identifiers.PATTERN + ")");
        }
        String key = request.getHeader("Idempotency-Key");
        if (key != null) {
            requireHeader("Idempotency-Key", IDEMPOTENCY_KEY.matcher(key).matches(),
                    "must be 1-200 visible ASCII characters");
        }
        Long expectedVersion = null;
        String ifMatch = request.getHeader("If-Match");
        if (ifMatch != null) {
            var matcher = VERSION.matcher(ifMatch.trim());
            requireHeader("If-Match", matcher.matches(), "must be a session version such as \"7\"");
            expectedVersion = Long.parseLong(matcher.group(1));
        }
        return new CommandContext(actorId, role, channel, correlationId, key, expectedVersion,
                request.getMethod(), request.getRequestURI());
    }

    /** The metadata every event caused by this command will carry. */
    Map<String, Object> metaData(String requestHash) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(LedgerMetadata.ACTOR_ID, actorId);
        metaData.put(LedgerMetadata.ACTOR_ROLE, actorRole.name());
        metaData.put(LedgerMetadata.CHANNEL, channel);
        metaData.put(LedgerMetadata.CORRELATION_ID, correlationId);
        if (idempotencyKey != null) {
            metaData.put(LedgerMetadata.IDEMPOTENCY_KEY, idempotencyKey);
            metaData.put(LedgerMetadata.REQUEST_HASH, requestHash);
        }
        return metaData;
    }

    private static boolean isIdentifier(String value) {
        return Identifiers.isValid(value);
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String header, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidHeaderException(header, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static void requireHeader(String header, boolean ok, String rule) {
        if (!ok) {
            throw new InvalidHeaderException(header, rule);
        }
    }

    /** A required header is missing or malformed: 400 {@code MISSING_HEADER}. */
    public static class InvalidHeaderException extends RuntimeException {
        public InvalidHeaderException(String header, String rule) {
            super("Header " + header + " " + rule);
        }
    }
}

package com.interactionledger.command.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.interactionledger.command.idempotency.IdempotencyKeyInFlightException;
import com.interactionledger.command.idempotency.IdempotencyKeyReusedException;
import com.interactionledger.command.idempotency.IdempotencyStore;
import com.interactionledger.ledger.append.CommandOutcome;
import com.interactionledger.ledger.append.StreamConflictException;
import com.interactionledger.contracts.common.LedgerSerialization;
import com.interactionledger.contracts.common.LedgerCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Sends a command on behalf of an HTTP request and turns what happened into the response. The command is stamped
 * with the time from the injected clock as it is sent, so no endpoint reads the clock itself. With an
 * Idempotency-Key, a request this actor sent before is answered from the stored outcome without touching the
 * session, and the same actor's key with a different request is refused (422); another actor's key of the same name
 * is another key. A command that lost a race for its session's next position (another instance moved the session
 * on, or this one decided on a cached state that was no longer the latest) is decided again on fresh state, up to
 * {@value #CONFLICT_RETRIES} times, before it is answered 409.
 */
@Component
public class CommandDispatcher {

    /** Canonical JSON for hashing: the same request always hashes the same, whatever the field order sent. */
    private static final ObjectMapper CANONICAL = LedgerSerialization.objectMapper().copy()
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    /** Retries of a command whose events conflicted with another writer's (each loads the session afresh). */
    static final int CONFLICT_RETRIES = 3;

    private final CommandGateway commands;
    private final IdempotencyStore idempotency;
    private final Clock clock;
    private final AtomicLong conflictRetries = new AtomicLong();

    public CommandDispatcher(CommandGateway commands, IdempotencyStore idempotency, Clock clock) {
        this.commands = commands;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /**
     * A command that creates its session or complaint: 201, with the new resource's Location.
     *
     * @param request the validated request body (what the idempotency hash covers)
     * @param command the command built from it, given the time now
     */
    public ResponseEntity<CommandOutcome> create(CommandContext context, Object request,
                                                 Function<Instant, LedgerCommand> command) {
        return dispatch(context, request, command.apply(clock.instant()), HttpStatus.CREATED);
    }

    /** A command that needs no more than the time now (a privacy decision): 200. */
    public ResponseEntity<CommandOutcome> send(CommandContext context, Object request,
                                               Function<Instant, LedgerCommand> command) {
        return dispatch(context, request, command.apply(clock.instant()), HttpStatus.OK);
    }

    /**
     * A command on an existing session or complaint, decided on the version the caller acted on (If-Match, when
     * sent): 200.
     *
     * @param target the session or complaint the path names
     */
    public <I> ResponseEntity<CommandOutcome> change(CommandContext context, Object request, I target,
                                                     Change<I> command) {
        return send(context, request, now -> command.toCommand(target, context.expectedVersion(), now));
    }

    /** Builds a command on an existing session or complaint; a request body's {@code toCommand} is one. */
    @FunctionalInterface
    public interface Change<I> {
        LedgerCommand toCommand(I target, Long expectedVersion, Instant now);
    }

    /** @param status the status of a successful first attempt (201 for a new session, 200 otherwise) */
    private ResponseEntity<CommandOutcome> dispatch(CommandContext context, Object request, LedgerCommand command,
                                                    HttpStatus status) {
        String requestHash = context.idempotencyKey() == null ? null : hash(context, request);
        if (requestHash != null) {
            var earlier = idempotency.find(context.actorId(), context.idempotencyKey());
            if (earlier.isPresent()) {
                return replay(context, requestHash, earlier.get(), status);
            }
        }
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command)
                .andMetaData(context.metaData(requestHash));
        RuntimeException failure = null;
        for (int retriesLeft = CONFLICT_RETRIES; failure == null; retriesLeft--) {
            try {
                CompletableFuture<CommandOutcome> outcome = commands.sendAndWait(
                        message.andMetaData(Map.of(StreamConflictException.RETRIES_LEFT, retriesLeft)));
                return respond(context, status, outcome.join(), false);
            } catch (IdempotencyKeyInFlightException raced) {
                return replay(context, requestHash,
                        idempotency.find(context.actorId(), context.idempotencyKey()).orElseThrow(), status);
            } catch (StreamConflictException conflict) {
                if (retriesLeft == 0) {
                    failure = conflict;
                } else {
                    conflictRetries.incrementAndGet();
                }
            } catch (RuntimeException refused) {
                failure = refused;
            }
        }
        // A request sent again while the first was under way (same Idempotency-Key) can be refused for what the
        // first did (its message is recorded already, say): once the first's outcome is stored, that is the answer.
        if (requestHash != null) {
            var twin = idempotency.find(context.actorId(), context.idempotencyKey());
            if (twin.isPresent()) {
                return replay(context, requestHash, twin.get(), status);
            }
        }
        throw failure;
    }

    /** How many commands were decided again on fresh state after a conflict, since this instance started. */
    public long conflictRetries() {
        return conflictRetries.get();
    }

    private ResponseEntity<CommandOutcome> replay(CommandContext context, String requestHash,
                                                  IdempotencyStore.Recorded earlier, HttpStatus status) {
        if (!earlier.requestHash().equals(requestHash)) {
            throw new IdempotencyKeyReusedException(context.idempotencyKey());
        }
        return respond(context, status, earlier.outcome(), true);
    }

    /** A 201 names the new resource under the collection it was created in ({@code POST /sessions} -> {@code /sessions/{id}}). */
    private static ResponseEntity<CommandOutcome> respond(CommandContext context, HttpStatus status,
                                                          CommandOutcome outcome, boolean replayed) {
        var response = ResponseEntity.status(status).eTag(Long.toString(outcome.version()))
                .header("X-Ledger-Position", Long.toString(outcome.position()));
        if (replayed) {
            response.header("Idempotent-Replayed", "true");
        }
        if (status == HttpStatus.CREATED) {
            response.location(java.net.URI.create(context.path() + "/" + outcome.id()));
        }
        return response.body(outcome);
    }

    static String hash(CommandContext context, Object request) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            String canonical = context.method() + ' ' + context.path() + '\n' + context.actorId() + '\n'
                    + CANONICAL.writeValueAsString(request);
            return HexFormat.of().formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot hash request", e);
        }
    }
}

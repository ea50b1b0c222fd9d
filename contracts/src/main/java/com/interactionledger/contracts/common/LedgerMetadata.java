package com.interactionledger.contracts.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Map;

/**
 * Keys of the metadata every stored event carries. They are part of the stored contract: regulators' exports
 * and later upcasters read them, so they never change once released.
 */
public final class LedgerMetadata {

    /** Id of the person or system that issued the command which produced the event. */
    public static final String ACTOR_ID = "actorId";
    /** {@link ParticipantRole} name of that actor. */
    public static final String ACTOR_ROLE = "actorRole";
    /** The channel or client the command came through (a {@code Channel} name, or {@code API}). */
    public static final String CHANNEL = "channel";
    /** Shared by every message of one business flow; taken from {@code X-Correlation-Id} or minted at the edge. */
    public static final String CORRELATION_ID = "correlationId";
    /** Identifier of the message (command) that directly caused this one. */
    public static final String CAUSATION_ID = "causationId";
    /** Simple name of the command that caused the event (the audit trail groups events by their command). */
    public static final String COMMAND_TYPE = "commandType";
    /** The session or complaint the command that caused the event was aimed at. */
    public static final String COMMAND_TARGET = "commandTarget";
    /** The data subject the event belongs to; stamped by the append path from {@link CustomerScoped}. */
    public static final String CUSTOMER_ID = "customerId";
    /** The client's Idempotency-Key, when one was sent. */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /** SHA-256 of the request that carried the idempotency key (method, path, actor, canonical body). */
    public static final String REQUEST_HASH = "requestHash";
    /** The import run that brought the event from another system's records (imported events only). */
    public static final String IMPORT_RUN = "importRun";
    /** The name of the file the imported record was read from. */
    public static final String SOURCE_FILE = "sourceFile";
    /** SHA-256 of that file, hex: which version of the file it was. */
    public static final String SOURCE_SHA256 = "sourceSha256";
    /** The record's id in the source (a complaint's number, a thread's first tweet, a chat's session id). */
    public static final String SOURCE_RECORD = "sourceRecord";
    /** The line of the file the record starts on. */
    public static final String SOURCE_LINE = "sourceLine";

    /**
     * The stream an imported record's refusal is recorded in: one per record of one version of a file, so that
     * importing the same file again finds the refusal and appends no second one (the store's unique key on a
     * stream's first event refuses a duplicate), while a corrected file — another SHA-256 — is tried afresh.
     *
     * @param sha256   the file's SHA-256 ({@link #SOURCE_SHA256})
     * @param targetId the session or complaint the record becomes
     */
    public static String importRefusalStream(String sha256, String targetId) {
        return "refusal-import-" + sha256.substring(0, Math.min(16, sha256.length())) + "-" + targetId;
    }

    /** Channel value when the client did not say which channel it acts through. */
    public static final String CHANNEL_API = "API";

    private static final ObjectMapper JSON = new ObjectMapper();

    private LedgerMetadata() {
    }

    /**
     * The metadata of a command the service sends as itself (a scheduled job, the importer): the actor its
     * configuration names, acting as {@link ParticipantRole#SYSTEM}, through the {@link #CHANNEL_API}, in the flow
     * {@code correlationId} — never an actor a request could name.
     */
    public static Map<String, String> fromTheService(String actorId, String correlationId) {
        return Map.of(ACTOR_ID, actorId, ACTOR_ROLE, ParticipantRole.SYSTEM.name(), CHANNEL, CHANNEL_API,
                CORRELATION_ID, correlationId);
    }

    /**
     * The customer an event belongs to, read from its stored metadata bytes: the non-blank {@link #CUSTOMER_ID}
     * value, or null when the metadata is absent, unreadable or names none (a refusal of a command that named no
     * known customer). The one reading shared by the customer index, its verification and the statistics.
     */
    public static String customerIdIn(byte[] metadata) {
        if (metadata == null) {
            return null;
        }
        try {
            JsonNode value = JSON.readTree(metadata).get(CUSTOMER_ID);
            if (value == null || !value.isValueNode() || value.isNull() || value.asText().isBlank()) {
                return null;
            }
            return value.asText();
        } catch (IOException e) {
            // A damaged row is reported by whoever reads it (verify finds it altered), not thrown here.
            return null;
        }
    }
}

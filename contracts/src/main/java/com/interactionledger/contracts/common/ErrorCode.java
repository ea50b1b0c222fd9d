package com.interactionledger.contracts.common;

/**
 * Stable error codes of the HTTP API. Clients switch on {@code code} in the RFC 9457 problem body, never on the
 * human-readable title or detail, so a code is never renamed or reused for a different meaning.
 */
public enum ErrorCode {
    MALFORMED_REQUEST(400, "The request body is not valid JSON or has a wrong type"),
    VALIDATION_FAILED(400, "One or more fields are invalid"),
    INVALID_IDENTIFIER(400, "An identifier is malformed"),
    MISSING_HEADER(400, "A required header is missing or invalid"),
    INVALID_PARAMETER(400, "A query parameter is invalid"),
    UNAUTHENTICATED(401, "A valid bearer token is required"),
    FORBIDDEN(403, "None of your roles may do this"),
    CUSTOMER_RESTRICTED(451, "Processing of this customer's data is restricted: only regulators may see it"),
    SESSION_NOT_FOUND(404, "No such session"),
    COMPLAINT_NOT_FOUND(404, "No such complaint"),
    CUSTOMER_NOT_FOUND(404, "The ledger holds nothing about this customer"),
    NOT_FOUND(404, "No such resource"),
    METHOD_NOT_ALLOWED(405, "Method not allowed on this resource"),
    NOT_ACCEPTABLE(406, "Cannot produce the requested media type"),
    ILLEGAL_TRANSITION(409, "The command is not allowed in the session's current state"),
    AUTHOR_NOT_ALLOWED(409, "This author may not write in the session's current state"),
    DUPLICATE_MESSAGE(409, "A message with this id is already recorded in the session"),
    UNKNOWN_MESSAGE(409, "The referenced message is not part of the session"),
    SAME_AGENT_TRANSFER(409, "A session cannot be transferred to the agent who already holds it"),
    SURVEY_ALREADY_RECORDED(409, "The session already has a survey response"),
    CONTINUATION_REFUSED(409, "The previous session cannot be continued by this one"),
    SESSION_ALREADY_EXISTS(409, "A session with this id already exists"),
    COMPLAINT_ALREADY_EXISTS(409, "A complaint with this id already exists"),
    EXTENSION_NOT_ALLOWED(409, "The rules of this jurisdiction do not allow this extension"),
    SUMMARY_RESOLUTION_NOT_ALLOWED(409, "A summary resolution is only possible within the FCA's three business days"),
    CLOCK_NOT_RUNNING(409, "The complaint has no running clock of this type"),
    DEADLINE_NOT_REACHED(409, "The clock has not run out (or is not near running out) at the time given"),
    DEADLINE_ALREADY_RECORDED(409, "This deadline was already recorded for the clock's current due date"),
    ARTICLE_NOT_FOUND(404, "No such knowledge article"),
    ARTICLE_ALREADY_EXISTS(409, "A knowledge article with this id already exists"),
    ARTICLE_VERSION_REFUSED(409, "A new version must be numbered above the article's last and take effect no earlier"),
    ARTICLE_WITHDRAWN(409, "The knowledge article is withdrawn: it takes no new version"),
    NOT_A_BOT_ANSWER(409, "The referenced message is not a bot's answer in this session"),
    ANSWER_ALREADY_CORRECTED(409, "This bot answer is already marked corrected"),
    CORRECTION_OUT_OF_JOURNEY(409, "A correction is made in the answer's session or in the session that continued it"),
    CONCURRENT_MODIFICATION(409, "The session was changed concurrently; re-read and retry"),
    LEGAL_HOLD(409, "The customer's records are under legal hold: they cannot be erased until every hold is released"),
    PRIVACY_TRANSITION(409, "The customer's privacy record does not allow this (already so, or no such hold)"),
    CUSTOMER_ERASED(410, "The customer was erased: nothing more can be recorded about them"),
    REBUILD_REFUSED(409, "This processor cannot be rebuilt here: it is not a read model, other instances hold it,"
            + " or it is fed from Kafka"),
    UNSUPPORTED_MEDIA_TYPE(415, "Send application/json"),
    PAYLOAD_TOO_LARGE(413, "The request body is larger than the ledger accepts"),
    HISTORY_TOO_LARGE(422, "The history asked for holds more events than one answer may carry"),
    IDEMPOTENCY_KEY_REUSED(422, "The Idempotency-Key was already used with a different request"),
    INTERNAL_ERROR(500, "Unexpected error; nothing was recorded"),
    READ_MODEL_BEHIND(504, "The read model did not reach the requested position in time");

    private final int httpStatus;
    private final String title;

    ErrorCode(int httpStatus, String title) {
        this.httpStatus = httpStatus;
        this.title = title;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String title() {
        return title;
    }

    /**
     * The code for an error the web framework raised itself (unknown route, wrong method, unreadable parameter,
     * oversized body...), where no more specific code applies: any other client error is a malformed request.
     */
    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 400 && status < 500 ? MALFORMED_REQUEST : INTERNAL_ERROR;
        };
    }

    /** The RFC 9457 {@code type} URI of this problem. */
    public String typeUri() {
        return "urn:interaction-ledger:problem:" + name().toLowerCase().replace('_', '-');
    }
}

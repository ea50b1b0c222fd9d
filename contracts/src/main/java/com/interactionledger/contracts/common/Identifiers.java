package com.interactionledger.contracts.common;

/**
 * The one rule every identifier in the ledger follows. Identifiers end up in URLs, Kafka keys, file names of
 * exports and log lines, so they are restricted to a safe alphabet and a bounded length at construction time;
 * an invalid id can therefore never reach an aggregate, a table or a topic.
 */
public final class Identifiers {

    public static final int MAX_LENGTH = 64;
    /** The rule as a regular expression, for documentation and Bean Validation; {@link #isValid} implements it. */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";

    private Identifiers() {
    }

    public static String require(String kind, String value) {
        if (!isValid(value)) {
            throw new InvalidIdentifierException(kind, value);
        }
        return value;
    }

    /**
     * {@link #PATTERN}, checked character by character: every id of every event is checked again each time a
     * session is rebuilt, and the regex engine made that a fifth of the command path's CPU (see PERFORMANCE.md).
     */
    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || !isAlphanumeric(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isAlphanumeric(c) && c != '.' && c != '_' && c != ':' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlphanumeric(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /** Raised by typed ids; the web edge turns it into a 400 with code {@code INVALID_IDENTIFIER}. */
    public static final class InvalidIdentifierException extends IllegalArgumentException {
        private final String kind;

        InvalidIdentifierException(String kind, String value) {
            super(kind + " must match " + PATTERN + " (1-" + MAX_LENGTH + " characters), got "
                    + (value == null ? "nothing" : "'" + abbreviate(value) + "'"));
            this.kind = kind;
        }

        public String kind() {
            return kind;
        }

        private static String abbreviate(String value) {
            return value.length() <= 80 ? value : value.substring(0, 80) + "...";
        }
    }
}

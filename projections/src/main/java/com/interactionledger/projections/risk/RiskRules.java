package com.interactionledger.projections.risk;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Locale;

/**
 * The rules of the early warnings ({@code ledger.risk.*}, defaults in projections.properties). They are part of
 * what the read model means: changing them and rebuilding gives different warnings, so change them deliberately.
 *
 * @param repeatComplaints  at least {@code minimum} complaints received within {@code days}
 * @param sentiment         the latest sentiment of at least {@code sessions} sessions in a row at or below {@code threshold}
 * @param escalationTerms   words that signal escalation; Latin-script terms match whole words only (so "sue" does
 *                          not match "issue"), other scripts match anywhere in the text
 */
@ConfigurationProperties("ledger.risk")
public record RiskRules(RepeatComplaints repeatComplaints, Sentiment sentiment, List<String> escalationTerms) {

    public record RepeatComplaints(int minimum, int days) {
    }

    public record Sentiment(double threshold, int sessions) {
    }

    public RiskRules {
        escalationTerms = escalationTerms == null ? List.of()
                : escalationTerms.stream().map(term -> term.trim().toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty())
                .toList();
    }

    /** The escalation terms found in {@code text}, in the configured order. */
    List<String> escalationTermsIn(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return escalationTerms.stream().filter(term -> matches(lower, term)).toList();
    }

    /**
     * Whether {@code term} occurs in {@code text}: anywhere for a term outside ASCII, otherwise as a whole word (no
     * letter or number, in any script, right before or after it). Searched with indexOf rather than a regular
     * expression: every message of every session passes here, for every term.
     */
    static boolean matches(String text, String term) {
        if (!term.chars().allMatch(c -> c < 128)) {
            return text.contains(term);
        }
        for (int at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
            int end = at + term.length();
            if ((at == 0 || !isWordCharacter(text.codePointBefore(at)))
                    && (end == text.length() || !isWordCharacter(text.codePointAt(end)))) {
                return true;
            }
        }
        return false;
    }

    /** {@code \p{L}} or {@code \p{N}}: a letter, or a number of any kind. */
    private static boolean isWordCharacter(int codePoint) {
        if (Character.isLetter(codePoint)) {
            return true;
        }
        int type = Character.getType(codePoint);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }
}

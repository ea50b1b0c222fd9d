package com.interactionledger.projections.risk;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

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

    private static boolean matches(String text, String term) {
        if (!term.chars().allMatch(c -> c < 128)) {
            return text.contains(term);
        }
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(term) + "(?![\\p{L}\\p{N}])").matcher(text).find();
    }
}

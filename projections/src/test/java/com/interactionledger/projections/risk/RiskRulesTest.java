package com.interactionledger.projections.risk;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The escalation-term search, checked against the rule it states as a regular expression. */
class RiskRulesTest {

    /** Pieces that put words, numbers of every kind, other scripts and separators on either side of a term. */
    private static final List<String> PIECES = List.of("sue", "issue", "court", "courts", "fraud", "scam", "1", "²",
            "ⅷ", "é", "Σ", "ß", "投诉", "_", "-", ".", " ", "\t", "\n", "x", "'");

    @Test
    void wholeWordsForLatinTermsAnywhereForOtherScripts() {
        RiskRules rules = new RiskRules(null, null, List.of("Sue", "court", "投诉"));
        assertThat(rules.escalationTermsIn("I will SUE you in court")).containsExactly("sue", "court");
        assertThat(rules.escalationTermsIn("this issue is for the courts")).isEmpty();
        assertThat(rules.escalationTermsIn("sue: now, (court)")).containsExactly("sue", "court");
        assertThat(rules.escalationTermsIn("我要投诉你们")).containsExactly("投诉");
        assertThat(rules.escalationTermsIn("sue2 2sue suéd ⅷsue")).as("numbers and letters of any script bind")
                .isEmpty();
    }

    @Test
    void agreesWithTheRegularExpressionItReplaced() {
        Random random = new Random(42);
        for (String term : List.of("sue", "court", "fraud", "scam")) {
            Pattern rule = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(term) + "(?![\\p{L}\\p{N}])");
            for (int i = 0; i < 20_000; i++) {
                StringBuilder text = new StringBuilder();
                for (int length = random.nextInt(8); length > 0; length--) {
                    text.append(PIECES.get(random.nextInt(PIECES.size())));
                }
                String sample = text.toString();
                assertThat(RiskRules.matches(sample, term)).as("%s in [%s]", term, sample)
                        .isEqualTo(rule.matcher(sample).find());
            }
        }
    }
}

package com.interactionledger.command.ledger;

import com.interactionledger.contracts.common.ErrorCode;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/** Matchers for the refusals of the aggregates' rules. */
public final class RuleViolations {

    private RuleViolations() {
    }

    /** Matches a {@link RuleViolation} (of any aggregate) carrying exactly {@code code}. */
    public static Matcher<RuleViolation> violation(ErrorCode code) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation actual, Description mismatch) {
                if (actual.code() != code) {
                    mismatch.appendText("code was ").appendValue(actual.code())
                            .appendText(" (").appendValue(actual.getMessage()).appendText(")");
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a rule violation with code ").appendValue(code);
            }
        };
    }
}

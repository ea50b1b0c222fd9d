package com.interactionledger.ledger.append;

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
        return violation(RuleViolation.class, code);
    }

    /** Matches a rule violation of the given kind carrying exactly {@code code}. */
    public static <T extends RuleViolation> Matcher<T> violation(Class<T> kind, ErrorCode code) {
        return new TypeSafeDiagnosingMatcher<>(kind) {
            @Override
            protected boolean matchesSafely(T actual, Description mismatch) {
                if (actual.code() != code) {
                    mismatch.appendText("code was ").appendValue(actual.code())
                            .appendText(" (").appendValue(actual.getMessage()).appendText(")");
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + kind.getSimpleName() + " with code ").appendValue(code);
            }
        };
    }
}

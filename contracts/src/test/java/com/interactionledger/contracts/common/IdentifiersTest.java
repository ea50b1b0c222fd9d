package com.interactionledger.contracts.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "Z9", "ses-0f3a", "customer_1.2:3", "x234567890123456789012345678901234567890123456789012345678901234"})
    void acceptsIdsOfTheSafeAlphabet(String id) {
        assertThat(Identifiers.isValid(id)).isTrue();
        assertThat(new CustomerId(id).value()).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-starts-with-dash", ".dot", "has space", "slash/inside", "ümlaut", "semi;colon"})
    void refusesAnythingElse(String id) {
        assertThat(Identifiers.isValid(id)).isFalse();
        assertThatThrownBy(() -> new CustomerId(id)).isInstanceOf(Identifiers.InvalidIdentifierException.class)
                .hasMessageContaining("CustomerId must match");
    }

    @Test
    void refusesNullAndOverlongIds() {
        assertThat(Identifiers.isValid(null)).isFalse();
        assertThat(Identifiers.isValid("x".repeat(65))).isFalse();
    }

    /** The hand-written check and the documented regular expression accept exactly the same strings. */
    @Test
    void agreesWithThePatternOnRandomStrings() {
        Pattern pattern = Pattern.compile(Identifiers.PATTERN);
        String alphabet = "aZ09._:-/ é+@";
        Random random = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder candidate = new StringBuilder();
            int length = random.nextInt(70);
            for (int j = 0; j < length; j++) {
                candidate.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String value = candidate.toString();
            assertThat(Identifiers.isValid(value)).as("'%s'", value).isEqualTo(pattern.matcher(value).matches());
        }
    }
}

package com.interactionledger.ledger.stored;

import org.axonframework.common.IdentifierFactory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdentifiersTest {

    @Test
    void axonMakesEveryMessageIdentifierWithIt() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIdentifiers.class);
    }

    @Test
    void anIdentifierIsAVersion7UuidCarryingItsMillisecond() {
        long millis = 1_796_000_000_123L;
        UUID id = TimeOrderedIdentifiers.next(millis);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
    }

    @Test
    void laterMillisecondsSortAfterEarlierOnesAndNoneRepeats() {
        List<String> made = new ArrayList<>();
        for (long millis = 1_796_000_000_000L; millis < 1_796_000_000_200L; millis++) {
            for (int i = 0; i < 50; i++) {
                made.add(TimeOrderedIdentifiers.next(millis).toString());
            }
        }
        assertThat(new HashSet<>(made)).hasSize(made.size());
        for (int i = 50; i < made.size(); i += 50) {
            // a millisecond's identifiers sort, as text (how the store's index compares them), after the last one's
            String previousMillisecondsLargest = made.subList(i - 50, i).stream().max(String::compareTo).orElseThrow();
            assertThat(made.subList(i, i + 50)).allMatch(id -> id.compareTo(previousMillisecondsLargest) > 0);
        }
    }
}

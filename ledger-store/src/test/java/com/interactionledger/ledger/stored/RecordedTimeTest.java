package com.interactionledger.ledger.stored;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class RecordedTimeTest {

    @Test
    void theStoredFormIsAxonsAndSortsAsTheTimesDo() {
        SplittableRandom random = new SplittableRandom(12);
        String previousText = null;
        Instant previous = null;
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(0, 253_402_300_799L), random.nextInt(1_000_000_000));
            String stored = RecordedTime.format(instant);
            assertThat(stored).isEqualTo(DateTimeUtils.formatInstant(instant.truncatedTo(
                    java.time.temporal.ChronoUnit.MILLIS))).hasSize(24);
            assertThat(RecordedTime.isCanonical(stored)).isTrue();
            if (previous != null) {
                assertThat(Integer.signum(stored.compareTo(previousText)))
                        .isEqualTo(Integer.signum(RecordedTime.parse(stored).compareTo(RecordedTime.parse(previousText))));
            }
            previous = instant;
            previousText = stored;
        }
        assertThat(previous).isNotNull();
    }

    @Test
    void aBatchIsNeverRecordedBeforeTheOneBeforeIt() {
        Instant head = Instant.parse("2026-12-07T10:00:00.500Z");
        assertThat(RecordedTime.next(Instant.parse("2026-12-07T10:00:00.123456Z"), head)).isEqualTo(head);
        assertThat(RecordedTime.next(Instant.parse("2026-12-07T10:00:01.123456Z"), head))
                .isEqualTo(Instant.parse("2026-12-07T10:00:01.123Z"));
        assertThat(RecordedTime.next(Instant.parse("2026-12-07T10:00:01.123456Z"), null))
                .isEqualTo(Instant.parse("2026-12-07T10:00:01.123Z"));
    }

    @Test
    void timesStoredInOtherFormsAreReadButAreNotInTheOneForm() {
        assertThat(RecordedTime.parse("2026-12-07T10:00:00Z")).isEqualTo(Instant.parse("2026-12-07T10:00:00Z"));
        assertThat(RecordedTime.parse("2026-12-07T11:00:00.250+01:00"))
                .isEqualTo(Instant.parse("2026-12-07T10:00:00.250Z"));
        assertThat(RecordedTime.isCanonical("2026-12-07T10:00:00Z")).isFalse();
        assertThat(RecordedTime.isCanonical("2026-12-07T10:00:00.123456789Z")).isFalse();
        assertThat(RecordedTime.isCanonical("2026-12-07T10:00:00.123Z")).isTrue();
        assertThat(RecordedTime.parse(null)).isNull();
    }
}

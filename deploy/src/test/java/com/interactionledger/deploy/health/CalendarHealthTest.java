package com.interactionledger.deploy.health;

import com.interactionledger.command.complaint.ComplaintCalendars;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calendars' health on fixed days, with the shipped calendars: mainland China ends 2026-12-31, England and
 * Wales 2027-12-31, the CFPB's (calendar days, only a time zone) 2099-12-31. Each day is taken in the calendar's own
 * time zone.
 */
class CalendarHealthTest {

    private static final ComplaintCalendars SHIPPED = ComplaintCalendars.shipped();
    private static final Duration SIXTY_DAYS = Duration.ofDays(60);

    @Test
    void aCalendarEndingWithinSixtyDaysWarnsWithItsCoverageAndTheOthersAreUp() {
        // Monday 2026-12-07, 10:00 in Shanghai: 24 days left of the China calendar.
        CompositeHealthContributor calendars = calendars(at("2026-12-07T02:00:00Z"), SIXTY_DAYS);

        Health china = part(calendars, "CN_NFRA");
        assertThat(china.getStatus()).isEqualTo(CalendarHealthAutoConfiguration.WARNING);
        assertThat(china.getDetails()).containsEntry("coveredUntil", "2026-12-31").containsEntry("daysLeft", 24L)
                .containsEntry("name", "Mainland China").containsEntry("version", "2026.1");
        assertThat(String.valueOf(china.getDetails().get("warning"))).contains("ends on 2026-12-31, in 24 days");

        Health england = part(calendars, "UK_FCA");
        assertThat(england.getStatus()).isEqualTo(Status.UP);
        assertThat(england.getDetails()).containsEntry("coveredUntil", "2027-12-31").containsEntry("daysLeft", 389L)
                .doesNotContainKey("warning");
        assertThat(part(calendars, "US_CFPB").getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void theWarningStartsSixtyDaysBeforeTheLastDayCovered() {
        // 2026-10-31 and 2026-11-01 at noon in Shanghai: 61 and 60 days before 2026-12-31.
        assertThat(part(calendars(at("2026-10-31T04:00:00Z"), SIXTY_DAYS), "CN_NFRA").getStatus())
                .isEqualTo(Status.UP);
        assertThat(part(calendars(at("2026-11-01T04:00:00Z"), SIXTY_DAYS), "CN_NFRA").getStatus())
                .isEqualTo(CalendarHealthAutoConfiguration.WARNING);
        // 2026-10-31T17:00Z is already 2026-11-01 in Shanghai (UTC+8): the calendar's day, not UTC's, counts.
        assertThat(part(calendars(at("2026-10-31T17:00:00Z"), SIXTY_DAYS), "CN_NFRA").getStatus())
                .isEqualTo(CalendarHealthAutoConfiguration.WARNING);
    }

    @Test
    void aCalendarThatHasEndedKeepsWarningAndSaysSo() {
        Health china = part(calendars(at("2027-01-05T02:00:00Z"), SIXTY_DAYS), "CN_NFRA");

        assertThat(china.getStatus()).isEqualTo(CalendarHealthAutoConfiguration.WARNING);
        assertThat(china.getDetails()).containsEntry("daysLeft", -5L);
        assertThat(String.valueOf(china.getDetails().get("warning"))).startsWith("ended on 2026-12-31");
    }

    @Test
    void theLeadTimeIsConfigurable() {
        // 2026-11-15: 46 days left, within the default 60 but not within 30.
        Instant midNovember = at("2026-11-15T02:00:00Z");
        assertThat(part(calendars(midNovember, SIXTY_DAYS), "CN_NFRA").getStatus())
                .isEqualTo(CalendarHealthAutoConfiguration.WARNING);
        assertThat(part(calendars(midNovember, Duration.ofDays(30)), "CN_NFRA").getStatus()).isEqualTo(Status.UP);
    }

    private static CompositeHealthContributor calendars(Instant now, Duration warning) {
        return (CompositeHealthContributor) new CalendarHealthAutoConfiguration()
                .calendarsHealthContributor(SHIPPED, Clock.fixed(now, ZoneOffset.UTC), warning);
    }

    private static Health part(CompositeHealthContributor calendars, String jurisdiction) {
        return ((HealthIndicator) calendars.getContributor(jurisdiction)).health();
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}

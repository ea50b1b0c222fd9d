package com.interactionledger.deploy.health;

import com.interactionledger.command.CommandSideAutoConfiguration;
import com.interactionledger.command.complaint.BusinessCalendar;
import com.interactionledger.command.complaint.ComplaintCalendars;
import com.interactionledger.contracts.complaint.Jurisdiction;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The business calendars of the complaint clocks in {@code /actuator/health}, as {@code calendars} with one part per
 * jurisdiction ({@code calendars/CN_NFRA}...), where the command side runs. A calendar that ends within
 * {@code ledger.complaints.calendar-warning} (60 days) of today, or has ended, is {@code WARNING}: deadlines computed
 * past its end are provisional until a calendar covering those days is configured, so an operator has two months
 * to get next year's holidays in. WARNING answers 200 and ranks between OUT_OF_SERVICE and UP
 * ({@code management.endpoint.health.status.order}), so the whole health reads WARNING, and it is in no probe
 * group: a calendar running out is work for an operator, not a reason to take an instance out of service (it still
 * takes every command, and its provisional clocks say so). The details give each calendar's name, version, coverage
 * and days left. Today is the injected clock's, in the calendar's own time zone.
 */
@AutoConfiguration(after = CommandSideAutoConfiguration.class)
public class CalendarHealthAutoConfiguration {

    /** Neither up nor down: works, and needs an operator's attention. */
    public static final Status WARNING = new Status("WARNING", "a business calendar ends soon or has ended");

    @Bean
    @ConditionalOnBean(ComplaintCalendars.class)
    HealthContributor calendarsHealthContributor(ComplaintCalendars calendars, Clock clock,
                                                 @Value("${ledger.complaints.calendar-warning:P60D}") Duration warning) {
        Map<String, HealthIndicator> parts = new LinkedHashMap<>();
        for (Jurisdiction jurisdiction : Jurisdiction.values()) {
            BusinessCalendar calendar = calendars.of(jurisdiction);
            parts.put(jurisdiction.name(), () -> health(calendar, clock, warning));
        }
        return CompositeHealthContributor.fromMap(parts);
    }

    static Health health(BusinessCalendar calendar, Clock clock, Duration warning) {
        LocalDate today = calendar.dateOf(clock.instant());
        long daysLeft = ChronoUnit.DAYS.between(today, calendar.coveredUntil());
        Health.Builder health = daysLeft > warning.toDays() ? Health.up() : Health.status(WARNING)
                .withDetail("warning", daysLeft < 0
                        ? "ended on " + calendar.coveredUntil() + ": every deadline it has to reach past that is"
                                + " provisional; configure a calendar that covers the coming days"
                        : "ends on " + calendar.coveredUntil() + ", in " + daysLeft + " days: deadlines past it are"
                                + " provisional; configure a calendar that covers the coming days");
        return health.withDetail("name", calendar.name())
                .withDetail("version", String.valueOf(calendar.version()))
                .withDetail("coveredFrom", calendar.coveredFrom().toString())
                .withDetail("coveredUntil", calendar.coveredUntil().toString())
                .withDetail("daysLeft", daysLeft)
                .withDetail("source", calendar.source())
                .build();
    }
}

package com.interactionledger.command.complaint;

import com.interactionledger.contracts.complaint.Jurisdiction;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calendars the ledger ships, checked against the rules that make them rather than against themselves: the
 * England and Wales bank holidays of 2027 as gov.uk lists them, each derived here from its rule (Easter by the
 * Gregorian computus, the May and August Mondays, the substitute days for a Christmas on a Saturday), and every
 * calendar naming itself so a complaint's clocks can say which one they were worked out with.
 */
class ShippedCalendarsTest {

    private static final ComplaintCalendars SHIPPED = ComplaintCalendars.shipped();

    @Test
    void englandAndWales2027BankHolidaysAreTheOnesTheirRulesGive() {
        int year = 2027;
        LocalDate easter = easterSunday(year);
        LocalDate christmas = LocalDate.of(year, 12, 25);
        // Christmas Day 2027 is a Saturday and Boxing Day a Sunday: the substitutes are Monday 27 and Tuesday 28.
        assertThat(christmas.getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        Set<LocalDate> expected = Set.of(
                LocalDate.of(year, 1, 1), // New Year's Day, a Friday
                easter.minusDays(2), // Good Friday
                easter.plusDays(1), // Easter Monday
                LocalDate.of(year, 5, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)), // early May
                LocalDate.of(year, 5, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)), // spring
                LocalDate.of(year, 8, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)), // summer
                christmas.plusDays(2), christmas.plusDays(3));

        assertThat(holidaysIn(Jurisdiction.UK_FCA, year)).isEqualTo(expected);
        // ...which are the dates gov.uk/bank-holidays lists for England and Wales in 2027.
        assertThat(expected).containsExactlyInAnyOrder(LocalDate.parse("2027-01-01"), LocalDate.parse("2027-03-26"),
                LocalDate.parse("2027-03-29"), LocalDate.parse("2027-05-03"), LocalDate.parse("2027-05-31"),
                LocalDate.parse("2027-08-30"), LocalDate.parse("2027-12-27"), LocalDate.parse("2027-12-28"));
        assertThat(SHIPPED.of(Jurisdiction.UK_FCA).coveredUntil()).isEqualTo(LocalDate.parse("2027-12-31"));
        assertThat(expected).allMatch(day -> day.getDayOfWeek().getValue() <= 5, "every one a weekday");
    }

    @Test
    void everyShippedCalendarHasAVersionAndADigestOfItsDays() {
        for (Jurisdiction jurisdiction : Jurisdiction.values()) {
            BusinessCalendar calendar = SHIPPED.of(jurisdiction);
            assertThat(calendar.version()).as(jurisdiction + " version").isNotBlank();
            assertThat(calendar.source()).as(jurisdiction + " source").isNotBlank();
            assertThat(calendar.calendarVersion().digest()).matches("sha256:[0-9a-f]{16}");
            assertThat(calendar.calendarVersion().coveredUntil()).isEqualTo(calendar.coveredUntil());
        }
    }

    @Test
    void theDigestChangesWithASingleDayAndNotWithTheLabelOrTheOrderOfTheFile() {
        BusinessCalendar china = SHIPPED.of(Jurisdiction.CN_NFRA);
        Set<LocalDate> oneMore = new HashSet<>(china.holidays());
        oneMore.add(LocalDate.parse("2026-12-31"));
        BusinessCalendar changed = new BusinessCalendar(china.name(), china.version(), china.zone(), china.source(),
                china.coveredFrom(), china.coveredUntil(), china.weekend(), oneMore, china.workingDays());
        BusinessCalendar relabelled = new BusinessCalendar(china.name(), "another label", china.zone(), "elsewhere",
                china.coveredFrom(), china.coveredUntil(), Set.of(DayOfWeek.SUNDAY, DayOfWeek.SATURDAY),
                new TreeSet<>(china.holidays()).descendingSet(), china.workingDays());

        assertThat(changed.calendarVersion().digest()).isNotEqualTo(china.calendarVersion().digest());
        assertThat(relabelled.calendarVersion().digest()).isEqualTo(china.calendarVersion().digest());
    }

    private static Set<LocalDate> holidaysIn(Jurisdiction jurisdiction, int year) {
        Set<LocalDate> holidays = new HashSet<>();
        for (LocalDate day : SHIPPED.of(jurisdiction).holidays()) {
            if (day.getYear() == year) {
                holidays.add(day);
            }
        }
        return holidays;
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher). */
    private static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, Month.of(month), day);
    }
}

package com.interactionledger.contracts.evolution;

import com.interactionledger.contracts.complaint.ClockType;
import com.interactionledger.contracts.complaint.ComplaintClocksSet;
import com.interactionledger.contracts.complaint.RegulatoryClock;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Revision 1 of ComplaintClocksSet, kept as it was stored ({@code old-revisions/ComplaintClocksSet-1.json}, the
 * sample approved for that revision), read through the ledger's upcaster chain into revision 2: no calendar named,
 * and a clock provisional exactly when its basis carries the coverage warning revision 1 wrote for it.
 */
class ComplaintClocksSetUpcasterTest {

    /** What revision 1 wrote for the NFRA clock of a complaint received 2026-11-02 and extended twice. */
    private static final String PROVISIONAL_NFRA_CLOCK = "{\"type\":\"NFRA_DECISION\",\"dueDate\":\"2027-01-01\","
            + "\"dueAt\":\"2027-01-01T16:00:00Z\",\"paused\":false,\"breachable\":true,\"basis\":\"NFRA consumer"
            + " complaint measures: decision within 60 days of receipt on 2026-11-02 (extended twice: especially"
            + " complex case, approved); WARNING: the Mainland China calendar covers 2025-01-01 to 2026-12-31,"
            + " beyond that only weekends are known\"}";

    @Test
    void theStoredRevision1SampleReadsAsRevision2WithNoCalendarAndNothingProvisional() {
        ComplaintClocksSet set = upcast(fixture(), "1");

        assertThat(set.calendar()).isNull();
        assertThat(set.clocks()).extracting(RegulatoryClock::type)
                .containsExactly(ClockType.CFPB_RESPONSE, ClockType.CFPB_FINAL_RESPONSE);
        assertThat(set.clocks()).noneMatch(RegulatoryClock::provisional);
        assertThat(set.clocks().get(0).dueDate()).isEqualTo(LocalDate.parse("2026-01-30"));
        assertThat(set.reason()).isEqualTo("received");
    }

    @Test
    void aRevision1ClockWhoseBasisWarnsAboutTheCalendarReadsAsProvisional() {
        String stored = "{\"complaintId\":\"cmp-0002\",\"customerId\":\"cust-0001\",\"clocks\":["
                + PROVISIONAL_NFRA_CLOCK + "],\"reason\":\"extended: especially complex case\","
                + "\"occurredAt\":\"2026-11-09T03:00:00Z\"}";

        ComplaintClocksSet set = upcast(stored, "1");

        assertThat(set.clocks()).singleElement().satisfies(clock -> {
            assertThat(clock.provisional()).isTrue();
            assertThat(clock.dueDate()).isEqualTo(LocalDate.parse("2027-01-01"));
            assertThat(clock.basis()).endsWith("beyond that only weekends are known");
        });
        assertThat(set.provisional()).isTrue();
        assertThat(set.calendar()).isNull();
    }

    @Test
    void revision2PassesUntouched() {
        String current = StoredRevisions.sample("/approved-events/ComplaintClocksSet-2.json");

        ComplaintClocksSet set = upcast(current, "2");

        assertThat(set.calendar().name()).isEqualTo("United States (CFPB)");
        assertThat(set.calendar().coveredUntil()).isEqualTo(LocalDate.parse("2099-12-31"));
    }

    private static ComplaintClocksSet upcast(String json, String revision) {
        return StoredRevisions.read(ComplaintClocksSet.class, json, revision, "2");
    }

    private static String fixture() {
        return StoredRevisions.sample("/old-revisions/ComplaintClocksSet-1.json");
    }
}

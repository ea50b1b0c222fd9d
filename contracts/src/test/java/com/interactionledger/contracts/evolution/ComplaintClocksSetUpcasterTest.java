package com.interactionledger.contracts.evolution;

import com.interactionledger.contracts.common.LedgerSerialization;
import com.interactionledger.contracts.common.LedgerUpcasters;
import com.interactionledger.contracts.complaint.ClockType;
import com.interactionledger.contracts.complaint.ComplaintClocksSet;
import com.interactionledger.contracts.complaint.RegulatoryClock;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Revision 1 of ComplaintClocksSet, kept as it was stored ({@code old-revisions/ComplaintClocksSet-1.json}, the
 * sample approved for that revision), read through the ledger's upcaster chain into revision 2: no calendar named,
 * and a clock provisional exactly when its basis carries the coverage warning revision 1 wrote for it.
 */
class ComplaintClocksSetUpcasterTest {

    private static final JacksonSerializer SERIALIZER = LedgerSerialization.eventSerializer();

    /** What revision 1 wrote for the NFRA clock of a complaint received 2026-11-02 and extended twice. */
    private static final String PROVISIONAL_NFRA_CLOCK = "{\"type\":\"NFRA_DECISION\",\"dueDate\":\"2027-01-01\","
            + "\"dueAt\":\"2027-01-01T16:00:00Z\",\"paused\":false,\"breachable\":true,\"basis\":\"NFRA consumer"
            + " complaint measures: decision within 60 days of receipt on 2026-11-02 (extended twice: especially"
            + " complex case, approved); WARNING: the Mainland China calendar covers 2025-01-01 to 2026-12-31,"
            + " beyond that only weekends are known\"}";

    @Test
    void theStoredRevision1SampleReadsAsRevision2WithNoCalendarAndNothingProvisional() throws Exception {
        ComplaintClocksSet set = upcast(fixture(), "1");

        assertThat(set.calendar()).isNull();
        assertThat(set.clocks()).extracting(RegulatoryClock::type)
                .containsExactly(ClockType.CFPB_RESPONSE, ClockType.CFPB_FINAL_RESPONSE);
        assertThat(set.clocks()).noneMatch(RegulatoryClock::provisional);
        assertThat(set.clocks().get(0).dueDate()).isEqualTo(LocalDate.parse("2026-01-30"));
        assertThat(set.reason()).isEqualTo("received");
    }

    @Test
    void aRevision1ClockWhoseBasisWarnsAboutTheCalendarReadsAsProvisional() throws Exception {
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
    void revision2PassesUntouched() throws Exception {
        String current;
        try (InputStream in = getClass().getResourceAsStream("/approved-events/ComplaintClocksSet-2.json")) {
            current = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        ComplaintClocksSet set = upcast(current, "2");

        assertThat(set.calendar().name()).isEqualTo("United States (CFPB)");
        assertThat(set.calendar().coveredUntil()).isEqualTo(LocalDate.parse("2099-12-31"));
    }

    private static ComplaintClocksSet upcast(String json, String revision) {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("Complaint", "cmp-0001", 1,
                "event-1", "2026-01-15T10:30:00.123456Z", ComplaintClocksSet.class.getName(), revision,
                json.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> read = LedgerUpcasters.chain()
                .upcast(Stream.of(new InitialEventRepresentation(stored, SERIALIZER))).toList();
        assertThat(read).singleElement().satisfies(event -> assertThat(event.getType().getRevision()).isEqualTo("2"));
        IntermediateEventRepresentation event = read.get(0);
        return SERIALIZER.deserialize(new SimpleSerializedObject<>(event.getData(byte[].class).getData(), byte[].class,
                event.getType()));
    }

    private static String fixture() throws Exception {
        try (InputStream in = ComplaintClocksSetUpcasterTest.class.getResourceAsStream(
                "/old-revisions/ComplaintClocksSet-1.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

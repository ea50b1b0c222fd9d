package com.interactionledger.command.complaint;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.complaint.ClockType;
import com.interactionledger.contracts.complaint.ComplaintClocksSet;
import com.interactionledger.contracts.complaint.ComplaintDeadlineApproaching;
import com.interactionledger.contracts.complaint.ComplaintDeadlineBreached;
import com.interactionledger.contracts.complaint.ComplaintHoldingResponseSent;
import com.interactionledger.contracts.complaint.ComplaintId;
import com.interactionledger.contracts.complaint.ComplaintResolved;
import com.interactionledger.contracts.complaint.ComplaintOutcome;
import com.interactionledger.contracts.complaint.Redress;
import com.interactionledger.contracts.complaint.RegulatoryClock;
import com.interactionledger.ledger.append.StoredAppend;
import com.interactionledger.projections.testsupport.TestPostgres;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table of clocks that can still run out, as the append path's hook keeps it: a batch's events are applied in
 * order and only their net effect is written — new clocks replace old ones and keep a warning whose due date did not
 * change; a holding response stops the CFPB's first clock, a breach its clock, a final response all of them — the
 * same rows, batch by batch, as one statement per event gave.
 */
class ComplaintClockWatchTest {

    private static final CustomerId CUSTOMER = new CustomerId("watch-customer");
    private static final ComplaintId C1 = new ComplaintId("watch-1");
    private static final ComplaintId C2 = new ComplaintId("watch-2");
    private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant D1 = Instant.parse("2026-12-08T05:00:00Z");
    private static final Instant D2 = Instant.parse("2027-01-22T05:00:00Z");
    private static final Instant D3 = Instant.parse("2027-01-18T00:00:00Z");

    private static JdbcTemplate jdbc;

    @BeforeAll
    static void theWatchTable() throws IOException {
        TestPostgres.Database database = TestPostgres.freshDatabase("clock-watch");
        jdbc = new JdbcTemplate(new DriverManagerDataSource(database.url(), database.user(), database.password()));
        try (InputStream ddl = ComplaintClockWatchTest.class.getResourceAsStream(
                "/db/ledger/common/V3__complaint_clock_watch.sql")) {
            jdbc.execute(new String(ddl.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void eachBatchLeavesTheNetEffectOfItsEventsInOrder() {
        ComplaintClockWatch watch = new ComplaintClockWatch(jdbc);

        watch.stored(batch(clocks(C1, clock(ClockType.CFPB_RESPONSE, D1), clock(ClockType.CFPB_FINAL_RESPONSE, D2)),
                clocks(C2, clock(ClockType.FCA_FINAL_RESPONSE, D3))), jdbc);
        assertThat(rows()).containsExactly("watch-1 CFPB_FINAL_RESPONSE " + D2 + " false",
                "watch-1 CFPB_RESPONSE " + D1 + " false", "watch-2 FCA_FINAL_RESPONSE " + D3 + " false");

        watch.stored(batch(new ComplaintDeadlineApproaching(C1, CUSTOMER, ClockType.CFPB_FINAL_RESPONSE, D2, T),
                new ComplaintHoldingResponseSent(C1, CUSTOMER, "still looking", T),
                new ComplaintDeadlineApproaching(C2, CUSTOMER, ClockType.FCA_FINAL_RESPONSE, D3, T),
                clocks(C2, clock(ClockType.FCA_FINAL_RESPONSE, D3.plusSeconds(86_400)))), jdbc);
        assertThat(rows()).as("a warning is kept only while its due date stands").containsExactly(
                "watch-1 CFPB_FINAL_RESPONSE " + D2 + " true",
                "watch-2 FCA_FINAL_RESPONSE " + D3.plusSeconds(86_400) + " false");

        watch.stored(batch(clocks(C1, clock(ClockType.CFPB_FINAL_RESPONSE, D2)),
                new ComplaintDeadlineBreached(C2, CUSTOMER, ClockType.FCA_FINAL_RESPONSE, D3.plusSeconds(86_400), T)),
                jdbc);
        assertThat(rows()).containsExactly("watch-1 CFPB_FINAL_RESPONSE " + D2 + " true");

        watch.stored(batch(new ComplaintResolved(C1, CUSTOMER, ComplaintOutcome.UPHELD, Redress.NONE, null, false, T)),
                jdbc);
        assertThat(rows()).isEmpty();
    }

    private static RegulatoryClock clock(ClockType type, Instant due) {
        return new RegulatoryClock(type, LocalDate.ofInstant(due, java.time.ZoneOffset.UTC), due, false, true, "rule");
    }

    private static ComplaintClocksSet clocks(ComplaintId complaint, RegulatoryClock... clocks) {
        return new ComplaintClocksSet(complaint, CUSTOMER, List.of(clocks), null, "set", T);
    }

    private static List<StoredAppend> batch(Object... events) {
        return List.of(new StoredAppend(null, Arrays.stream(events)
                .<org.axonframework.eventhandling.EventMessage<?>>map(GenericEventMessage::asEventMessage).toList(),
                List.of()));
    }

    private static List<String> rows() {
        return jdbc.query("SELECT complaint_id, clock_type, due_at, warning_recorded FROM complaint_clock_watch"
                + " ORDER BY complaint_id, clock_type", (rs, row) -> rs.getString(1) + " " + rs.getString(2) + " "
                + rs.getTimestamp(3).toInstant() + " " + rs.getBoolean(4));
    }
}

package com.interactionledger.deploy;

import com.interactionledger.deploy.LedgerMigrations.Database;
import com.interactionledger.deploy.LedgerMigrations.Vendor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration 15 lists the open complaints whose clocks, recorded before it (ComplaintClocksSet revision 1), were
 * provisional — the clocks a calendar update must recompute — by the mark revision 1 left in a clock's basis, on
 * PostgreSQL and on H2 (each has its own SQL for it). A complaint whose provisional clocks were followed by a
 * resolution, or by clocks within the calendar, is not listed.
 */
class ProvisionalClocksMigrationTest {

    private static final String CLOCKS_SET = "com.interactionledger.contracts.complaint.ComplaintClocksSet";
    private static final String RESOLVED = "com.interactionledger.contracts.complaint.ComplaintResolved";
    private static final String PROVISIONAL_NFRA = "{\"type\":\"NFRA_DECISION\",\"dueDate\":\"2027-01-01\","
            + "\"dueAt\":\"2027-01-01T16:00:00Z\",\"paused\":false,\"breachable\":true,\"basis\":\"NFRA consumer"
            + " complaint measures: decision within 15 days of receipt on 2026-12-17; WARNING: the Mainland China"
            + " calendar covers 2025-01-01 to 2026-12-31, beyond that only weekends are known\"}";
    private static final String COVERED_NFRA = "{\"type\":\"NFRA_DECISION\",\"dueDate\":\"2026-12-08\","
            + "\"dueAt\":\"2026-12-08T16:00:00Z\",\"paused\":false,\"breachable\":true,\"basis\":\"NFRA consumer"
            + " complaint measures: decision within 15 days of receipt on 2026-11-23\"}";
    private static final String PROVISIONAL_FCA = "{\"type\":\"FCA_SUMMARY_RESOLUTION\",\"dueDate\":\"2027-12-23\","
            + "\"dueAt\":\"2027-12-24T00:00:00Z\",\"paused\":false,\"breachable\":false,\"basis\":\"DISP 1.5\"},"
            + "{\"type\":\"FCA_PSD_FINAL_RESPONSE\",\"dueDate\":\"2028-01-12\",\"dueAt\":\"2028-01-13T00:00:00Z\","
            + "\"paused\":false,\"breachable\":true,\"basis\":\"DISP 1.6.2AR: final response within 15 business"
            + " days; WARNING: the England and Wales calendar covers 2025-01-01 to 2027-12-31, beyond that only"
            + " weekends are known\"}";

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void theOpenComplaintsWithProvisionalClocksAreListed(Vendor vendor) {
        Database database = LedgerMigrations.migratedTo("14", vendor, "provisional-clocks");
        JdbcTemplate jdbc = database.jdbc();
        // Open, provisional: listed.
        store(jdbc, "cmp-open", 0, CLOCKS_SET, clocksSet("cmp-open", "cust-1", PROVISIONAL_NFRA));
        // Provisional, then resolved: its clocks stopped.
        store(jdbc, "cmp-resolved", 0, CLOCKS_SET, clocksSet("cmp-resolved", "cust-1", PROVISIONAL_NFRA));
        store(jdbc, "cmp-resolved", 1, RESOLVED, "{\"complaintId\":\"cmp-resolved\",\"customerId\":\"cust-1\"}");
        // Provisional, then recomputed within the calendar (a reopening, say): its latest clocks are not.
        store(jdbc, "cmp-later", 0, CLOCKS_SET, clocksSet("cmp-later", "cust-2", PROVISIONAL_NFRA));
        store(jdbc, "cmp-later", 1, CLOCKS_SET, clocksSet("cmp-later", "cust-2", COVERED_NFRA));
        // An FCA complaint whose second clock is provisional: listed, under the FCA.
        store(jdbc, "cmp-fca", 0, CLOCKS_SET, clocksSet("cmp-fca", "cust-3", PROVISIONAL_FCA));

        database.migrateToLatest();

        List<String> listed = jdbc.query("SELECT complaint_id, customer_id, jurisdiction, calendar_covered_until"
                        + " FROM complaint_provisional_clocks ORDER BY complaint_id",
                (rs, row) -> rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3) + "/" + rs.getString(4));
        assertThat(listed).containsExactly("cmp-fca/cust-3/UK_FCA/null", "cmp-open/cust-1/CN_NFRA/null");
    }

    private static String clocksSet(String complaint, String customer, String clocks) {
        return "{\"complaintId\":\"" + complaint + "\",\"customerId\":\"" + customer + "\",\"clocks\":[" + clocks
                + "],\"reason\":\"sealed\",\"occurredAt\":\"2026-12-17T02:00:00Z\"}";
    }

    private static void store(JdbcTemplate jdbc, String complaint, long sequence, String type, String payload) {
        jdbc.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,"
                        + " metadata, payload, payloadtype, payloadrevision, timestamp)"
                        + " VALUES (?, ?, 'Complaint', ?, ?, ?, ?, '1', '2026-12-17T02:00:00Z')",
                complaint, sequence, complaint + "-" + sequence, "{}".getBytes(StandardCharsets.UTF_8),
                payload.getBytes(StandardCharsets.UTF_8), type);
    }
}

package com.interactionledger.tools.importing;

import com.interactionledger.contracts.complaint.ComplaintFigures;
import com.interactionledger.contracts.complaint.ComplaintFilter;
import com.interactionledger.contracts.complaint.ComplaintStatistics;
import com.interactionledger.contracts.complaint.CountComplaints;
import com.interactionledger.contracts.complaint.Jurisdiction;
import com.interactionledger.projections.history.HistoryEvent;
import com.interactionledger.projections.history.LedgerHistory;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The CFPB sample imported into a ledger on PostgreSQL: every complaint figure the read model gives equals a count
 * made here from the CSV itself — with a parser of this test's own, not the importer's — and a second import of the
 * same file appends nothing. Skipped, saying so, where {@code ../shared/data} is absent.
 */
class CfpbImportAcceptanceTest {

    static final Path SAMPLE = Path.of("..", "..", "shared", "data", "cfpb-complaints", "complaints_sample.csv")
            .toAbsolutePath().normalize();

    static ConfigurableApplicationContext ledger;
    static Importer.Summary first;
    static Path rejects;
    static Instant beforeTheImport;

    @BeforeAll
    static void importTheSample(@TempDir Path dir) throws IOException {
        assumeTrue(Files.isRegularFile(SAMPLE), () -> "skipped: " + SAMPLE + " is absent (the shared data folder is"
                + " not beside this clone)");
        ledger = ImportLedgers.onFreshPostgres("cfpb-import");
        rejects = dir.resolve("rejects.csv");
        beforeTheImport = Instant.now();
        first = ImportCli.importer(ledger).run(new CfpbComplaints(), SAMPLE, Importer.Run.of(rejects, "run-1", 16),
                null);
        ImportCli.awaitReadModels(ledger);
    }

    @AfterAll
    static void stop() {
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    void everyRecordOfTheSampleIsImportedAndNoneRejected() throws IOException {
        assertThat(Files.readAllLines(rejects)).containsExactly("file,line,column,reason");
        assertThat(first.records()).isEqualTo(raw().size());
        assertThat(first.imported()).isEqualTo(raw().size());
        assertThat(first.rejected()).isZero();
    }

    @Test
    void complaintsByProductChannelResponseAndTimelinessEqualCountsOfTheRawFile() throws IOException {
        List<Map<String, String>> raw = raw();

        assertThat(groups(CountComplaints.Dimension.PRODUCT)).isEqualTo(count(raw, row -> row.get("Product")));
        assertThat(groups(CountComplaints.Dimension.SOURCE_CHANNEL))
                .isEqualTo(count(raw, row -> row.get("Submitted via")));
        assertThat(groups(CountComplaints.Dimension.CHANNEL)).isEqualTo(count(raw,
                row -> CfpbComplaints.CHANNELS.get(row.get("Submitted via").toLowerCase()).name()));
        assertThat(groups(CountComplaints.Dimension.RESPONSE)).isEqualTo(count(raw,
                row -> row.get("Company response to consumer").isEmpty() ? "NONE"
                        : row.get("Company response to consumer")));
        assertThat(groups(CountComplaints.Dimension.SOURCE_TIMELY)).isEqualTo(count(raw,
                row -> switch (row.get("Timely response?")) {
                    case "Yes" -> "YES";
                    case "No" -> "NO";
                    default -> "NOT_SAID";
                }));
    }

    @Test
    void theFirstAndLastDatesReceivedAndTheResolvedCountEqualTheRawFile() throws IOException {
        List<Map<String, String>> raw = raw();
        ComplaintFigures overall = statistics(null).overall();

        List<LocalDate> received = raw.stream().map(row -> LocalDate.parse(row.get("Date received"))).sorted().toList();
        assertThat(overall.lodged()).isEqualTo(raw.size());
        assertThat(overall.firstReceivedAt()).isEqualTo(received.get(0).atStartOfDay(CfpbComplaints.REGISTER_ZONE)
                .toInstant());
        assertThat(overall.lastReceivedAt()).isEqualTo(received.get(received.size() - 1)
                .atStartOfDay(CfpbComplaints.REGISTER_ZONE).toInstant());
        assertThat(overall.resolved()).isEqualTo(raw.stream().filter(row -> row.get("Company response to consumer")
                .startsWith("Closed")).count());
    }

    @Test
    void importingTheSameFileAgainAppendsNothing(@TempDir Path dir) throws IOException {
        JdbcTemplate jdbc = ledger.getBean(JdbcTemplate.class);
        Long before = jdbc.queryForObject("SELECT MAX(globalindex) FROM domainevententry", Long.class);

        Importer.Summary again = ImportCli.importer(ledger).run(new CfpbComplaints(), SAMPLE,
                Importer.Run.of(dir.resolve("again.csv"), "run-2", 16), null);

        assertThat(again.skipped()).isEqualTo(raw().size());
        assertThat(again.imported()).isZero();
        assertThat(jdbc.queryForObject("SELECT MAX(globalindex) FROM domainevententry", Long.class))
                .isEqualTo(before);
    }

    @Test
    void aHistoryAsOfARecordedInstantBeforeTheImportShowsNoneOfItAndAsOfAValidInstantWhatHadHappenedByThen() {
        // Complaint 3384392 of the sample: received 2019-09-24, sent to the company that day, closed with explanation.
        String customer = "cfpb-consumer-3384392";
        Instant received = LocalDate.parse("2019-09-24").atStartOfDay(CfpbComplaints.REGISTER_ZONE).toInstant();

        assertThat(history(customer, beforeTheImport, null)).isEmpty();
        assertThat(history(customer, null, received.minusSeconds(1))).isEmpty();
        assertThat(history(customer, null, received)).containsExactly("ComplaintLodged", "ComplaintClocksSet",
                "ComplaintSourceRecorded", "ComplaintAcknowledged", "ComplaintResolved");
        assertThat(history(customer, null, null)).hasSize(5);
    }

    private static List<String> history(String customer, Instant asOf, Instant validAt) {
        return ledger.getBean(JdbcTemplate.class).execute((ConnectionCallback<List<String>>) connection ->
                LedgerHistory.asOf(connection, customer, asOf, validAt, 1_000).events().stream()
                        .map(HistoryEvent::type).toList());
    }

    private Map<String, Long> groups(CountComplaints.Dimension dimension) {
        return statistics(dimension).groups().stream()
                .collect(Collectors.toMap(ComplaintFigures::group, ComplaintFigures::lodged, Long::sum, TreeMap::new));
    }

    private static ComplaintStatistics statistics(CountComplaints.Dimension dimension) {
        ComplaintFilter cfpb = new ComplaintFilter(null, null, false, Jurisdiction.US_CFPB, null, null, null, null,
                null);
        return ledger.getBean(QueryGateway.class).query(new CountComplaints(cfpb, dimension),
                ComplaintStatistics.class).join();
    }

    private static Map<String, Long> count(List<Map<String, String>> rows, Function<Map<String, String>, String> key) {
        return rows.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    /** The sample's rows by column name, read by the tests' own reading of the CSV ({@link RawCsv}). */
    static List<Map<String, String>> raw() throws IOException {
        List<List<String>> records = RawCsv.read(SAMPLE).stream().map(RawCsv.Record::fields).toList();
        List<String> header = records.get(0);
        return records.subList(1, records.size()).stream().map(fields -> {
            Map<String, String> row = new TreeMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), fields.get(i).strip());
            }
            return row;
        }).toList();
    }
}

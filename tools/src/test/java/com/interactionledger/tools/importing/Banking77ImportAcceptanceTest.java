package com.interactionledger.tools.importing;

import com.interactionledger.contracts.analytics.AnalyticsDimension;
import com.interactionledger.contracts.analytics.AnalyticsFilter;
import com.interactionledger.contracts.analytics.EfficiencyFigures;
import com.interactionledger.contracts.analytics.EfficiencyReport;
import com.interactionledger.contracts.analytics.FindServiceEfficiency;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * BANKING77's training split imported into a ledger on PostgreSQL: the sessions per intent the analysts' read model
 * gives equal the utterances per category counted here from the CSV itself — with a reading of the file of this
 * test's own, not the importer's — the labels are the 77 of the dataset's categories.json, and a second import of the
 * same file appends nothing. Skipped, saying so, where {@code ../shared/data} is absent.
 */
class Banking77ImportAcceptanceTest {

    static final Path DATA = Path.of("..", "..", "shared", "data", "banking77").toAbsolutePath().normalize();
    static final Path TRAIN = DATA.resolve("train.csv");

    /** The source records no time: the run says when its utterances are valid. */
    static final Instant OCCURRED_AT = Instant.parse("2020-03-11T09:00:00Z");

    static ConfigurableApplicationContext ledger;
    static Importer.Summary first;
    static Path rejects;
    static Instant beforeTheImport;

    @BeforeAll
    static void importTheTrainingSplit(@TempDir Path dir) throws IOException {
        assumeTrue(Files.isRegularFile(TRAIN), () -> "skipped: " + TRAIN + " is absent (the shared data folder is"
                + " not beside this clone)");
        ledger = ImportLedgers.onFreshPostgres("banking77-import");
        rejects = dir.resolve("rejects.csv");
        beforeTheImport = Instant.now();
        first = ImportCli.importer(ledger).run(new Banking77Utterances(), TRAIN, new Importer.Run(Map.of(),
                OCCURRED_AT, false, rejects, "run-1", 16), null);
        long awaiting = System.nanoTime();
        ImportCli.awaitReadModels(ledger);
        // how long it took, for the record (docs/PERFORMANCE.md): the figures below do not depend on it
        System.out.printf("BANKING77 %s; read models caught up %.1f s after%n", first,
                (System.nanoTime() - awaiting) / 1e9);
    }

    @AfterAll
    static void stop() {
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    void everyUtteranceOfTheFileIsImportedAndNoneRejected() throws IOException {
        int utterances = raw().size();

        assertThat(Files.readAllLines(rejects)).containsExactly("file,line,column,reason");
        assertThat(first.records()).isEqualTo(utterances);
        assertThat(first.imported()).isEqualTo(utterances);
        assertThat(first.rejected()).isZero();
    }

    @Test
    void sessionsPerIntentEqualTheUtterancesPerCategoryOfTheRawFileAndTheLabelsAreTheDatasets77() throws IOException {
        List<List<String>> raw = raw();
        int category = header().indexOf("category");
        Map<String, Long> perCategory = raw.stream().collect(Collectors.groupingBy(row -> row.get(category),
                TreeMap::new, Collectors.counting()));

        EfficiencyReport byIntent = efficiency(AnalyticsDimension.INTENT);

        assertThat(groups(byIntent)).isEqualTo(perCategory);
        assertThat(groups(byIntent).keySet()).hasSize(77).isEqualTo(categoriesJson());
        assertThat(byIntent.overall().sessions()).isEqualTo(raw.size());
    }

    @Test
    void everySessionStartedAtTheGivenInstantAndNoneHasEnded() throws IOException {
        int utterances = raw().size();

        assertThat(groups(efficiency(AnalyticsDimension.DAY))).containsExactly(Map.entry("2020-03-11",
                (long) utterances));
        assertThat(groups(efficiency(AnalyticsDimension.CHANNEL))).containsExactly(Map.entry("WEB_CHAT",
                (long) utterances));
        EfficiencyFigures overall = efficiency(null).overall();
        assertThat(overall.endedSessions()).isZero();
        // a customer's message and no reply: nothing to measure a first response by
        assertThat(overall.firstResponse().measured()).isZero();
    }

    @Test
    void importingTheSameFileAgainAppendsNothing(@TempDir Path dir) throws IOException {
        JdbcTemplate jdbc = ledger.getBean(JdbcTemplate.class);
        Long before = jdbc.queryForObject("SELECT MAX(globalindex) FROM domainevententry", Long.class);

        Importer.Summary again = ImportCli.importer(ledger).run(new Banking77Utterances(), TRAIN,
                new Importer.Run(Map.of(), OCCURRED_AT, false, dir.resolve("again.csv"), "run-2", 16), null);

        assertThat(again.skipped()).isEqualTo(raw().size());
        assertThat(again.imported()).isZero();
        assertThat(jdbc.queryForObject("SELECT MAX(globalindex) FROM domainevententry", Long.class))
                .isEqualTo(before);
    }

    @Test
    void aHistoryAsOfARecordedInstantBeforeTheImportShowsNoneOfItAndAsOfAValidInstantWhatHadHappenedByThen()
            throws IOException {
        // The file's first utterance, on line 2: its customer is named by the file's digest and that line.
        String customer = "b77-customer-" + sha256(TRAIN).substring(0, 12) + "-2";

        assertThat(history(customer, beforeTheImport, null)).isEmpty();
        assertThat(history(customer, null, OCCURRED_AT.minusSeconds(1))).isEmpty();
        assertThat(history(customer, null, OCCURRED_AT)).containsExactly("SessionStarted", "MessageRecorded",
                "IntentRecorded");
    }

    private static List<String> history(String customer, Instant asOf, Instant validAt) {
        return ledger.getBean(JdbcTemplate.class).execute((ConnectionCallback<List<String>>) connection ->
                LedgerHistory.asOf(connection, customer, asOf, validAt, 1_000).events().stream()
                        .map(HistoryEvent::type).toList());
    }

    private static EfficiencyReport efficiency(AnalyticsDimension groupBy) {
        return ledger.getBean(QueryGateway.class).query(new FindServiceEfficiency(AnalyticsFilter.ALL, groupBy),
                EfficiencyReport.class).join();
    }

    private static Map<String, Long> groups(EfficiencyReport report) {
        return report.groups().stream().collect(Collectors.toMap(EfficiencyFigures::group,
                EfficiencyFigures::sessions, Long::sum, TreeMap::new));
    }

    /** The labels categories.json lists: every quoted string of its one array. */
    private static TreeSet<String> categoriesJson() throws IOException {
        Matcher quoted = Pattern.compile("\"([^\"]*)\"").matcher(Files.readString(DATA.resolve("categories.json"),
                StandardCharsets.UTF_8));
        TreeSet<String> labels = new TreeSet<>();
        while (quoted.find()) {
            labels.add(quoted.group(1));
        }
        return labels;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> header() throws IOException {
        return records().get(0);
    }

    /** The rows after the header. */
    private static List<List<String>> raw() throws IOException {
        List<List<String>> records = records();
        return records.subList(1, records.size());
    }

    /** The file's records by the tests' own reading of the CSV ({@link RawCsv}), not the importer's. */
    private static List<List<String>> records() throws IOException {
        return RawCsv.read(TRAIN).stream().map(RawCsv.Record::fields).toList();
    }
}

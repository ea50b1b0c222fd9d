package com.interactionledger.tools.importing;

import com.interactionledger.projections.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The import issue's drill: an import killed with {@code kill -9} part way and started again ends with every record
 * on the ledger exactly once, each whole. The first run is a JVM of its own ({@code scripts/import.sh}'s entry),
 * killed once a few hundred complaints are stored; the second runs the same file to the end.
 */
class ImportKillTest {

    private static final int RECORDS = 3_000;

    @Test
    void anImportKilledPartWayAndStartedAgainEndsWithEveryRecordExactlyOnceAndWhole(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("complaints.csv");
        StringBuilder csv = new StringBuilder("Date received,Product,Issue,Company,Submitted via,Date sent to"
                + " company,Company response to consumer,Complaint ID\n");
        for (int i = 1; i <= RECORDS; i++) {
            // every third still open; the others closed, so a complaint is four or five events
            csv.append("2019-09-24,Mortgage,Struggling to pay,A Bank,Web,2019-09-25,")
                    .append(i % 3 == 0 ? "In progress" : "Closed with explanation").append(',').append(i).append('\n');
        }
        Files.writeString(file, csv);
        TestPostgres.Database database = TestPostgres.freshDatabase("import-kill");
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database.url(), database.user(),
                database.password()));
        List<String> settings = List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--ledger.privacy.master-keys=test-2026:dGVzdC1vbmx5LW1hc3Rlci1rZXktMzItYnl0ZXMtb2s=",
                "--ledger.analytics.pseudonym-key=test-only-pseudonym-key-of-at-least-32-bytes");

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Daxoniq.update-checker.disabled=true", "-cp", System.getProperty("java.class.path"),
                ImportCli.class.getName(), "cfpb", "--file", file.toString(), "--rejects",
                dir.resolve("first.csv").toString(), "--threads", "8"));
        command.addAll(settings);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("first.log").toFile());
        builder.environment().put("SPRING_DATASOURCE_PASSWORD", database.password());
        Process first = builder.start();
        try {
            // until the child has made the schema and stored some complaints (or died: first.log says why)
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                    .until(() -> !first.isAlive() || complaintsStored(jdbc) >= 200);
        } finally {
            first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no flush
        }
        long storedWhenKilled = complaintsStored(jdbc);
        assertThat(storedWhenKilled).as("killed part way (see first.log if 0)").isBetween(1L, RECORDS - 1L);

        List<String> again = new ArrayList<>(settings);
        again.add("--spring.datasource.password=" + database.password());
        Importer.Summary second = ImportCli.run(null, withFile(file, dir, again));

        assertThat(second.skipped()).isEqualTo(storedWhenKilled);
        assertThat(second.imported()).isEqualTo(RECORDS - storedWhenKilled);
        assertThat(second.rejected()).isZero();
        assertThat(complaintsStored(jdbc)).isEqualTo(RECORDS);
        // each complaint whole: lodged, clocks, source, acknowledged, and resolved unless still open (an open one's
        // 2019 clocks have run out since: the clock watcher records that too, in its own time, not counted here)
        List<Map<String, Object>> perComplaint = jdbc.queryForList("SELECT aggregateidentifier, COUNT(*) AS events"
                + " FROM domainevententry WHERE aggregateidentifier LIKE 'cfpb-%' AND payloadtype NOT IN ("
                + "'com.interactionledger.contracts.complaint.ComplaintDeadlineApproaching',"
                + " 'com.interactionledger.contracts.complaint.ComplaintDeadlineBreached') GROUP BY aggregateidentifier");
        assertThat(perComplaint).hasSize(RECORDS).allSatisfy(row -> {
            int id = Integer.parseInt(((String) row.get("aggregateidentifier")).substring("cfpb-".length()));
            assertThat(((Number) row.get("events")).intValue()).as("complaint %s", id).isEqualTo(id % 3 == 0 ? 4 : 5);
        });
    }

    private static String[] withFile(Path file, Path dir, List<String> settings) {
        List<String> args = new ArrayList<>(List.of("cfpb", "--file", file.toString(), "--rejects",
                dir.resolve("second.csv").toString()));
        args.addAll(settings);
        return args.toArray(String[]::new);
    }

    private static long complaintsStored(JdbcTemplate jdbc) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE sequencenumber = 0"
                + " AND aggregateidentifier LIKE 'cfpb-%'", Long.class);
        return count == null ? 0 : count;
    }
}

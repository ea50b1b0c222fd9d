package com.interactionledger.tools.bench;

import com.interactionledger.replay.verify.LedgerVerifier;
import com.interactionledger.replay.verify.VerificationReport;
import com.interactionledger.tools.importing.CfpbComplaints;
import com.interactionledger.tools.importing.ImportCli;
import com.interactionledger.tools.importing.Importer;
import com.interactionledger.tools.importing.source.DelimitedFile;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * {@code scripts/bench-import.sh [--copies 10] [--threads 16] [--read-models after|during] [--raw-seconds 10]
 * [--raw-clients 8]}: the CFPB importer on PostgreSQL (docs/PERFORMANCE.md, "Importing"). Imports the 6,623-complaint
 * sample of {@code ../shared/data}, then a file of {@code copies} copies of it (each copy's complaints renumbered),
 * into a fresh database through the ledger's own command side in this JVM — its read models applying the events while
 * the import runs, as {@code scripts/import.sh} runs by default, or paused during the import and caught up after it
 * ({@code --read-models after}) — and reports records and events per second of the import itself, how long the read
 * models took to catch up after it and the records per second until they had; checks the hash chain; then measures,
 * in the same database, the raw ceiling of batched inserts (100 event-shaped rows a transaction, plain JDBC) — the
 * figure an import is compared with.
 */
public final class ImportBenchmark {

    private static final Path SAMPLE = Path.of("..", "shared", "data", "cfpb-complaints", "complaints_sample.csv");

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = new BenchOptions(args);
        String url = options.required("jdbc-url");
        String user = options.get("user", "postgres");
        String password = options.password();
        int copies = Integer.parseInt(options.get("copies", "10"));
        int threads = Integer.parseInt(options.get("threads", "16"));
        // --read-models after: this JVM's read models paused during the import and caught up after it
        boolean readModelsAfter = options.get("read-models", "during").equals("after");
        if (!Files.isRegularFile(SAMPLE)) {
            System.out.println("skipped: " + SAMPLE.toAbsolutePath().normalize() + " is absent (the shared data folder"
                    + " is not beside this clone)");
            return;
        }
        Path work = Files.createTempDirectory("bench-import");
        Path larger = copies(SAMPLE, copies, work.resolve("complaints_x" + copies + ".csv"));
        List<String> settings = new ArrayList<>(List.of("--spring.profiles.active=postgres",
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + (password == null ? "" : password)));
        settings.addAll(LocalTopology.throwawayKeys());
        List<String> rows = new ArrayList<>();
        List<Double> eventsPerSecond = new ArrayList<>();
        try (ConfigurableApplicationContext ledger = ImportCli.start(settings)) {
            JdbcTemplate jdbc = ledger.getBean(JdbcTemplate.class);
            for (Path file : List.of(SAMPLE, larger)) {
                long before = head(jdbc);
                if (readModelsAfter) {
                    ImportCli.pauseReadModels(ledger);
                }
                Importer.Summary summary = ImportCli.importer(ledger).run(new CfpbComplaints(), file, Importer.Run.of(
                        work.resolve(file.getFileName() + ".rejects.csv"), "bench-" + file.getFileName(), threads),
                        null);
                long events = head(jdbc) - before;
                long caughtUp = System.nanoTime();
                if (readModelsAfter) {
                    ImportCli.resumeReadModels(ledger);
                }
                ImportCli.awaitReadModels(ledger);
                double catchUp = (System.nanoTime() - caughtUp) / 1e9;
                eventsPerSecond.add(events / summary.seconds());
                rows.add(String.format("| %s | %,d | %,d | %,d | %.1f | **%,.0f** | %,.0f | %.1f | %,.0f |",
                        file.getFileName(), summary.records(), summary.imported(), events, summary.seconds(),
                        summary.recordsPerSecond(), events / summary.seconds(), catchUp,
                        summary.records() / (summary.seconds() + catchUp)));
            }
        }
        VerificationReport chain;
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            chain = LedgerVerifier.verify(connection, List.of());
        }
        double raw = batchedInserts(url, user, password, Integer.parseInt(options.get("raw-clients", "8")),
                Duration.ofSeconds(Integer.parseInt(options.get("raw-seconds", "10"))));
        System.out.printf("""
                Import of CFPB complaints on PostgreSQL (%d sending threads; read models in the same JVM, %s)

                | file | records | imported | events | seconds | records/s | events/s | read models caught up (s) | records/s until caught up |
                |---|---|---|---|---|---|---|---|---|
                %s

                raw: 100-row INSERT transactions of event-shaped rows, plain JDBC: %,.0f rows/s
                ratio import events/s / raw rows/s: %s
                replay-tools verify: %s
                """, threads, readModelsAfter ? "paused during the import, caught up after it"
                        : "applying the import's events while it runs", String.join("\n", rows), raw,
                eventsPerSecond.stream().map(rate -> String.format("%.2f", rate / raw))
                        .collect(Collectors.joining(", ")),
                chain.intact() ? "INTACT" : "NOT INTACT: " + chain);
    }

    private static long head(JdbcTemplate jdbc) {
        Long head = jdbc.queryForObject("SELECT COALESCE(MAX(globalindex), 0) FROM domainevententry", Long.class);
        return head == null ? 0 : head;
    }

    /** The sample {@code copies} times over, each copy's complaint ids moved out of the way of the others. */
    private static Path copies(Path sample, int copies, Path target) throws IOException {
        List<List<String>> records = new ArrayList<>();
        try (DelimitedFile file = DelimitedFile.csv(Files.newInputStream(sample))) {
            for (DelimitedFile.Row row = file.next(); row != null; row = file.next()) {
                records.add(((DelimitedFile.Row.Record) row).fields());
            }
        }
        int id = records.get(0).indexOf("Complaint ID");
        try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            out.write(csv(records.get(0)));
            for (int copy = 0; copy < copies; copy++) {
                for (List<String> record : records.subList(1, records.size())) {
                    List<String> renumbered = new ArrayList<>(record);
                    renumbered.set(id, (copy + 1) + "0000000" + record.get(id));
                    out.write(csv(renumbered));
                }
            }
        }
        return target;
    }

    private static String csv(List<String> fields) {
        return fields.stream().map(field -> "\"" + field.replace("\"", "\"\"") + "\"")
                .collect(Collectors.joining(",")) + "\n";
    }

    /** Rows per second of 100-row INSERT transactions into an event-shaped table, {@code clients} at once. */
    private static double batchedInserts(String url, String user, String password, int clients, Duration duration)
            throws Exception {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_raw_batches");
            statement.execute("CREATE TABLE bench_raw_batches (globalindex BIGSERIAL PRIMARY KEY,"
                    + " aggregateidentifier VARCHAR(255) NOT NULL, sequencenumber BIGINT NOT NULL,"
                    + " payload BYTEA NOT NULL, metadata BYTEA, timestamp VARCHAR(64) NOT NULL,"
                    + " UNIQUE (aggregateidentifier, sequencenumber))");
        }
        byte[] payload = "p".repeat(700).getBytes(StandardCharsets.UTF_8);
        byte[] metadata = "m".repeat(400).getBytes(StandardCharsets.UTF_8);
        AtomicLong rows = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread worker = new Thread(() -> {
                try (Connection connection = DriverManager.getConnection(url, user, password);
                     PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_raw_batches"
                             + " (aggregateidentifier, sequencenumber, payload, metadata, timestamp)"
                             + " VALUES (?, ?, ?, ?, '2026-12-07T00:00:00Z')")) {
                    connection.setAutoCommit(false);
                    for (long batch = 0; System.nanoTime() < end; batch++) {
                        for (int i = 0; i < 100; i++) {
                            insert.setString(1, "raw-" + client + "-" + batch);
                            insert.setLong(2, i);
                            insert.setBytes(3, payload);
                            insert.setBytes(4, metadata);
                            insert.addBatch();
                        }
                        insert.executeBatch();
                        connection.commit();
                        rows.addAndGet(100);
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return rows.get() / ((System.nanoTime() - start) / 1e9);
    }
}

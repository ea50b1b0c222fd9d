package com.interactionledger.tools.bench;

import com.interactionledger.ledger.append.LedgerStoreAutoConfiguration;
import com.interactionledger.contracts.common.LedgerSerialization;
import com.interactionledger.ledger.stored.RecordedTime;
import com.interactionledger.ledger.sealing.CustomerKeys;
import com.interactionledger.ledger.sealing.MasterKeys;
import com.interactionledger.ledger.sealing.PersonalDataSerializer;
import com.interactionledger.replay.export.ExportKeys;
import com.interactionledger.replay.export.ExportScope;
import com.interactionledger.replay.export.LedgerExport;
import com.interactionledger.replay.verify.LedgerVerifier;
import com.interactionledger.replay.verify.VerificationReport;
import org.flywaydb.core.Flyway;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Benchmark of the regulator's tools on a large ledger, {@code verify} and {@code export} (scripts/bench-regulator.sh;
 * results in docs/PERFORMANCE.md).
 * <ol>
 *   <li>Migrates a fresh PostgreSQL database up to the chain's tables (migration 5), then writes N synthetic events
 *       shaped like the real ones (sessions of 20 events, a customer per 5 sessions, payload and metadata of the
 *       real sizes) with batched inserts.</li>
 *   <li>Runs migrations 6, 8 and 12, the production code that links and indexes events stored before the chain and
 *       the customer index, over all of them: chain and index are then what the append path would have
 *       written.</li>
 *   <li>Times the verifier over the whole ledger, then a window export of the whole ledger and one customer's
 *       export as the ledger stood halfway through (the head of that instant found by the recorded-time index of
 *       migration 12), in the heap the script gives this JVM (constant memory is the claim), and prints Markdown
 *       rows.</li>
 * </ol>
 * Not a test: it measures; correctness is TamperEvidenceTest's and RegulatorExportTest's business.
 */
public final class RegulatorBenchmark {

    private static final int EVENTS_PER_SESSION = 20;
    private static final int SESSIONS_PER_CUSTOMER = 5;
    private static final int INSERT_BATCH = 5_000;
    /** When the first synthetic event was recorded; event i is recorded i seconds later. */
    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
    private static final String[] WORDS = ("card payment refund account transfer charged twice statement branch "
            + "mortgage loan interest fee app login password blocked limit travel abroad cash machine").split(" ");

    private RegulatorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = new BenchOptions(args);
        String url = options.required("jdbc-url");
        String user = options.get("user", "postgres");
        String password = options.password();
        long events = Long.parseLong(options.get("events", "1000000"));

        Flyway.configure().dataSource(url, user, password).table("flyway_ledger_history")
                .locations("classpath:db/ledger/common", "classpath:db/ledger/postgresql").target("5").load().migrate();
        long start = System.nanoTime();
        write(url, user, password, events);
        double writeSeconds = seconds(start);

        start = System.nanoTime();
        Flyway.configure().dataSource(url, user, password).table("flyway_ledger_history")
                .locations("classpath:db/ledger/common", "classpath:db/ledger/postgresql")
                .javaMigrations(LedgerStoreAutoConfiguration.javaMigrations()).load()
                .migrate();
        double linkSeconds = seconds(start);

        // The digests a running ledger records every 15 minutes (ledger.chain.digest-interval): here every 900th
        // event, one being recorded each second; positions have no gaps, so the count of events linked is the
        // position. The verifier checks them below.
        try (Connection connection = DriverManager.getConnection(url, user, password);
             PreparedStatement digests = connection.prepareStatement("INSERT INTO ledger_digest (globalindex,"
                     + " chain_hash, events, recorded_at) SELECT globalindex, chain_hash, globalindex,"
                     + " TIMESTAMPTZ '2026-01-01 00:00:00+00' + globalindex * INTERVAL '1 second'"
                     + " FROM ledger_chain WHERE globalindex % 900 = 0")) {
            digests.executeUpdate();
        }

        // Once to warm the JIT and the database's cache, then measured.
        VerificationReport report;
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            LedgerVerifier.verify(connection, List.of());
            System.gc();
            start = System.nanoTime();
            report = LedgerVerifier.verify(connection, List.of());
        }
        double verifySeconds = seconds(start);
        if (!report.intact() || report.events() != events) {
            throw new IllegalStateException("the synthetic ledger did not verify: " + report);
        }
        long maxHeap = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        System.out.printf("verify: | %s | %,d | %,d | %.1f s | %.1f s | %.1f s | %,.0f | %d MiB | %s |%n",
                Instant.now().toString().substring(0, 10), report.events(), report.streams(), writeSeconds,
                linkSeconds, verifySeconds, report.events() / verifySeconds, maxHeap,
                ManagementFactory.getRuntimeMXBean().getVmVersion());

        PrivateKey key = KeyPairGenerator.getInstance(ExportKeys.ALGORITHM).generateKeyPair().getPrivate();
        // The synthetic events hold no sealed fields; the export still looks for them, as it does on a real ledger.
        PersonalDataSerializer personalData = new PersonalDataSerializer(LedgerSerialization.eventSerializer(),
                CustomerKeys.configured(() -> DriverManager.getConnection(url, user, password), MasterKeys.DEVELOPMENT,
                        Duration.ofMinutes(5)));
        Path directory = Files.createTempDirectory("bench-export");
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            start = System.nanoTime();
            LedgerExport.Result window = LedgerExport.write(connection, new ExportScope.Window(Instant.EPOCH,
                    Instant.parse("2100-01-01T00:00:00Z")), directory.resolve("window"), key, personalData);
            double windowSeconds = seconds(start);
            // As the ledger stood halfway through (event i is recorded at BASE + i s): the export must find the
            // head of that instant among a million recorded times; the customer's 100 events all precede it.
            // Three customers one after the other, as a regulator's requests come: the first pays for loading the
            // customer path's classes; the last is what a running service answers in.
            Instant asOf = BASE.plusSeconds(events / 2);
            LedgerExport.Result customer = null;
            double firstCustomerSeconds = 0;
            double customerSeconds = 0;
            for (int c = 0; c < 3; c++) {
                start = System.nanoTime();
                customer = LedgerExport.write(connection, new ExportScope.Customer("bench-customer-" + (4321 + c),
                        asOf), directory.resolve("customer-" + c), key, personalData);
                customerSeconds = seconds(start);
                firstCustomerSeconds = c == 0 ? customerSeconds : firstCustomerSeconds;
            }
            System.out.printf("export: | window, whole ledger | %,d | %.1f s | %,.0f | %,d MiB | %d MiB |%n",
                    window.events(), windowSeconds, window.events() / windowSeconds,
                    Files.size(directory.resolve("window").resolve(LedgerExport.EVENTS)) / (1024 * 1024)
                            + Files.size(directory.resolve("window").resolve(LedgerExport.REPORT)) / (1024 * 1024),
                    maxHeap);
            System.out.printf("export: | one customer as of %s (the third of three; the first %.3f s) | %,d | %.3f s"
                    + " | | | %d MiB |%n", asOf, firstCustomerSeconds, customer.events(), customerSeconds, maxHeap);
        } finally {
            try (var files = Files.walk(directory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void write(String url, String user, String password, long events) throws SQLException {
        SplittableRandom random = new SplittableRandom(20261123);
        try (Connection connection = DriverManager.getConnection(url, user, password);
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,
                         metadata, payload, payloadrevision, payloadtype, timestamp)
                     VALUES (?, ?, 'InteractionSession', ?, ?, ?, ?, ?, ?)""")) {
            connection.setAutoCommit(false);
            for (long i = 0; i < events; i++) {
                long session = i / EVENTS_PER_SESSION;
                long sequence = i % EVENTS_PER_SESSION;
                String sessionId = "bench-session-" + session;
                String customer = "bench-customer-" + session / SESSIONS_PER_CUSTOMER;
                // Recorded times as the append path records them: in order, in the ledger's one form.
                String at = RecordedTime.format(BASE.plusSeconds(i));
                insert.setString(1, sessionId);
                insert.setLong(2, sequence);
                insert.setString(3, "bench-event-" + i);
                insert.setBytes(4, ("{\"actorId\":\"" + customer + "\",\"actorRole\":\"CUSTOMER\",\"channel\":"
                        + "\"WEB_CHAT\",\"correlationId\":\"bench-" + session + "\",\"causationId\":\"bench-command-"
                        + i + "\",\"commandType\":\"RecordMessage\",\"commandTarget\":\"" + sessionId
                        + "\",\"customerId\":\"" + customer + "\"}").getBytes(StandardCharsets.UTF_8));
                if (sequence == 0) {
                    // Every session starts as a real one does, so exports can fold its state.
                    insert.setBytes(5, ("{\"sessionId\":\"" + sessionId + "\",\"customerId\":\"" + customer
                            + "\",\"channel\":\"WEB_CHAT\",\"socialNetwork\":null,\"entryPoint\":\"web\","
                            + "\"language\":\"en\",\"queue\":null,\"continuedFrom\":null,\"continuedFromChannel\":null,"
                            + "\"contextSummary\":null,\"occurredAt\":\"" + at + "\"}").getBytes(StandardCharsets.UTF_8));
                    insert.setString(6, "1");
                    insert.setString(7, "com.interactionledger.contracts.dialogue.SessionStarted");
                } else {
                    StringBuilder text = new StringBuilder();
                    while (text.length() < 200) {
                        text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                    }
                    insert.setBytes(5, ("{\"sessionId\":\"" + sessionId + "\",\"customerId\":\"" + customer
                            + "\",\"messageId\":\"m-" + i + "\",\"authorRole\":\"CUSTOMER\",\"authorId\":\"" + customer
                            + "\",\"text\":\"" + text.toString().trim() + "\",\"language\":\"en\",\"region\":null,"
                            + "\"attachments\":[],\"occurredAt\":\"" + at + "\"}").getBytes(StandardCharsets.UTF_8));
                    insert.setString(6, "2");
                    insert.setString(7, "com.interactionledger.contracts.dialogue.MessageRecorded");
                }
                insert.setString(8, at);
                insert.addBatch();
                if ((i + 1) % INSERT_BATCH == 0 || i + 1 == events) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}

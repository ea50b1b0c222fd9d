package com.interactionledger.deploy.bench;

import com.interactionledger.command.ledger.IndexEventsRecordedBeforeTheIndex;
import com.interactionledger.command.ledger.LinkEventsRecordedBeforeTheChain;
import com.interactionledger.replay.verify.LedgerVerifier;
import com.interactionledger.replay.verify.VerificationReport;
import org.flywaydb.core.Flyway;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Benchmark of {@code replay-tools verify} on a large ledger (scripts/bench-verify.sh; results in
 * docs/PERFORMANCE.md).
 * <ol>
 *   <li>Migrates a fresh PostgreSQL database up to the chain's tables (migration 5), then writes N synthetic events
 *       shaped like the real ones (sessions of 20 events, a customer per 5 sessions, payload and metadata of the
 *       real sizes) with batched inserts.</li>
 *   <li>Runs migrations 6 and 8, the production code that links and indexes events stored before the chain and
 *       the customer index, over all of them: chain and index are then what the append path would have
 *       written.</li>
 *   <li>Times the verifier over the whole ledger, in the heap the script gives this JVM (constant memory is the
 *       claim), and prints a Markdown row.</li>
 * </ol>
 * Not a test: it measures; the verifier's correctness is TamperEvidenceTest's business.
 */
public final class VerifyBenchmark {

    private static final int EVENTS_PER_SESSION = 20;
    private static final int SESSIONS_PER_CUSTOMER = 5;
    private static final int INSERT_BATCH = 5_000;
    private static final String[] WORDS = ("card payment refund account transfer charged twice statement branch "
            + "mortgage loan interest fee app login password blocked limit travel abroad cash machine").split(" ");

    private VerifyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = new BenchOptions(args);
        String url = options.required("jdbc-url");
        String user = options.get("user", "postgres");
        String password = options.get("password", "");
        long events = Long.parseLong(options.get("events", "1000000"));

        Flyway.configure().dataSource(url, user, password).table("flyway_ledger_history")
                .locations("classpath:db/ledger/common", "classpath:db/ledger/postgresql").target("5").load().migrate();
        long start = System.nanoTime();
        write(url, user, password, events);
        double writeSeconds = seconds(start);

        start = System.nanoTime();
        Flyway.configure().dataSource(url, user, password).table("flyway_ledger_history")
                .locations("classpath:db/ledger/common", "classpath:db/ledger/postgresql")
                .javaMigrations(new LinkEventsRecordedBeforeTheChain(), new IndexEventsRecordedBeforeTheIndex()).load()
                .migrate();
        double linkSeconds = seconds(start);

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
        System.out.printf("| %s | %,d | %,d | %.1f s | %.1f s | %.1f s | %,.0f | %d MiB | %s |%n",
                Instant.now().toString().substring(0, 10), report.events(), report.streams(), writeSeconds,
                linkSeconds, verifySeconds, report.events() / verifySeconds, maxHeap,
                ManagementFactory.getRuntimeMXBean().getVmVersion());
    }

    private static void write(String url, String user, String password, long events) throws SQLException {
        SplittableRandom random = new SplittableRandom(20261123);
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        try (Connection connection = DriverManager.getConnection(url, user, password);
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,
                         metadata, payload, payloadrevision, payloadtype, timestamp)
                     VALUES (?, ?, 'InteractionSession', ?, ?, ?, '1',
                         'com.interactionledger.contracts.dialogue.MessageRecorded', ?)""")) {
            connection.setAutoCommit(false);
            for (long i = 0; i < events; i++) {
                long session = i / EVENTS_PER_SESSION;
                String sessionId = "bench-session-" + session;
                String customer = "bench-customer-" + session / SESSIONS_PER_CUSTOMER;
                StringBuilder text = new StringBuilder();
                while (text.length() < 200) {
                    text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                }
                insert.setString(1, sessionId);
                insert.setLong(2, i % EVENTS_PER_SESSION);
                insert.setString(3, "bench-event-" + i);
                insert.setBytes(4, ("{\"actorId\":\"" + customer + "\",\"actorRole\":\"CUSTOMER\",\"channel\":"
                        + "\"WEB_CHAT\",\"correlationId\":\"bench-" + session + "\",\"causationId\":\"bench-command-"
                        + i + "\",\"commandType\":\"RecordMessage\",\"commandTarget\":\"" + sessionId
                        + "\",\"customerId\":\"" + customer + "\"}").getBytes(StandardCharsets.UTF_8));
                insert.setBytes(5, ("{\"sessionId\":\"" + sessionId + "\",\"customerId\":\"" + customer
                        + "\",\"messageId\":\"m-" + i + "\",\"authorRole\":\"CUSTOMER\",\"text\":\"" + text.toString().trim()
                        + "\",\"language\":\"en\",\"attachments\":[]}").getBytes(StandardCharsets.UTF_8));
                insert.setString(6, base.plusSeconds(i).toString());
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

package com.interactionledger.deploy.bench;

import com.interactionledger.contracts.privacy.MasterKeys;
import com.interactionledger.deploy.InteractionLedgerApplication;
import com.interactionledger.deploy.access.DevelopmentIssuer;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Benchmark of the command path (scripts/bench-commands.sh runs it; results go in docs/PERFORMANCE.md).
 * <ol>
 *   <li>Starts the all-in-one application in this JVM on the given (fresh) PostgreSQL database.</li>
 *   <li>Drives N record-message commands over HTTP from C concurrent clients; each client writes to its own
 *       sessions (a new session every {@value #MESSAGES_PER_SESSION} messages, as conversations do), after a
 *       warm-up that is not measured. Reports commands/s and latency percentiles.</li>
 *   <li>Measures the raw ceiling on the same database and concurrency: plain JDBC, one single-row INSERT and
 *       COMMIT per statement into a table shaped like the event table, with a payload and metadata of the same
 *       size as the events just stored.</li>
 * </ol>
 * Not a test: nothing here asserts; it measures and prints a Markdown block.
 */
public final class CommandBenchmark {

    static final int MESSAGES_PER_SESSION = 50;

    private CommandBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = new BenchOptions(args);
        String jdbcUrl = options.required("jdbc-url");
        String user = options.get("user", "postgres");
        String password = options.get("password", "");
        int commands = Integer.parseInt(options.get("commands", "20000"));
        int clients = Integer.parseInt(options.get("clients", "8"));
        int warmup = Integer.parseInt(options.get("warmup", String.valueOf(Math.max(1000, commands / 10))));

        InteractionLedgerApplication.offline();
        ConfigurableApplicationContext app = SpringApplication.run(InteractionLedgerApplication.class,
                "--server.port=0", "--spring.profiles.active=postgres", "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
                "--spring.datasource.hikari.maximum-pool-size=" + Math.max(10, clients + 4),
                "--logging.level.root=WARN", "--spring.main.banner-mode=off",
                // A throwaway benchmark database: the development key is fine, and sealing is part of what is timed.
                "--ledger.privacy.master-keys=" + MasterKeys.DEVELOPMENT,
                // ... and so is the development issuer: token checks (signature, claims) are timed too.
                "--ledger.access.mode=development");
        Result ledger;
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            HttpDriver driver = new HttpDriver(port,
                    app.getBean(DevelopmentIssuer.class).issue("bench-channel-gateway", List.of("SYSTEM")));
            driver.run(Math.max(clients, 1), warmup, clients);
            ledger = driver.run(commands, commands, clients);
        } finally {
            app.close();
        }
        Result raw;
        int payloadBytes;
        int metadataBytes;
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            int[] sizes = averageEventSize(connection);
            payloadBytes = sizes[0];
            metadataBytes = sizes[1];
        }
        raw = new RawInsertDriver(jdbcUrl, user, password, payloadBytes, metadataBytes).run(commands, clients);

        System.out.println(report(jdbcUrl, commands, clients, warmup, ledger, raw, payloadBytes, metadataBytes));
    }

    record Result(int operations, int failures, Duration elapsed, long[] latenciesNanos) {
        double perSecond() {
            return operations / (elapsed.toNanos() / 1e9);
        }

        double percentileMillis(double percentile) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(percentile / 100.0 * latenciesNanos.length) - 1;
            return latenciesNanos[Math.max(0, Math.min(index, latenciesNanos.length - 1))] / 1e6;
        }
    }

    /** Runs {@code count} operations over {@code clients} threads, timing each. */
    abstract static class Driver {
        Result measure(int count, int clients, Operation operation) throws Exception {
            AtomicInteger next = new AtomicInteger();
            AtomicInteger failures = new AtomicInteger();
            long[] latencies = new long[count];
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            long start = System.nanoTime();
            try {
                List<Future<?>> workers = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    int client = c;
                    Callable<Void> worker = () -> {
                        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                            long t0 = System.nanoTime();
                            if (!operation.perform(client, i)) {
                                failures.incrementAndGet();
                            }
                            latencies[i] = System.nanoTime() - t0;
                        }
                        return null;
                    };
                    workers.add(pool.submit(worker));
                }
                for (Future<?> worker : workers) {
                    worker.get();
                }
            } finally {
                pool.shutdownNow();
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            Arrays.sort(latencies);
            return new Result(count, failures.get(), elapsed, latencies);
        }
    }

    interface Operation {
        boolean perform(int client, int index) throws Exception;
    }

    /** Record-message commands over HTTP; each client opens a new session every MESSAGES_PER_SESSION messages. */
    static final class HttpDriver extends Driver {
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final String base;
        private final String run = UUID.randomUUID().toString().substring(0, 8);
        private final Map<Integer, String> sessionOfClient = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<Integer, Integer> messagesOfClient = new java.util.concurrent.ConcurrentHashMap<>();

        private final String token;

        HttpDriver(int port, String token) {
            this.base = "http://127.0.0.1:" + port;
            this.token = token;
        }

        Result run(int count, int ignored, int clients) throws Exception {
            return measure(count, clients, (client, index) -> {
                int written = messagesOfClient.merge(client, 1, Integer::sum);
                if (written % MESSAGES_PER_SESSION == 1) {
                    String session = "bench-" + run + "-" + client + "-" + (written / MESSAGES_PER_SESSION);
                    post("/sessions", "{\"sessionId\":\"" + session + "\",\"customerId\":\"bench-customer-" + client
                            + "\",\"channel\":\"WEB_CHAT\",\"entryPoint\":\"benchmark\"}");
                    sessionOfClient.put(client, session);
                }
                String body = "{\"authorRole\":\"CUSTOMER\",\"language\":\"en\",\"text\":\"Benchmark message " + index
                        + ": my card payment at the supermarket was declined twice although my balance is fine.\"}";
                return post("/sessions/" + sessionOfClient.get(client) + "/messages", body) == 200;
            });
        }

        private int post(String path, String json) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    /** The ceiling: single-row INSERT + COMMIT per statement into a same-shaped table, plain JDBC. */
    static final class RawInsertDriver extends Driver {
        private final String url;
        private final String user;
        private final String password;
        private final byte[] payload;
        private final byte[] metadata;

        RawInsertDriver(String url, String user, String password, int payloadBytes, int metadataBytes) {
            this.url = url;
            this.user = user;
            this.password = password;
            this.payload = "p".repeat(payloadBytes).getBytes();
            this.metadata = "m".repeat(metadataBytes).getBytes();
        }

        Result run(int count, int clients) throws Exception {
            try (Connection connection = DriverManager.getConnection(url, user, password);
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS bench_raw_events");
                statement.execute("""
                        CREATE TABLE bench_raw_events (
                            globalindex BIGSERIAL NOT NULL PRIMARY KEY,
                            aggregateidentifier VARCHAR(255) NOT NULL,
                            sequencenumber BIGINT NOT NULL,
                            type VARCHAR(255),
                            eventidentifier VARCHAR(255) NOT NULL UNIQUE,
                            metadata BYTEA,
                            payload BYTEA NOT NULL,
                            payloadrevision VARCHAR(255),
                            payloadtype VARCHAR(255) NOT NULL,
                            timestamp VARCHAR(255) NOT NULL,
                            UNIQUE (aggregateidentifier, sequencenumber))""");
            }
            List<Connection> connections = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                Connection connection = DriverManager.getConnection(url, user, password);
                connection.setAutoCommit(true);
                connections.add(connection);
            }
            String run = UUID.randomUUID().toString().substring(0, 8);
            try {
                return measure(count, clients, (client, index) -> {
                    try (PreparedStatement insert = connections.get(client).prepareStatement(
                            "INSERT INTO bench_raw_events (aggregateidentifier, sequencenumber, type, eventidentifier,"
                                    + " metadata, payload, payloadrevision, payloadtype, timestamp)"
                                    + " VALUES (?, ?, 'InteractionSession', ?, ?, ?, '1', ?, ?)")) {
                        insert.setString(1, "raw-" + run + "-" + client + "-" + index / MESSAGES_PER_SESSION);
                        insert.setLong(2, index);
                        insert.setString(3, UUID.randomUUID().toString());
                        insert.setBytes(4, metadata);
                        insert.setBytes(5, payload);
                        insert.setString(6, "com.interactionledger.contracts.dialogue.MessageRecorded");
                        insert.setString(7, Instant.now().toString());
                        return insert.executeUpdate() == 1;
                    }
                });
            } finally {
                for (Connection connection : connections) {
                    connection.close();
                }
            }
        }
    }

    private static int[] averageEventSize(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT AVG(octet_length(payload)), AVG(octet_length(metadata))"
                     + " FROM domainevententry WHERE payloadtype LIKE '%MessageRecorded'")) {
            rs.next();
            return new int[]{(int) Math.round(rs.getDouble(1)), (int) Math.round(rs.getDouble(2))};
        }
    }

    private static String report(String jdbcUrl, int commands, int clients, int warmup, Result ledger, Result raw,
                                 int payloadBytes, int metadataBytes) {
        Runtime runtime = Runtime.getRuntime();
        return String.format("""
                        ### Command path vs raw PostgreSQL ceiling (%s)

                        Machine: %d cores, JVM %s (%s), max heap %d MiB, %s %s
                        Settings: %d record-message commands after %d warm-up, %d concurrent clients, %d messages per session; database %s
                        Event size: payload %d B, metadata %d B (averages of the MessageRecorded events stored)

                        | | ops/s | p50 ms | p99 ms | p99.9 ms | max ms | failures |
                        |---|---:|---:|---:|---:|---:|---:|
                        | ledger: POST /sessions/{id}/messages over HTTP | %.0f | %.2f | %.2f | %.2f | %.2f | %d |
                        | raw: single-row INSERT + COMMIT, plain JDBC | %.0f | %.2f | %.2f | %.2f | %.2f | %d |

                        Ratio ledger / raw throughput: %.2f
                        """,
                Instant.now(), runtime.availableProcessors(), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), runtime.maxMemory() / (1024 * 1024), System.getProperty("os.name"),
                System.getProperty("os.arch"), commands, warmup, clients, MESSAGES_PER_SESSION,
                jdbcUrl.replaceAll("\\?.*", ""), payloadBytes, metadataBytes,
                ledger.perSecond(), ledger.percentileMillis(50), ledger.percentileMillis(99),
                ledger.percentileMillis(99.9), ledger.percentileMillis(100), ledger.failures(),
                raw.perSecond(), raw.percentileMillis(50), raw.percentileMillis(99), raw.percentileMillis(99.9),
                raw.percentileMillis(100), raw.failures(),
                ledger.perSecond() / raw.perSecond());
    }


}

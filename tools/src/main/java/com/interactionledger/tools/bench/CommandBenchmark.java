package com.interactionledger.tools.bench;

import com.interactionledger.deploy.InteractionLedgerApplication;
import com.interactionledger.deploy.identity.LocalIdentityProvider;
import com.interactionledger.deploy.services.CommandSideService;
import com.interactionledger.ledger.stored.TimeOrderedIdentifiers;
import com.interactionledger.replay.verify.LedgerVerifier;
import com.interactionledger.replay.verify.VerificationReport;
import com.interactionledger.tools.demo.EmbeddedDefault;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark of the command path against the raw PostgreSQL ceiling of the same run (scripts/bench-commands.sh runs
 * it; results go in docs/PERFORMANCE.md). Nothing here asserts: it measures and prints a Markdown block.
 * <ol>
 *   <li>Starts the service in a JVM of its own from the application jar ({@code --heap}, 512 MiB by default), in
 *       one of three shapes: {@code all-in-one} on PostgreSQL (every read model in the same JVM, as users run it),
 *       {@code command-side} (the command-side service alone: its read models would be in a query-side service) or
 *       {@code embedded} (the default of {@code scripts/run.sh}: H2 file database, one JVM; from the tools' jar,
 *       since the application jar carries no H2).</li>
 *   <li>Drives commands over HTTP/1.1 (kept-alive connections) from this JVM: record-message commands on sessions
 *       of {@code --session-length} messages (each lane of load writes its own sessions, one after the other; a
 *       session is opened by a start-session command, which counts as a command too). Load is {@code closed}
 *       ({@code --clients} clients, each sending its next command when the last is answered), {@code open}
 *       ({@code --rate} commands/s sent when they are due, whatever the answers; latency from the time a command
 *       was due, so a stalled service cannot hide its queue) or {@code reads} (the agent's timeline read, which
 *       records itself on the audit trail, from {@code --clients} clients while commands run open-loop at
 *       {@code --read-rate}/s, 500 by default) or {@code reads-open} (the same reads sent when due, at
 *       {@code --reads-per-second}, 1,000 by default, from {@code --clients} readers: the latency at a given rate,
 *       where the closed reads give the most the service answers). Several loads ({@code --load
 *       closed,open,reads}) are measured one after the other on the same service.</li>
 *   <li>After {@code --warmup} seconds of the (first) load, not measured, measures for {@code --seconds}: operations
 *       per second, latency percentiles, failures (any answer but 2xx), the service's CPU time per operation; in
 *       the open and reads loads on PostgreSQL also the timeline's freshness (from a command's answer, which names
 *       its position, until the timeline processor's stored tokens have all passed it, read every 5 ms).</li>
 *   <li>Stops the service, checks the hash chain ({@code replay-tools verify}) and measures the raw ceiling on the
 *       same PostgreSQL: plain JDBC, one single-row INSERT and COMMIT per operation into a table shaped like the
 *       event table, with payload and metadata of the stored events' average size, from as many threads.</li>
 * </ol>
 */
public final class CommandBenchmark {

    enum Shape { ALL_IN_ONE, COMMAND_SIDE, EMBEDDED }

    enum Load {
        CLOSED, OPEN, READS, READS_OPEN;

        boolean reads() {
            return this == READS || this == READS_OPEN;
        }
    }

    private CommandBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = new BenchOptions(args);
        Shape shape = Shape.valueOf(options.get("shape", "all-in-one").toUpperCase(Locale.ROOT).replace('-', '_'));
        List<Load> loads = Arrays.stream(options.get("load", "closed").split(","))
                .map(load -> Load.valueOf(load.trim().toUpperCase(Locale.ROOT).replace('-', '_'))).toList();
        String jdbcUrl = options.required("jdbc-url");
        String user = options.get("user", "postgres");
        String password = options.password();
        int clients = Integer.parseInt(options.get("clients", "64"));
        int rate = Integer.parseInt(options.get("rate", "1000"));
        int readRate = Integer.parseInt(options.get("read-rate", "500"));
        int readsPerSecond = Integer.parseInt(options.get("reads-per-second", "1000"));
        int seconds = Integer.parseInt(options.get("seconds", "60"));
        int warmup = Integer.parseInt(options.get("warmup", "30"));
        int sessionLength = Integer.parseInt(options.get("session-length", "50"));
        String heap = options.get("heap", "512m");
        int rawSeconds = Integer.parseInt(options.get("raw-seconds", "20"));
        String jfr = options.get("jfr", "");
        Path work = Path.of("target", "bench", "commands-" + UUID.randomUUID().toString().substring(0, 8));

        int port = freePort();
        Path dataDirectory = work.toAbsolutePath().resolve("data");
        String serviceUrl = shape == Shape.EMBEDDED ? EmbeddedDefault.url(dataDirectory) : jdbcUrl;
        // Tokens from a provider of the benchmark's own, as production takes them from its OIDC provider (checking
        // them is part of what is timed); keys made for this run (so is sealing with them).
        LocalIdentityProvider identity = LocalIdentityProvider.start(0);
        List<String> serviceArgs = new ArrayList<>(identity.ledgerArguments());
        serviceArgs.addAll(LocalTopology.throwawayKeys());
        // the workload's customers write through this gateway (the service records only what a caller may say)
        serviceArgs.add("--ledger.machines.bench-channel-gateway.gateway-of=WEB_CHAT");
        serviceArgs.add("--ledger.machines.bench-channel-gateway.records=" + LocalTopology.GATEWAY_RECORDS);
        serviceArgs.addAll(List.of(
                "--spring.datasource.hikari.maximum-pool-size=" + options.get("pool", "20"),
                // the append path's meters (batch sizes and times), read before and after the measurement
                "--management.endpoints.web.exposure.include=health,info,metrics"));
        serviceArgs.addAll(options.passThrough());
        if (shape == Shape.EMBEDDED) {
            serviceArgs.addAll(EmbeddedDefault.arguments(dataDirectory));
        } else {
            // the password through the environment (the postgres profile reads LEDGER_DB_PASSWORD)
            serviceArgs.addAll(List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + jdbcUrl,
                    "--spring.datasource.username=" + user));
        }
        String mainClass = (shape == Shape.COMMAND_SIDE ? CommandSideService.class
                : InteractionLedgerApplication.class).getName();
        List<String> jvm = new ArrayList<>(List.of("-Xmx" + heap, "-Xms" + heap, "-XX:+UseG1GC"));
        String jvmOptions = options.get("jvm-options", "");
        if (!jvmOptions.isBlank()) {
            jvm.addAll(List.of(jvmOptions.trim().split("\\s+")));
        }

        List<Phase> phases = new ArrayList<>();
        String statistics;
        try (identity; ServiceProcess service = ServiceProcess.start(
                // the embedded default runs from the tools' jar, the one with H2 (the image has none)
                shape == Shape.EMBEDDED ? ServiceProcess.TOOLS_JAR : ServiceProcess.JAR,
                "ledger-" + shape.name().toLowerCase(Locale.ROOT), mainClass, port, jvm, serviceArgs,
                shape == Shape.EMBEDDED ? Map.of() : BenchOptions.serviceEnvironment(password), work)) {
            String token = identity.token("bench-channel-gateway", "SYSTEM");
            String agent = shape == Shape.COMMAND_SIDE ? null : identity.token("bench-agent", "AGENT");
            Workload workload = new Workload(port, token, agent, sessionLength, readsPerSecond);
            // One warm-up (the first load), then each load measured in turn on the same warm service.
            workload.run(loads.get(0), clients, commandRate(loads.get(0), rate, readRate),
                    Duration.ofSeconds(warmup), null);
            statistics = shape == Shape.EMBEDDED ? "H2" : statisticsAfterWarmUp(jdbcUrl, user, password);
            for (Load load : loads) {
                FreshnessProbe probe = load == Load.CLOSED || shape != Shape.ALL_IN_ONE ? null
                        : new FreshnessProbe(jdbcUrl, user, password, "timeline");
                if (!jfr.isEmpty()) {
                    jcmd(service.pid(), "JFR.start", "name=bench", "settings=default",
                            "filename=" + jfr.replace(".jfr", "-" + load.name().toLowerCase(Locale.ROOT) + ".jfr"));
                }
                AppendMeters metersBefore = AppendMeters.read(port, token);
                double cpuBefore = service.cpuSeconds();
                Measured measured = workload.run(load, clients, commandRate(load, rate, readRate),
                        Duration.ofSeconds(seconds), probe);
                double cpuSeconds = service.cpuSeconds() - cpuBefore;
                AppendMeters appends = AppendMeters.read(port, token).since(metersBefore);
                if (!jfr.isEmpty()) {
                    jcmd(service.pid(), "JFR.stop", "name=bench");
                }
                phases.add(new Phase(load, commandRate(load, rate, readRate), measured, cpuSeconds, appends,
                        probe == null ? null : probe.finish()));
            }
        }

        String verifyUrl = shape == Shape.EMBEDDED ? serviceUrl : jdbcUrl;
        VerificationReport chain;
        int[] sizes;
        try (Connection connection = shape == Shape.EMBEDDED ? DriverManager.getConnection(verifyUrl, "sa", "")
                : DriverManager.getConnection(verifyUrl, user, password)) {
            chain = LedgerVerifier.verify(connection, List.of());
            sizes = averageEventSize(connection);
        }
        Result raw = new RawInsertDriver(jdbcUrl, user, password, sizes[0], sizes[1])
                .run(clients, Duration.ofSeconds(rawSeconds));

        for (Phase phase : phases) {
            System.out.println(report(shape, phase, clients, readsPerSecond, seconds, warmup, sessionLength, heap, raw, sizes,
                    chain, jdbcUrl, statistics));
        }
    }

    /** The commands' rate of an open load: alone, or under the timeline reads. */
    private static int commandRate(Load load, int rate, int readRate) {
        return load.reads() ? readRate : rate;
    }

    /** One load measured on the warm service. */
    record Phase(Load load, int rate, Measured measured, double cpuSeconds, AppendMeters appends,
                 Freshness freshness) {
    }

    // ---------------------------------------------------------------- load

    /** Latencies and failures of one kind of operation. */
    record Result(long operations, long failures, Duration elapsed, long[] latenciesNanos) {
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

    /** Commands, and reads when the load has them. */
    record Measured(Result commands, Result reads) {
    }

    /** Collects latencies from many threads. */
    static final class Recorder {
        private long[] latencies = new long[1 << 16];
        private int count;
        private long failures;
        private String firstFailure;

        synchronized void record(long nanos, boolean ok, String failure) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
            if (!ok) {
                failures++;
                if (firstFailure == null) {
                    firstFailure = failure;
                }
            }
        }

        synchronized Result result(Duration elapsed) {
            long[] sorted = Arrays.copyOf(latencies, count);
            Arrays.sort(sorted);
            if (firstFailure != null) {
                System.err.println("first failure: " + firstFailure);
            }
            return new Result(count, failures, elapsed, sorted);
        }
    }

    /**
     * The commands: lane {@code k} writes customer {@code k}'s sessions one after the other, each opened by a
     * start-session command and followed by {@code sessionLength} record-message commands.
     */
    static final class Workload {
        private final int port;
        private final String token;
        private final String agentToken;
        private final int sessionLength;
        private final int readsPerSecond;
        private final String run = UUID.randomUUID().toString().substring(0, 8);
        private final List<Lane> lanes = new ArrayList<>();

        Workload(int port, String token, String agentToken, int sessionLength, int readsPerSecond) {
            this.port = port;
            this.token = token;
            this.agentToken = agentToken;
            this.sessionLength = sessionLength;
            this.readsPerSecond = readsPerSecond;
        }

        /** One lane of commands: its own connection, customer and sessions. */
        final class Lane {
            final WireHttp http = new WireHttp(port);
            final String customer;
            long sent;
            String session;

            Lane(int index) {
                this.customer = "bench-" + run + "-customer-" + index;
            }

            /** Sends the lane's next command; true when it was accepted. */
            WireHttp.Answer next() throws IOException {
                long step = sent++ % (sessionLength + 1);
                if (step == 0) {
                    session = "bench-" + run + "-" + customer.substring(customer.lastIndexOf('-') + 1) + "-"
                            + sent / (sessionLength + 1);
                    return http.send("POST", "/sessions", token, "{\"sessionId\":\"" + session
                            + "\",\"customerId\":\"" + customer + "\",\"channel\":\"WEB_CHAT\","
                            + "\"entryPoint\":\"benchmark\"}", "X-Ledger-Position", false);
                }
                return http.send("POST", "/sessions/" + session + "/messages", token, "{\"authorRole\":\"CUSTOMER\","
                        + "\"language\":\"en\",\"text\":\"Benchmark message " + step + " of " + session + ": my card"
                        + " payment at the supermarket was declined twice although my balance is fine.\"}",
                        "X-Ledger-Position", false);
            }
        }

        private Lane lane(int index) {
            while (lanes.size() <= index) {
                lanes.add(new Lane(lanes.size()));
            }
            return lanes.get(index);
        }

        Measured run(Load load, int clients, int rate, Duration duration, FreshnessProbe probe) throws Exception {
            Recorder commands = new Recorder();
            Recorder reads = new Recorder();
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            List<Thread> threads = new ArrayList<>();
            if (probe != null) {
                threads.add(started(() -> probe.run(end)));
            }
            if (load == Load.CLOSED) {
                for (int c = 0; c < clients; c++) {
                    Lane lane = lane(c);
                    threads.add(started(() -> {
                        while (System.nanoTime() < end) {
                            long t0 = System.nanoTime();
                            send(lane, commands, t0, null);
                        }
                    }));
                }
            } else {
                // Open loop: command i is due at start + i / rate and goes to lane i mod L; a lane sends its
                // commands in order (a session's messages follow its start), each when due or as soon as the lane
                // is free, and the latency counts from when it was due.
                int laneCount = Math.max(64, rate / 4);
                long interval = 1_000_000_000L * laneCount / rate;
                for (int l = 0; l < laneCount; l++) {
                    Lane lane = lane(l);
                    long first = start + 1_000_000_000L * l / rate;
                    threads.add(started(() -> {
                        for (long due = first; due < end; due += interval) {
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                LockSupport.parkNanos(wait);
                            }
                            send(lane, commands, due, probe);
                        }
                    }));
                }
                // Reads: closed (each reader sends its next read when the last is answered) or open (read i is due
                // at start + i / reads-per-second, reader i mod clients sends it; latency from when it was due).
                long readInterval = 1_000_000_000L * clients / readsPerSecond;
                for (int r = 0; load.reads() && r < clients; r++) {
                    WireHttp http = new WireHttp(port);
                    long first = start + 1_000_000_000L * r / readsPerSecond;
                    threads.add(started(() -> {
                        for (long due = first; load == Load.READS_OPEN ? due < end : System.nanoTime() < end;
                             due += readInterval) {
                            long t0 = System.nanoTime();
                            if (load == Load.READS_OPEN) {
                                if (due > t0) {
                                    LockSupport.parkNanos(due - t0);
                                }
                                t0 = due;
                            }
                            Lane someone = lanes.get(ThreadLocalRandom.current().nextInt(laneCount));
                            try {
                                WireHttp.Answer answer = http.send("GET", "/customers/" + someone.customer
                                        + "/timeline?order=desc&limit=5", agentToken, null, null, false);
                                reads.record(System.nanoTime() - t0, answer.status() == 200,
                                        "timeline read: " + answer.status());
                            } catch (IOException e) {
                                reads.record(System.nanoTime() - t0, false, e.toString());
                            }
                        }
                        http.close();
                    }));
                }
            }
            for (Thread thread : threads) {
                thread.join();
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            return new Measured(commands.result(elapsed), load.reads() ? reads.result(elapsed) : null);
        }

        private static void send(Lane lane, Recorder recorder, long since, FreshnessProbe probe) {
            try {
                WireHttp.Answer answer = lane.next();
                long done = System.nanoTime();
                boolean ok = answer.status() / 100 == 2;
                recorder.record(done - since, ok, "command: " + answer.status());
                if (ok && probe != null && answer.header() != null) {
                    probe.answered(Long.parseLong(answer.header()), done);
                }
            } catch (IOException e) {
                recorder.record(System.nanoTime() - since, false, e.toString());
            }
        }
    }

    // ---------------------------------------------------------------- the append path's meters

    /** Batches of the group commit: counts and totals of the service's meters (cumulative, or a difference). */
    record AppendMeters(double batches, double appends, double events, double batchSeconds, double appendCount,
                        double appendSeconds, double lockSeconds, double writeSeconds) {

        static AppendMeters read(int port, String token) throws IOException {
            try (WireHttp http = new WireHttp(port)) {
                double[] appendsPerBatch = meter(http, token, "ledger.append.batch.appends");
                double[] eventsPerBatch = meter(http, token, "ledger.append.batch.events");
                double[] batchTime = meter(http, token, "ledger.append.batch.time");
                double[] appendTime = meter(http, token, "ledger.append.time");
                double[] lockTime = meter(http, token, "ledger.append.batch.lock");
                double[] writeTime = meter(http, token, "ledger.append.batch.write");
                return new AppendMeters(appendsPerBatch[0], appendsPerBatch[1], eventsPerBatch[1], batchTime[1],
                        appendTime[0], appendTime[1], lockTime[1], writeTime[1]);
            }
        }

        AppendMeters since(AppendMeters before) {
            return new AppendMeters(batches - before.batches, appends - before.appends, events - before.events,
                    batchSeconds - before.batchSeconds, appendCount - before.appendCount,
                    appendSeconds - before.appendSeconds, lockSeconds - before.lockSeconds,
                    writeSeconds - before.writeSeconds);
        }

        /** COUNT and TOTAL (or TOTAL_TIME, in seconds) of a meter from /actuator/metrics. */
        private static double[] meter(WireHttp http, String token, String name) throws IOException {
            WireHttp.Answer answer = http.send("GET", "/actuator/metrics/" + name, token, null, null, true);
            if (answer.status() != 200) {
                throw new IllegalStateException("no meter " + name + ": " + answer.status() + " " + answer.text());
            }
            double count = 0;
            double total = 0;
            for (com.fasterxml.jackson.databind.JsonNode measurement : JSON.readTree(answer.body())
                    .path("measurements")) {
                switch (measurement.path("statistic").asText()) {
                    case "COUNT" -> count = measurement.path("value").asDouble();
                    case "TOTAL", "TOTAL_TIME" -> total = measurement.path("value").asDouble();
                    default -> {
                    }
                }
            }
            return new double[] {count, total};
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    // ---------------------------------------------------------------- freshness

    /** Freshness percentiles in milliseconds. */
    record Freshness(long measured, double p50, double p95, double p99, double max) {
    }

    /**
     * How long after a command's answer its event is in the timeline: a probe reads the timeline processor's stored
     * tokens (written in the transaction that writes the rows) every 5 ms; a command counts as fresh at the first
     * probe that finds every segment past its position.
     */
    static final class FreshnessProbe {
        private static final Pattern INDEX = Pattern.compile("\"index\"\\s*:\\s*(\\d+)");
        private final Connection db;
        private final String processor;
        private final PriorityQueue<long[]> waiting = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        private final List<Long> freshness = new ArrayList<>();

        FreshnessProbe(String url, String user, String password, String processor) throws SQLException {
            this.db = DriverManager.getConnection(url, user, password);
            this.processor = processor;
        }

        synchronized void answered(long position, long atNanos) {
            waiting.add(new long[] {position, atNanos});
        }

        void run(long end) {
            try (PreparedStatement tokens = db.prepareStatement(
                    "SELECT token FROM tokenentry WHERE processorname = ?")) {
                tokens.setString(1, processor);
                while (System.nanoTime() < end + 5_000_000_000L) {
                    long applied = Long.MAX_VALUE;
                    try (ResultSet rows = tokens.executeQuery()) {
                        while (rows.next()) {
                            byte[] token = rows.getBytes(1);
                            Matcher index = INDEX.matcher(token == null ? "" : new String(token));
                            applied = Math.min(applied, index.find() ? Long.parseLong(index.group(1)) : 0);
                        }
                    }
                    long now = System.nanoTime();
                    synchronized (this) {
                        while (!waiting.isEmpty() && waiting.peek()[0] <= applied) {
                            freshness.add(now - waiting.poll()[1]);
                        }
                        if (now > end && waiting.isEmpty()) {
                            return;
                        }
                    }
                    LocalTopology.sleep(Duration.ofMillis(5));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("freshness probe failed", e);
            }
        }

        synchronized Freshness finish() throws SQLException {
            db.close();
            long[] sorted = freshness.stream().mapToLong(Long::longValue).sorted().toArray();
            if (sorted.length == 0) {
                return new Freshness(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            Result asResult = new Result(sorted.length, 0, Duration.ZERO, sorted);
            return new Freshness(sorted.length, asResult.percentileMillis(50), asResult.percentileMillis(95),
                    asResult.percentileMillis(99), asResult.percentileMillis(100));
        }
    }

    // ---------------------------------------------------------------- the raw ceiling

    /** The ceiling: single-row INSERT + COMMIT per operation into a same-shaped table, plain JDBC, closed loop. */
    static final class RawInsertDriver {
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

        Result run(int clients, Duration duration) throws Exception {
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
            Recorder recorder = new Recorder();
            String run = UUID.randomUUID().toString().substring(0, 8);
            AtomicLong next = new AtomicLong();
            AtomicBoolean failed = new AtomicBoolean();
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                threads.add(started(() -> {
                    TimeOrderedIdentifiers identifiers = new TimeOrderedIdentifiers();
                    try (Connection connection = DriverManager.getConnection(url, user, password);
                         PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_raw_events"
                                 + " (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload,"
                                 + " payloadrevision, payloadtype, timestamp)"
                                 + " VALUES (?, ?, 'InteractionSession', ?, ?, ?, '1', ?, ?)")) {
                        connection.setAutoCommit(true);
                        while (System.nanoTime() < end) {
                            long index = next.getAndIncrement();
                            long t0 = System.nanoTime();
                            insert.setString(1, "raw-" + run + "-" + client + "-" + index / 50);
                            insert.setLong(2, index);
                            // identifiers as the ledger makes them (time-ordered), so both indexes grow alike
                            insert.setString(3, identifiers.generateIdentifier());
                            insert.setBytes(4, metadata);
                            insert.setBytes(5, payload);
                            insert.setString(6, "com.interactionledger.contracts.dialogue.MessageRecorded");
                            insert.setString(7, Instant.now().toString());
                            boolean ok = insert.executeUpdate() == 1;
                            recorder.record(System.nanoTime() - t0, ok, "raw insert");
                        }
                    } catch (SQLException e) {
                        failed.set(true);
                        throw new IllegalStateException(e);
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            if (failed.get()) {
                throw new IllegalStateException("the raw insert driver failed");
            }
            return recorder.result(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    // ---------------------------------------------------------------- helpers and report

    private static Thread started(Runnable work) {
        Thread thread = new Thread(work);
        thread.start();
        return thread;
    }

    /**
     * Table statistics as a production server has them after the warm-up. The tests' PostgreSQL here runs with
     * autovacuum off, and a statement the service prepared while its tables were nearly empty keeps its first
     * generic plan until statistics change: the read models' freshness lookup by primary key stayed a sequential
     * scan (10 ms at 55k events, growing with the ledger) and timeline reads measured a third of their rate. With
     * autovacuum on, the tables are analyzed as they grow and those plans are made again; here the benchmark does
     * what autovacuum would (ANALYZE invalidates the cached plans).
     *
     * @return how the statistics were had, for the report
     */
    private static String statisticsAfterWarmUp(String url, String user, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SHOW autovacuum")) {
                rs.next();
                if (rs.getString(1).equals("on")) {
                    return "autovacuum on";
                }
            }
            statement.execute("ANALYZE");
            return "autovacuum off: ANALYZE after the warm-up";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd")
                .toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        new ProcessBuilder(line).inheritIO().start().waitFor();
    }

    private static int[] averageEventSize(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT AVG(OCTET_LENGTH(payload)), AVG(OCTET_LENGTH(metadata))"
                     + " FROM domainevententry WHERE payloadtype LIKE '%MessageRecorded'")) {
            rs.next();
            return new int[] {(int) Math.round(rs.getDouble(1)), (int) Math.round(rs.getDouble(2))};
        }
    }

    private static String row(String what, Result result) {
        return String.format("| %s | %.0f | %.2f | %.2f | %.2f | %.2f | %d |", what, result.perSecond(),
                result.percentileMillis(50), result.percentileMillis(99), result.percentileMillis(99.9),
                result.percentileMillis(100), result.failures());
    }

    private static String report(Shape shape, Phase phase, int clients, int readsPerSecond, int seconds, int warmup,
                                 int sessionLength, String heap, Result raw, int[] sizes, VerificationReport chain,
                                 String jdbcUrl, String statistics) {
        Measured ledger = phase.measured();
        AppendMeters appends = phase.appends();
        Freshness freshness = phase.freshness();
        double cpuSeconds = phase.cpuSeconds();
        int rate = phase.rate();
        Runtime runtime = Runtime.getRuntime();
        String loadText = switch (phase.load()) {
            case CLOSED -> "closed loop, " + clients + " clients";
            case OPEN -> "open loop at " + rate + " commands/s";
            case READS -> "timeline reads from " + clients + " clients while commands run open-loop at " + rate + "/s";
            case READS_OPEN -> "timeline reads open-loop at " + readsPerSecond + "/s from " + clients
                    + " clients while commands run open-loop at " + rate + "/s";
        };
        StringBuilder out = new StringBuilder();
        out.append(String.format("""
                        ### Command path: %s, %s (%s)

                        Machine: %d cores, JVM %s, %s %s; service JVM heap %s; PostgreSQL %s
                        Settings: %d s measured after %d s of warm-up (the first load of the run); sessions of %d messages (+1 start); raw ceiling %d threads; table statistics: %s
                        Event size: payload %d B, metadata %d B (averages of the MessageRecorded events stored)

                        | | ops/s | p50 ms | p99 ms | p99.9 ms | max ms | failures |
                        |---|---:|---:|---:|---:|---:|---:|
                        """,
                shape.name().toLowerCase(Locale.ROOT).replace('_', '-'), loadText, Instant.now(),
                runtime.availableProcessors(), System.getProperty("java.version"), System.getProperty("os.name"),
                System.getProperty("os.arch"), heap, jdbcUrl.replaceAll("\\?.*", ""), seconds, warmup, sessionLength,
                clients, statistics, sizes[0], sizes[1]));
        out.append(row("ledger: commands over HTTP", ledger.commands())).append('\n');
        if (ledger.reads() != null) {
            out.append(row("ledger: GET /customers/{id}/timeline (recorded)", ledger.reads())).append('\n');
        }
        out.append(row("raw: single-row INSERT + COMMIT, plain JDBC", raw)).append("\n\n");
        long operations = ledger.commands().operations() + (ledger.reads() == null ? 0 : ledger.reads().operations());
        out.append(String.format("Ratio ledger commands / raw throughput: %.2f%n", ledger.commands().perSecond()
                / raw.perSecond()));
        out.append(String.format("Service CPU: %.1f s over %d s (%.0f%% of one core), %.2f ms per operation%n",
                cpuSeconds, seconds, 100 * cpuSeconds / seconds, 1000 * cpuSeconds / operations));
        out.append(String.format("Group commit: %.0f batches, %.1f appends (%.1f events) per batch, %.2f ms per"
                        + " batch transaction (of which %.2f ms taking the head lock, %.2f ms writing), %.2f ms from an"
                        + " append's admission to its commit%n", appends.batches(),
                appends.appends() / appends.batches(), appends.events() / appends.batches(),
                1000 * appends.batchSeconds() / appends.batches(), 1000 * appends.lockSeconds() / appends.batches(),
                1000 * appends.writeSeconds() / appends.batches(),
                1000 * appends.appendSeconds() / appends.appendCount()));
        if (freshness != null) {
            out.append(String.format("Timeline freshness (%d commands): p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f"
                    + " ms%n", freshness.measured(), freshness.p50(), freshness.p95(), freshness.p99(),
                    freshness.max()));
        }
        out.append(String.format("Hash chain after the run: %s (%d events, %d links, %d findings)%n",
                chain.intact() ? "INTACT" : "NOT INTACT", chain.events(), chain.links(), chain.findings().size()));
        return out.toString();
    }
}

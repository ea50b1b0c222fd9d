package com.interactionledger.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static com.interactionledger.tools.bench.LocalTopology.token;
import static com.interactionledger.tools.bench.LocalTopology.number;
import static com.interactionledger.tools.bench.LocalTopology.sleep;

/**
 * Benchmark of the distributed shape (scripts/bench-distributed.sh runs it against scripts/run-distributed.sh;
 * results in docs/PERFORMANCE.md).
 * <ol>
 *   <li><b>Freshness through Kafka</b>: record-message commands at a fixed rate (open loop: a command is sent when
 *   it is due, whatever the answers) through both command-side instances; a probe polls a query-side instance's
 *   read-model position every few milliseconds. A command's freshness is the time from its acceptance (the 2xx
 *   answer, carrying its position) until the query side's freshness stamp says that position is applied: relay,
 *   broker, consumer group and the read models' transaction, end to end, give or take the probe's 5 ms.
 *   Reports p50/p95/p99/max.</li>
 *   <li><b>Relay throughput</b>: a relay-only command-side JVM is started on a new topic with the relay's start
 *   at the beginning: it publishes the whole ledger (every event the freshness runs and anything before them
 *   stored) while the time it takes is measured from the relay's row.</li>
 * </ol>
 * Not a test: nothing here asserts; it measures and prints Markdown.
 */
public final class DistributedBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = LocalTopology.HTTP;

    private DistributedBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = new BenchOptions(args);
        List<Integer> commandPorts = Arrays.stream(options.get("command-ports", "8181,8182").split(","))
                .map(Integer::parseInt).toList();
        int queryPort = Integer.parseInt(options.get("query-port", "8191"));
        Duration duration = Duration.ofSeconds(Long.parseLong(options.get("seconds", "45")));
        List<Integer> rates = Arrays.stream(options.get("rates", "25,75").split(",")).map(Integer::parseInt).toList();

        // Not measured: JIT, connection pools, the consumer group settling after the instances joined.
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.get("warmup-seconds", "15")));
        freshness(commandPorts, queryPort, rates.get(0), warmup, "warmup");
        System.out.println("| rate (commands/s) | sent | accepted | achieved/s | freshness p50 | p95 | p99 | max |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int rate : rates) {
            System.out.println(freshness(commandPorts, queryPort, rate, duration, "rate" + rate));
        }
        relayThroughput(options);
    }

    /** Runs one rate for the duration and returns its Markdown row. */
    private static String freshness(List<Integer> commandPorts, int queryPort, int rate, Duration duration,
                                    String run) throws Exception {
        List<String> tokens = commandPorts.stream()
                .map(port -> token(LocalTopology.IDENTITY_PORT, LocalTopology.GATEWAY, "SYSTEM")).toList();
        String analystToken = token(LocalTopology.IDENTITY_PORT, "bench-distributed", "ANALYST");
        ConcurrentLinkedQueue<long[]> pending = new ConcurrentLinkedQueue<>(); // {position, acceptedAtNanos}
        List<Long> freshness = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean probing = new AtomicBoolean(true);
        Thread probe = new Thread(() -> {
            while (probing.get() || !pending.isEmpty()) {
                long applied = appliedPosition(queryPort, analystToken);
                long now = System.nanoTime();
                pending.removeIf(command -> {
                    if (command[0] <= applied) {
                        freshness.add(now - command[1]);
                        return true;
                    }
                    return false;
                });
                sleep(Duration.ofMillis(5));
            }
        }, "freshness-probe");
        probe.start();

        // Sessions to write to, one per 50 messages as in the command benchmark; started before the clock runs.
        int sessions = Math.max(1, (int) (rate * duration.toSeconds() / 50) + 1);
        for (int s = 0; s < sessions; s++) {
            send(commandPorts.get(s % commandPorts.size()), tokens.get(s % commandPorts.size()), "/sessions",
                    Map.of("sessionId", run + "-" + s, "customerId", run + "-customer-" + s, "channel", "WEB_CHAT",
                            "entryPoint", "bench"));
        }
        ExecutorService clients = Executors.newFixedThreadPool(16);
        AtomicLong accepted = new AtomicLong();
        long total = rate * duration.toSeconds();
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int instance = (int) (i % commandPorts.size());
            String session = run + "-" + (i % sessions);
            long n = i;
            clients.submit(() -> {
                JsonNode answer = send(commandPorts.get(instance), tokens.get(instance),
                        "/sessions/" + session + "/messages", Map.of("messageId", "m" + n, "authorRole", "CUSTOMER",
                                "text", "how long until the refund arrives? " + n));
                if (answer != null) {
                    pending.add(new long[] {answer.path("position").asLong(), System.nanoTime()});
                    accepted.incrementAndGet();
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(5, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        probing.set(false);
        probe.join(TimeUnit.MINUTES.toMillis(2));

        long[] sorted = freshness.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("| %d | %d | %d | %.1f | %s | %s | %s | %s |", rate, total, accepted.get(),
                accepted.get() / seconds, millis(sorted, 50), millis(sorted, 95), millis(sorted, 99),
                millis(sorted, 100));
    }

    private static void relayThroughput(BenchOptions options) throws Exception {
        String jdbcUrl = options.required("jdbc-url");
        String topic = "bench-relay-" + Long.toString(System.currentTimeMillis(), 36);
        String password = options.password();
        try (Connection db = DriverManager.getConnection(jdbcUrl, options.get("user", "postgres"), password)) {
            long head = number(db, "SELECT COALESCE(MAX(globalindex), 0) FROM domainevententry");
            long events = number(db, "SELECT COUNT(*) FROM domainevententry");
            Path jar = Path.of(options.get("jar", "deploy/target/interaction-ledger.jar"));
            // Its secrets through its environment, not its command line (every user of the machine sees that).
            ProcessBuilder relayProcess = new ProcessBuilder("java", "-Xmx512m", "-Daxoniq.update-checker.disabled=true",
                    "-Dloader.main=com.interactionledger.deploy.services.CommandSideService", "-cp", jar.toString(),
                    "org.springframework.boot.loader.launch.PropertiesLauncher", "--spring.profiles.active=postgres",
                    "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + options.get("user",
                            "postgres"),
                    "--server.port=0", "--ledger.node-id=bench-relay", "--ledger.access.mode=oidc",
                    "--ledger.access.issuer-uri=" + LocalTopology.issuer(LocalTopology.IDENTITY_PORT),
                    "--ledger.kafka.relay.enabled=true", "--ledger.kafka.topic=" + topic,
                    "--ledger.kafka.bootstrap-servers=" + options.get("bootstrap-servers", "127.0.0.1:19092"),
                    "--logging.level.root=WARN")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            relayProcess.environment().putAll(BenchOptions.serviceEnvironment(password));
            // the postgres profile reads the master keys from LEDGER_MASTER_KEYS
            relayProcess.environment().put("LEDGER_MASTER_KEYS", LocalTopology.secret("LEDGER_MASTER_KEYS"));
            Process relay = relayProcess.start();
            try {
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
                long first = 0;
                long firstPosition = 0;
                long position = 0;
                while (position < head && System.nanoTime() < deadline) {
                    position = number(db, "SELECT COALESCE(MAX(position), 0) FROM kafka_relay WHERE topic = ?", topic);
                    if (first == 0 && position > 0) {
                        // timed from the first acknowledged batch: the JVM's start is not the relay's speed
                        first = System.nanoTime();
                        firstPosition = position;
                    }
                    sleep(Duration.ofMillis(20));
                }
                double seconds = (System.nanoTime() - first) / 1e9;
                long published = number(db, "SELECT COUNT(*) FROM domainevententry WHERE globalindex > ? AND"
                        + " globalindex <= ?", firstPosition, position);
                System.out.printf("%nRelay throughput: %d events of a ledger of %d published to a new topic in %.1f s"
                        + " after the first batch = %,.0f events/s (batches of 500, acks=all, idempotent)%n",
                        published, events, seconds, published / seconds);
            } finally {
                relay.destroy();
                relay.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * The position a query-side read answers as applied: the freshness stamp ({@code X-Ledger-Position}) of an
     * analyst's complaint statistics, a read that touches no personal data (so probing records nothing).
     */
    private static long appliedPosition(int port, String token) {
        try {
            HttpResponse<Void> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/complaint-statistics")).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 200
                    ? answer.headers().firstValueAsLong("X-Ledger-Position").orElse(-1) : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static JsonNode send(int port, String token, String path, Map<String, Object> body) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + path)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() / 100 == 2 ? JSON.readTree(answer.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String millis(long[] sortedNanos, double percentile) {
        if (sortedNanos.length == 0) {
            return "-";
        }
        int index = Math.max(0, (int) Math.ceil(percentile / 100.0 * sortedNanos.length) - 1);
        return String.format("%.0f ms", sortedNanos[index] / 1e6);
    }
}

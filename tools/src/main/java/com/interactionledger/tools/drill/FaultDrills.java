package com.interactionledger.tools.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.interactionledger.deploy.InteractionLedgerApplication;
import com.interactionledger.tools.bench.BenchOptions;
import com.interactionledger.tools.bench.LocalTopology;
import com.interactionledger.tools.bench.ServiceProcess;

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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static com.interactionledger.tools.bench.LocalTopology.number;
import static com.interactionledger.tools.bench.LocalTopology.sleep;
import static com.interactionledger.tools.bench.LocalTopology.strings;

/**
 * The fault drills of the distributed shape (scripts/drills.sh runs them against scripts/run-distributed.sh;
 * results in docs/RELIABILITY.md). Each drill drives journeys (start a chat, three messages, resolve) from several
 * clients through both command-side instances, breaks one part of the topology while the load runs, mends it, and
 * then checks against the store and the read models:
 * <ol>
 *   <li>kill -9 a query-side instance: the survivor takes its partitions; the read models converge exactly;</li>
 *   <li>stop the broker for 30 s: commands keep succeeding; the relay catches up, no gap, no duplicate;</li>
 *   <li>kill -9 a command-side instance: every acknowledged command's events are in the store;</li>
 *   <li>restart PostgreSQL: the services recover by themselves; nothing acknowledged is lost;</li>
 *   <li>kill -9 the all-in-one application (on a database of its own, under load from 16 clients, so that appends
 *       are stored in batches) and start it again: every acknowledged command's events are in the store, none
 *       twice, and its read models converge.</li>
 * </ol>
 * A client whose call fails (an instance gone, the database restarting) retries on the other instance with the
 * same Idempotency-Key, as a real client would; a command counts as acknowledged when it was answered 2xx. Every
 * check prints what it compared and the counts; the process exits 1 on any loss, duplicate or divergence.
 */
public final class FaultDrills {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = LocalTopology.HTTP;

    private final BenchOptions options;
    private final List<Integer> commandPorts;
    private final List<Integer> queryPorts;
    private final String script;
    private final int identityPort;
    /** From --password-file or LEDGER_DB_PASSWORD, never the command line (BenchOptions). */
    private final String password;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final List<String> failures = new ArrayList<>();

    private FaultDrills(BenchOptions options) {
        this.options = options;
        this.commandPorts = ports(options.get("command-ports", "8181,8182"));
        this.queryPorts = ports(options.get("query-ports", "8191,8192"));
        this.script = options.get("topology", "scripts/run-distributed.sh");
        this.identityPort = Integer.parseInt(options.get("identity-port", String.valueOf(LocalTopology.IDENTITY_PORT)));
        this.password = options.password();
    }

    public static void main(String[] args) throws Exception {
        FaultDrills drills = new FaultDrills(new BenchOptions(args));
        String which = drills.options.get("drill", "all");
        List<String> run = which.equals("all") ? List.of("1", "2", "3", "4", "5") : Arrays.asList(which.split(","));
        for (String drill : run) {
            drills.run(drill);
        }
        System.out.println();
        if (drills.failures.isEmpty()) {
            System.out.println("ALL DRILLS PASSED: " + run);
        } else {
            System.out.println("DRILLS FAILED:");
            drills.failures.forEach(failure -> System.out.println("  - " + failure));
            System.exit(1);
        }
    }

    private void run(String drill) throws Exception {
        Duration load = Duration.ofSeconds(Long.parseLong(options.get("load-seconds", "20")));
        switch (drill) {
            case "1" -> drill("1: kill -9 query-2 under load", load, () -> {
                topology("kill", "query-2");
            }, () -> topology("start", "query-2"), List.of(queryPorts.get(0)));
            case "2" -> drill("2: broker stopped for 30 s under load", load.plusSeconds(30), () -> {
                topology("stop", "kafka");
                sleep(Duration.ofSeconds(30));
                topology("start", "kafka");
            }, () -> { }, queryPorts);
            case "3" -> drill("3: kill -9 command-2 under load", load, () -> {
                topology("kill", "command-2");
            }, () -> topology("start", "command-2"), queryPorts);
            case "4" -> drill("4: PostgreSQL restarted under load", load, () -> {
                shell(options.required("restart-postgres"));
            }, () -> { }, queryPorts);
            case "5" -> allInOneKilled(load);
            default -> throw new IllegalArgumentException("no drill " + drill + " (1, 2, 3, 4, 5 or all)");
        }
    }

    /**
     * Drill 5: the all-in-one application (embedded read models, no Kafka) on a database of its own, killed with
     * SIGKILL a third of the way into the load, then started again on the same port; the clients retry what was
     * not answered with the same Idempotency-Key.
     */
    private void allInOneKilled(Duration load) throws Exception {
        String name = "5: kill -9 the all-in-one under group-commit load";
        System.out.printf("%n=== Drill %s ===%n", name);
        String url = options.required("all-in-one-jdbc-url");
        int port = Integer.parseInt(options.get("all-in-one-port", "8179"));
        // Its own keys, made for this run; tokens from the topology's identity provider, like the other drills'.
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=postgres",
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + options.get("user", "postgres"),
                "--ledger.access.mode=oidc",
                "--ledger.access.issuer-uri=" + LocalTopology.issuer(identityPort)));
        args.addAll(LocalTopology.throwawayKeys());
        args.add("--ledger.machines." + LocalTopology.GATEWAY + ".gateway-of=" + LocalTopology.EVERY_CHANNEL);
        args.add("--ledger.machines." + LocalTopology.GATEWAY + ".records=" + LocalTopology.GATEWAY_RECORDS);
        Path logs = Path.of("target", "drills");
        // the password through the service's environment (the postgres profile reads LEDGER_DB_PASSWORD)
        Map<String, String> environment = BenchOptions.serviceEnvironment(password);
        ServiceProcess service = ServiceProcess.start(ServiceProcess.JAR, "all-in-one",
                InteractionLedgerApplication.class.getName(), port, List.of("-Xmx512m"), args, environment, logs);
        String run = "d" + Long.toString(System.currentTimeMillis(), 36);
        Load traffic = new Load(run, Integer.parseInt(options.get("all-in-one-clients", "16")), List.of(port));
        try {
            traffic.start();
            sleep(load.dividedBy(3));
            service.kill();
            System.out.println("all-in-one killed (SIGKILL) under load; starting it again");
            service = ServiceProcess.start(ServiceProcess.JAR, "all-in-one",
                    InteractionLedgerApplication.class.getName(), port, List.of("-Xmx512m"), args, environment, logs);
            finish(traffic, load);
            check(name, traffic, List.of(port), url, false);
            boolean ready = ready(port);
            report(name, "the all-in-one ready again (/actuator/health/readiness)", ready ? 1 : 0, 1, ready);
        } finally {
            service.close();
        }
    }

    /**
     * Runs load for {@code load}, breaks the topology a third of the way in (the fault returns when it is mended),
     * waits for the load to end, checks, mends what stays broken ({@code afterwards}: a killed instance is started
     * again), and checks that every service is ready.
     */
    private void drill(String name, Duration load, Action fault, Action afterwards, List<Integer> readers)
            throws Exception {
        System.out.printf("%n=== Drill %s ===%n", name);
        String run = "d" + Long.toString(System.currentTimeMillis(), 36);
        Load traffic = new Load(run, Integer.parseInt(options.get("clients", "4")), commandPorts);
        traffic.start();
        sleep(load.dividedBy(3));
        long faultAt = System.nanoTime();
        fault.run();
        System.out.printf("fault injected and (where it mends by itself) mended after %.1f s%n",
                (System.nanoTime() - faultAt) / 1e9);
        finish(traffic, load);
        check(name, traffic, readers, options.required("jdbc-url"), true);
        afterwards.run();
        checkReady(name);
    }

    /** Lets the load run for the whole of {@code load} from its start, stops it and prints what it did. */
    private static void finish(Load traffic, Duration load) throws InterruptedException {
        long remaining = load.toNanos() - (System.nanoTime() - traffic.startedAt);
        if (remaining > 0) {
            sleep(Duration.ofNanos(remaining));
        }
        traffic.stop();
        System.out.printf("load: %d journeys, %d commands acknowledged, %d calls failed and were retried%n",
                traffic.journeys.get(), traffic.acknowledged.size(), traffic.retried.get());
    }

    /** @param relayed whether the events go to Kafka (the distributed shape), so the relay must catch up */
    private void check(String drill, Load traffic, List<Integer> readers, String jdbcUrl, boolean relayed)
            throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl, options.get("user", "postgres"), password)) {
            // 1. The store has every acknowledged event, once.
            Set<String> stored = new HashSet<>(strings(db, "SELECT eventidentifier FROM domainevententry"
                    + " WHERE aggregateidentifier LIKE ?", traffic.run + "-%"));
            Set<String> acknowledged = new HashSet<>(traffic.acknowledged.keySet());
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(stored);
            report(drill, "acknowledged events in the store", acknowledged.size() - lost.size(), acknowledged.size(),
                    lost.isEmpty());
            // ... and nothing twice: every journey finished, so each session has exactly its 5 events.
            long whole = number(db, "SELECT COUNT(*) FROM (SELECT aggregateidentifier FROM domainevententry WHERE"
                    + " aggregateidentifier LIKE ? GROUP BY aggregateidentifier HAVING COUNT(*) = 5) s",
                    traffic.run + "-%");
            report(drill, "sessions with exactly their 5 events (none lost, none twice)", whole,
                    traffic.journeys.get(), whole == traffic.journeys.get());
            // 2. The relay caught up and every read model converged on the readers still running.
            long head = number(db, "SELECT COALESCE(MAX(globalindex), 0) FROM domainevententry");
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            if (relayed) {
                long published = 0;
                while (System.nanoTime() < deadline && (published = number(db, "SELECT COALESCE(MAX(position), 0)"
                        + " FROM kafka_relay")) < head) {
                    sleep(Duration.ofMillis(200));
                }
                report(drill, "relay position reached the head at the end of the load", published, head,
                        published >= head);
            }
            for (int port : readers) {
                long applied = awaitFreshness(port, head, deadline);
                report(drill, "read models of the service on port " + port + " applied up to the head", applied,
                        head, applied >= head);
            }
            // 3. The read models hold exactly the journeys' rows: no gap, no duplicate.
            long sessions = number(db, "SELECT COUNT(DISTINCT aggregateidentifier) FROM domainevententry WHERE"
                    + " aggregateidentifier LIKE ? AND sequencenumber = 0", traffic.run + "-%");
            long timelineSessions = number(db, "SELECT COUNT(*) FROM timeline_session WHERE session_id LIKE ?",
                    traffic.run + "-%");
            report(drill, "timeline sessions = sessions in the store", timelineSessions, sessions,
                    timelineSessions == sessions);
            long messages = number(db, "SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier LIKE ? AND"
                    + " payloadtype LIKE '%.MessageRecorded'", traffic.run + "-%");
            long timelineMessages = number(db, "SELECT COALESCE(SUM(message_count), 0) FROM timeline_session WHERE"
                    + " session_id LIKE ?", traffic.run + "-%");
            report(drill, "timeline messages = messages in the store", timelineMessages, messages,
                    timelineMessages == messages);
            long events = number(db, "SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier LIKE ?",
                    traffic.run + "-%");
            long audited = number(db, "SELECT COUNT(*) FROM audit_command_event a JOIN domainevententry e ON"
                    + " e.eventidentifier = a.event_id WHERE e.aggregateidentifier LIKE ?", traffic.run + "-%");
            report(drill, "audit rows = events in the store (one each)", audited, events, audited == events);
        }
    }

    /** Every service is ready: the ones the fault did not kill without anyone's help, the killed ones restarted. */
    private void checkReady(String drill) {
        List<Integer> services = new ArrayList<>(commandPorts);
        services.addAll(queryPorts);
        long ready = services.stream().filter(FaultDrills::ready).count();
        report(drill, "services ready (/actuator/health/readiness)", ready, services.size(), ready == services.size());
    }

    private static boolean ready(int port) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/actuator/health/readiness")).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private long awaitFreshness(int port, long head, long deadline) {
        long applied = -1;
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> answer = HTTP.send(request(port, "/projections", "ADMIN").GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    applied = Long.MAX_VALUE;
                    for (JsonNode status : JSON.readTree(answer.body()).path("data")) {
                        if (status.path("readModel").asBoolean()) {
                            applied = Math.min(applied, status.path("position").asLong());
                        }
                    }
                    if (applied >= head) {
                        return applied;
                    }
                }
            } catch (IOException | RuntimeException notYet) {
                // the instance may still be starting or recovering
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return applied;
            }
            sleep(Duration.ofMillis(250));
        }
        return applied;
    }

    private void report(String drill, String what, long actual, long expected, boolean ok) {
        System.out.printf("  [%s] %s: %d of %d%n", ok ? "ok" : "FAILED", what, actual, expected);
        if (!ok) {
            failures.add("drill " + drill + ": " + what + " (" + actual + " of " + expected + ")");
        }
    }

    /** Journeys from several clients, each command on the next command-side instance, retried until answered. */
    private final class Load {
        final String run;
        final int clients;
        final List<Integer> ports;
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicInteger journeys = new AtomicInteger();
        final AtomicLong retried = new AtomicLong();
        /** event id -> session, of every event an acknowledged command answered with. */
        final Map<String, String> acknowledged = new ConcurrentHashMap<>();
        final ExecutorService pool;
        long startedAt;

        Load(String run, int clients, List<Integer> ports) {
            this.run = run;
            this.clients = clients;
            this.ports = ports;
            this.pool = Executors.newFixedThreadPool(clients);
        }

        void start() {
            startedAt = System.nanoTime();
            for (int client = 0; client < clients; client++) {
                int id = client;
                pool.submit(() -> {
                    int n = 0;
                    while (running.get()) {
                        journey(run + "-" + id + "-" + n++, id);
                    }
                });
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            pool.shutdown();
            pool.awaitTermination(5, TimeUnit.MINUTES);
        }

        void journey(String session, int client) {
            String customer = run + "-customer-" + client + "-" + (session.hashCode() & 7);
            command(client, "/sessions", Map.of("sessionId", session, "customerId", customer, "channel", "WEB_CHAT",
                    "entryPoint", "drill"), session, session + "/start");
            for (int m = 0; m < 3; m++) {
                command(client, "/sessions/" + session + "/messages", Map.of("messageId", "m" + m, "authorRole",
                        "CUSTOMER", "text", "drill message " + m), session, session + "/m" + m);
            }
            command(client, "/sessions/" + session + "/resolution", Map.of("resolutionCode", "ANSWERED",
                    "firstContactResolution", true), session, session + "/resolve");
            journeys.incrementAndGet();
        }

        /** Sends until answered 2xx (retrying elsewhere with the same key); a 4xx other than 409 is a failure. */
        void command(int client, String path, Map<String, Object> body, String session, String idempotencyKey) {
            int attempt = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (System.nanoTime() < deadline) {
                int port = ports.get((client + attempt) % ports.size());
                try {
                    HttpResponse<String> answer = HTTP.send(request(port, path, "SYSTEM")
                                    .header("Content-Type", "application/json")
                                    .header("Idempotency-Key", idempotencyKey)
                                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() / 100 == 2) {
                        JSON.readTree(answer.body()).path("events").forEach(event ->
                                acknowledged.put(event.path("eventId").asText(), session));
                        return;
                    }
                    if (answer.statusCode() / 100 == 4 && answer.statusCode() != 409) {
                        failures.add("command " + path + " refused: " + answer.statusCode() + " " + answer.body());
                        return;
                    }
                } catch (IOException | RuntimeException unreachable) {
                    // the instance is gone or restarting: the next attempt goes to another
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                attempt++;
                retried.incrementAndGet();
                sleep(Duration.ofMillis(Math.min(1000, 50L * attempt)));
            }
            failures.add("command " + path + " of " + session + " not answered in 180 s");
        }
    }

    private HttpRequest.Builder request(int port, String path, String role) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token(port, role));
    }

    /** A token of the topology's identity provider for this role, good on every instance. */
    private String token(int port, String role) {
        // the topology's gateway: the drills write what customers say (and a SYSTEM token may do the rest)
        return tokens.computeIfAbsent(role, key -> LocalTopology.token(identityPort, LocalTopology.GATEWAY, role));
    }

    private void topology(String action, String process) {
        shell(script + " " + action + " " + process);
    }

    private static void shell(String command) {
        try {
            Process process = new ProcessBuilder("bash", "-c", command).inheritIO().start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("'" + command + "' failed with exit code " + process.exitValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run '" + command + "'", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<Integer> ports(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }
}

package com.interactionledger.replay.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.interactionledger.replay.ReplayJson;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * The operators' side of {@code /projections} on a running query-side (or all-in-one) service: the status of its
 * event processors, and the rebuild of a read model followed to its end with a progress bar (events applied out of
 * the events in the ledger, rate, time left).
 */
public final class ProjectionClient {

    private static final ObjectMapper JSON = ReplayJson.MAPPER;

    /** The service refused or failed a request: its problem detail, and the exit code it calls for. */
    public static final class Refused extends Exception {
        private final int status;

        Refused(int status, String detail) {
            super(detail);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String token;

    /** @param token an ADMIN bearer token for the service; null sends none (and the service answers 401) */
    public ProjectionClient(String base, String token) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.token = token;
    }

    public void printStatus(PrintStream out) throws IOException, InterruptedException, Refused {
        JsonNode processors = call("GET", "/projections");
        out.printf("%-22s %-10s %12s %12s %10s %9s %8s%n", "processor", "state", "position", "head", "lag", "lag s",
                "parked");
        for (JsonNode processor : processors) {
            out.printf(Locale.ROOT, "%-22s %-10s %12d %12d %10d %9.1f %8d%n", processor.path("name").asText(),
                    state(processor), processor.path("position").asLong(), processor.path("headPosition").asLong(),
                    processor.path("lagEvents").asLong(), processor.path("lagSeconds").asDouble(),
                    processor.path("deadLetters").asLong());
        }
        out.flush();
    }

    /**
     * Starts the rebuild and follows it until the read model has caught up with the ledger again.
     *
     * @return the events applied by the end
     */
    public long rebuild(String name, Duration timeout, PrintStream out) throws IOException, InterruptedException,
            Refused {
        long started = System.nanoTime();
        call("POST", "/projections/" + name + "/rebuild");
        boolean terminal = System.console() != null;
        long lastPrinted = -1;
        long deadline = started + timeout.toNanos();
        while (true) {
            JsonNode status = call("GET", "/projections/" + name);
            long done = status.path("eventsApplied").asLong();
            long total = status.path("eventsTotal").asLong();
            double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
            if (status.path("error").asBoolean()) {
                throw new Refused(500, name + " stopped on an error during the rebuild at position "
                        + status.path("position").asLong() + "; see the service's log and dead letters");
            }
            boolean finished = !status.path("replaying").asBoolean() && status.path("lagEvents").asLong() == 0;
            if (done != lastPrinted || finished) {
                out.print(progress(name, done, total, seconds) + (terminal && !finished ? "\r" : "\n"));
                out.flush();
                lastPrinted = done;
            }
            if (finished) {
                out.printf(Locale.ROOT, "rebuilt %s: %,d events in %.1f s%n", name, done, seconds);
                return done;
            }
            if (System.nanoTime() > deadline) {
                throw new Refused(504, name + " had not caught up after " + timeout + " (" + done + " of " + total
                        + " events); it goes on replaying in the service");
            }
            Thread.sleep(250);
        }
    }

    /**
     * Rebuilds one customer's rows of the read model from their events; the service answers when it is done.
     *
     * @return the customer's events applied
     */
    public long rebuildCustomer(String name, String customerId, PrintStream out)
            throws IOException, InterruptedException, Refused {
        long started = System.nanoTime();
        JsonNode done = call("POST", "/projections/" + name + "/customers/"
                + URLEncoder.encode(customerId, StandardCharsets.UTF_8) + "/rebuild");
        long events = done.path("events").asLong();
        out.printf(Locale.ROOT, "rebuilt %s for customer %s: %,d events in %.1f s%n", name, customerId, events,
                (System.nanoTime() - started) / 1e9);
        out.flush();
        return events;
    }

    static String progress(String name, long done, long total, double seconds) {
        int width = 30;
        int filled = total == 0 ? width : (int) Math.min(width, done * width / total);
        double rate = done / seconds;
        String eta = rate <= 0 ? "?" : String.format(Locale.ROOT, "%.0f s", Math.max(0, total - done) / rate);
        return String.format(Locale.ROOT, "%s [%s%s] %,d/%,d events  %,.0f ev/s  ETA %s", name, "#".repeat(filled),
                "-".repeat(width - filled), done, total, rate, eta);
    }

    private static String state(JsonNode processor) {
        if (processor.path("error").asBoolean()) {
            return "error";
        } else if (processor.path("replaying").asBoolean()) {
            return "replaying";
        }
        return processor.path("running").asBoolean() ? "running" : "stopped";
    }

    private JsonNode call(String method, String path) throws IOException, InterruptedException, Refused {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30));
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token.strip());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        if (response.statusCode() >= 300) {
            throw new Refused(response.statusCode(), body.path("detail").asText("HTTP " + response.statusCode()));
        }
        // the service stamps its answers with their freshness: {"data": ..., "freshness": ...}
        return body.has("freshness") ? body.path("data") : body;
    }
}

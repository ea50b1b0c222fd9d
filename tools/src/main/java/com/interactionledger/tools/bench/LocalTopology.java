package com.interactionledger.tools.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * What the distributed benchmark and the fault drills both need from the local topology of
 * scripts/run-distributed.sh: its services on loopback ports, the identity provider they trust, the keys of the
 * installation, and its database, read with plain JDBC.
 */
public final class LocalTopology {

    public static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LocalTopology() {
    }

    /** The machine identity scripts/run-distributed.sh configures as the gateway of every channel. */
    public static final String GATEWAY = "local-gateway";
    /** What the benchmarks' and drills' gateway records: it starts sessions, writes, and resolves them. */
    public static final String GATEWAY_RECORDS = "POST /sessions,POST /sessions/{sessionId}/messages,"
            + "POST /sessions/{sessionId}/resolution";
    /** Every channel, as a setting's value. */
    public static final String EVERY_CHANNEL = "PHONE,WEB_CHAT,MOBILE_APP,EMAIL,SOCIAL,SMS,VIDEO,BRANCH";
    /** Where scripts/run-distributed.sh runs the topology's identity provider: {@code BASE_PORT + 20}. */
    public static final int IDENTITY_PORT = 8200;
    /** The keys scripts/run-distributed.sh made for its installation when it first started (KEY=value lines). */
    public static final Path SECRETS = Path.of("target", "distributed", "secrets.env");
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A token for this actor and role from the topology's identity provider on that port (a
     * {@code LocalIdentityProvider}, trusted by every instance of the topology as they would trust the bank's).
     */
    public static String token(int identityPort, String actor, String role) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                    + identityPort + "/token?actor=" + actor + "&role=" + role))
                            .POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("no token from the identity provider on port " + identityPort + ": "
                        + answer.statusCode() + " " + answer.body());
            }
            return answer.body().trim();
        } catch (IOException e) {
            throw new IllegalStateException("no token from the identity provider on port " + identityPort
                    + " (is scripts/run-distributed.sh up?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The issuer of the identity provider on that port, which the topology's instances trust. */
    public static String issuer(int identityPort) {
        return "http://127.0.0.1:" + identityPort + "/realms/ledger";
    }

    /** One of the keys scripts/run-distributed.sh made ({@code LEDGER_MASTER_KEYS}...), for tools that join it. */
    public static String secret(String name) {
        try {
            return Files.readAllLines(SECRETS).stream().filter(line -> line.startsWith(name + "="))
                    .map(line -> line.substring(name.length() + 1)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + name + " in " + SECRETS));
        } catch (IOException e) {
            throw new IllegalStateException("no " + SECRETS + " (is scripts/run-distributed.sh up?)", e);
        }
    }

    /**
     * Keys for a throwaway database of a benchmark or drill: random, never written down, so never one the ledger
     * would refuse as published. (Sealing with them is part of what a benchmark measures.)
     */
    public static List<String> throwawayKeys() {
        return List.of("--ledger.privacy.master-keys=throwaway:" + randomBase64(),
                "--ledger.analytics.pseudonym-key=" + randomBase64());
    }

    private static String randomBase64() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** The one number a query answers. */
    public static long number(Connection db, String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = prepared(db, sql, args); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The first column of every row a query answers. */
    public static List<String> strings(Connection db, String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = prepared(db, sql, args); ResultSet rows = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private static PreparedStatement prepared(Connection db, String sql, Object... args) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
        return statement;
    }

    /** Sleeps; an interrupt ends the sleep and stays set for the caller to see. */
    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

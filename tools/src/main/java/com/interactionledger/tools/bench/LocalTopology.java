package com.interactionledger.tools.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the distributed benchmark and the fault drills both need from the local topology of
 * scripts/run-distributed.sh: its services on loopback ports, each with its own development issuer, and its
 * database, read with plain JDBC.
 */
public final class LocalTopology {

    public static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LocalTopology() {
    }

    /** A development token from the instance on that port (every instance has its own issuer there). */
    public static String developmentToken(int port, String actor, String role) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/dev/tokens?actor=" + actor + "&role=" + role))
                    .header("Accept", "text/plain").POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("no development token from port " + port + ": "
                        + answer.statusCode() + " " + answer.body());
            }
            return answer.body().trim();
        } catch (IOException e) {
            throw new IllegalStateException("no development token from port " + port + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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

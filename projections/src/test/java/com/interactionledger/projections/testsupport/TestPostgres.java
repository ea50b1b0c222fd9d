package com.interactionledger.projections.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A real PostgreSQL for tests, never a fake and never a silent skip. The server is, in order of preference:
 * <ol>
 *   <li>the one named by {@code LEDGER_TEST_PG_URL} (set by {@code scripts/ensure-postgres.sh}, which starts or
 *       installs one when needed);</li>
 *   <li>a Testcontainers PostgreSQL, when a Docker engine answers;</li>
 *   <li>the local server on 127.0.0.1:5432 (trust auth, database {@code test}).</li>
 * </ol>
 * If none is reachable the test fails with instructions. Each caller gets a database of its own, so test classes
 * never see each other's events or read models. The databases are dropped by the next test JVM that uses the server
 * (those nobody is connected to), not at this JVM's exit: at exit the Spring contexts are still closing, and dropping
 * their databases from a shutdown hook (with FORCE) cut their connections, so every test JVM waited 30 s for its
 * event processors to give up and surefire killed it.
 */
public final class TestPostgres {

    /** Connection details of one fresh database. */
    public record Database(String name, String url, String user, String password) {
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }

    private record Server(String baseUrl, String adminDatabase, String user, String password) {
        String url(String database) {
            return baseUrl + database;
        }
    }

    private static Server server;

    private TestPostgres() {
    }

    /** Creates an empty database on the test server. */
    public static synchronized Database freshDatabase(String purpose) {
        Server s = server();
        String name = ("ledger_it_" + purpose.replaceAll("[^A-Za-z0-9]", "_") + "_"
                + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        execute(s, "CREATE DATABASE " + name);
        return new Database(name, s.url(name), s.user(), s.password());
    }

    private static Server server() {
        if (server != null) {
            return server;
        }
        String url = System.getenv("LEDGER_TEST_PG_URL");
        if (url != null && !url.isBlank()) {
            server = fromUrl(url, env("LEDGER_TEST_PG_USER", "postgres"), env("LEDGER_TEST_PG_PASSWORD", ""));
        } else if (dockerAvailable()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:15-alpine");
            container.start();
            server = fromUrl(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        } else {
            server = fromUrl("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
        }
        try (Connection admin = DriverManager.getConnection(server.url(server.adminDatabase()), server.user(),
                server.password())) {
            dropLeftovers(admin);
            return server;
        } catch (SQLException e) {
            Server unreachable = server;
            server = null;
            throw new IllegalStateException("These tests need a real PostgreSQL and none answered at "
                    + unreachable.url(unreachable.adminDatabase()) + " (" + e.getMessage() + "). Run the tests with "
                    + "scripts/test.sh, which starts or installs one, or set LEDGER_TEST_PG_URL, LEDGER_TEST_PG_USER "
                    + "and LEDGER_TEST_PG_PASSWORD.", e);
        }
    }

    private static Server fromUrl(String url, String user, String password) {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?', slash);
        String database = url.substring(slash + 1, query < 0 ? url.length() : query);
        return new Server(url.substring(0, slash + 1), database, user, password);
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private static void execute(Server s, String sql) {
        try (Connection connection = DriverManager.getConnection(s.url(s.adminDatabase()), s.user(), s.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on the test PostgreSQL", e);
        }
    }

    /**
     * Drops the test databases earlier test JVMs left that nobody is connected to. One still in use (another test JVM
     * on the same server) is refused by PostgreSQL and stays.
     */
    private static void dropLeftovers(Connection admin) {
        List<String> leftovers = new ArrayList<>();
        try (Statement statement = admin.createStatement();
             ResultSet rs = statement.executeQuery("SELECT datname FROM pg_database d WHERE datname LIKE 'ledger\\_it\\_%'"
                     + " AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)")) {
            while (rs.next()) {
                leftovers.add(rs.getString(1));
            }
        } catch (SQLException e) {
            return;
        }
        for (String name : leftovers) {
            try (Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name);
            } catch (SQLException e) {
                // in use after all: its JVM is still running; the next one will drop it
            }
        }
    }
}

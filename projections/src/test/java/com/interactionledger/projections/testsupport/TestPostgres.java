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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * once the JVM that made them has ended, not at that JVM's exit: at exit the Spring contexts are still closing, and dropping
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

    /** Every test database's name starts so, then names the JVM that made it: {@code ledger_it_p<pid>_}. */
    private static final String PREFIX = "ledger_it_p";
    private static final Pattern MADE_BY = Pattern.compile("ledger_it_p(\\d+)_.*");

    private static Server server;

    private TestPostgres() {
    }

    /** Creates an empty database on the test server. */
    public static synchronized Database freshDatabase(String purpose) {
        Server s = server();
        String tag = purpose.replaceAll("[^A-Za-z0-9]", "_");
        String name = (PREFIX + ProcessHandle.current().pid() + "_" + tag.substring(0, Math.min(tag.length(), 30))
                + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
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
     * Drops the test databases that test JVMs which have ended left behind. A database is kept while the JVM named in
     * it runs — even between its creation and its first connection, or while a test has stopped its application on
     * purpose (dropping "whatever nobody is connected to" took such databases from JVMs running beside this one).
     * Databases from before the JVM was named in them are dropped when nobody is connected to them. (For a server
     * shared by several machines a JVM of another machine looks ended; a database in use is refused by PostgreSQL
     * and stays.)
     */
    private static void dropLeftovers(Connection admin) {
        List<String> leftovers = new ArrayList<>();
        try (Statement statement = admin.createStatement();
             ResultSet rs = statement.executeQuery("SELECT datname FROM pg_database d WHERE datname LIKE 'ledger\\_it\\_%'"
                     + " AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)")) {
            while (rs.next()) {
                String name = rs.getString(1);
                Matcher madeBy = MADE_BY.matcher(name);
                if (!madeBy.matches() || ProcessHandle.of(Long.parseLong(madeBy.group(1))).isEmpty()) {
                    leftovers.add(name);
                }
            }
        } catch (SQLException e) {
            return;
        }
        for (String name : leftovers) {
            try (Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name);
            } catch (SQLException e) {
                // in use after all: the next test JVM will drop it
            }
        }
    }
}

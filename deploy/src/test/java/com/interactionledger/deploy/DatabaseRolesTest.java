package com.interactionledger.deploy;

import com.interactionledger.projections.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static com.interactionledger.deploy.LedgerHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Least privilege in the database (docs/OPERATIONS.md, "Two database roles"): the migrations run as an owner role
 * ({@code LEDGER_DB_OWNER}), the service as a runtime role ({@code LEDGER_DB_USER}) that may only SELECT and INSERT the
 * ledger's append-only tables. Each test makes both roles on a database of its own, as the operations page tells a
 * DBA to, and drops them afterwards. With the runtime role's own connection, plain JDBC: every UPDATE, DELETE,
 * TRUNCATE, ALTER TABLE and DROP TRIGGER on the events, the chain, the digests and the customer index is refused for
 * want of privilege (SQL state 42501, before the append-only triggers are even reached), nothing changed, and the
 * service goes on recording, reading and erasing.
 */
class DatabaseRolesTest {

    /** The ledger's evidence: append-only, guarded by triggers (ledger-store's V1, V5 and V9 migrations). */
    private static final List<String> APPEND_ONLY = List.of("domainevententry", "ledger_chain", "ledger_digest",
            "ledger_customer_event");
    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final String OWNER_PASSWORD = "owner-secret";
    private static final String RUNTIME_PASSWORD = "runtime-secret";

    private TestPostgres.Database database;
    private String owner;
    private String runtime;

    /** A database owned by a role of its own, as docs/OPERATIONS.md creates it, and a runtime role beside it. */
    @BeforeEach
    void roles() throws SQLException {
        database = TestPostgres.freshDatabase("db-roles");
        String run = UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        owner = "ledger_it_owner_" + run;
        runtime = "ledger_it_app_" + run;
        try (Connection admin = database.connect(); Statement sql = admin.createStatement()) {
            sql.execute("CREATE ROLE " + owner + " LOGIN PASSWORD '" + OWNER_PASSWORD + "'");
            sql.execute("CREATE ROLE " + runtime + " LOGIN PASSWORD '" + RUNTIME_PASSWORD + "'");
            sql.execute("ALTER DATABASE " + database.name() + " OWNER TO " + owner);
            sql.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        }
    }

    /** The roles are the server's, not the database's: gone with everything they own or were granted here. */
    @AfterEach
    void dropRoles() throws SQLException {
        try (Connection admin = database.connect(); Statement sql = admin.createStatement()) {
            sql.execute("REASSIGN OWNED BY " + owner + ", " + runtime + " TO CURRENT_USER");
            sql.execute("DROP OWNED BY " + owner + ", " + runtime);
            sql.execute("DROP ROLE " + runtime);
            sql.execute("DROP ROLE " + owner);
        }
    }

    @Test
    void theRuntimeRoleCannotUpdateDeleteTruncateOrAlterTheLedgersTablesAndTheServiceStillWorks() throws Exception {
        try (ConfigurableApplicationContext app = start(runtime, RUNTIME_PASSWORD)) {
            LedgerHttp http = new LedgerHttp(((ServletWebServerApplicationContext) app).getWebServer().getPort());
            LedgerHttp gateway = http.as("SYSTEM", TestInstallation.GATEWAY);
            LedgerHttp admin = http.as("ADMIN", "roles-admin");

            // Commands over HTTP: events, links, index rows, a customer's key, an idempotency outcome, read models.
            accepted(http.with("Idempotency-Key", "roles-1").post("/sessions", json("sessionId", "roles-mail",
                    "customerId", "roles-customer", "channel", "EMAIL", "entryPoint", "mailbox")));
            accepted(gateway.post("/sessions/roles-mail/messages", json("authorRole", "CUSTOMER",
                    "text", "please close my account")));
            accepted(http.post("/sessions", json("sessionId", "roles-erased-mail", "customerId", "roles-erased",
                    "channel", "EMAIL", "entryPoint", "mailbox")));
            accepted(admin.post("/privacy/customers/roles-erased/erasure", json("legalBasis", "GDPR Art. 17(1)(a)")));
            await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/customers/roles-customer/timeline")
                    .raw().body().contains("roles-mail"));

            try (Connection asOwner = DriverManager.getConnection(database.url(), owner, OWNER_PASSWORD)) {
                assertThat(ownersOfTables(asOwner)).as("the migrations created every table as the owner")
                        .containsOnlyKeys(owner);
                assertThat(guardedTables(asOwner)).as("the append-only triggers are there")
                        .containsExactlyInAnyOrderElementsOf(APPEND_ONLY);
            }

            try (Connection asRuntime = DriverManager.getConnection(database.url(), runtime, RUNTIME_PASSWORD)) {
                assertThat(single(asRuntime, "SELECT current_user")).isEqualTo(runtime);
                Map<String, Long> before = counts(asRuntime);
                assertThat(before.get("domainevententry")).as("it may read the events").isPositive();
                assertThat(before.get("ledger_chain")).isEqualTo(before.get("domainevententry"));

                for (String table : APPEND_ONLY) {
                    assertRefused(asRuntime, "UPDATE " + table + " SET globalindex = globalindex + 0");
                    assertRefused(asRuntime, "DELETE FROM " + table);
                    assertRefused(asRuntime, "TRUNCATE " + table);
                    assertRefused(asRuntime, "ALTER TABLE " + table + " DISABLE TRIGGER ALL");
                    assertRefused(asRuntime, "ALTER TABLE " + table + " ADD COLUMN forged TEXT");
                    assertRefused(asRuntime, "ALTER TABLE " + table + " OWNER TO " + runtime);
                    assertRefused(asRuntime, "DROP TRIGGER " + table + "_append_only ON " + table);
                    assertRefused(asRuntime, "DROP TRIGGER " + table + "_no_truncate ON " + table);
                    assertRefused(asRuntime, "CREATE TRIGGER forged BEFORE INSERT ON " + table
                            + " FOR EACH ROW EXECUTE FUNCTION ledger_refuse_rewrite()");
                    assertRefused(asRuntime, "DROP TABLE " + table);
                }
                assertRefused(asRuntime, "CREATE OR REPLACE FUNCTION ledger_refuse_rewrite() RETURNS trigger"
                        + " LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END; $$");
                assertRefused(asRuntime, "CREATE TABLE domainevententry_copy (payload BYTEA)");

                assertThat(counts(asRuntime)).as("nothing changed").isEqualTo(before);
                assertThat(single(asRuntime, "SELECT string_agg(table_name || ':' || privilege_type, ',' ORDER BY"
                        + " table_name, privilege_type) FROM information_schema.table_privileges WHERE grantee ="
                        + " current_user AND table_name IN ('" + String.join("', '", APPEND_ONLY) + "')"))
                        .as("what the runtime role holds on them").isEqualTo(String.join(",", APPEND_ONLY.stream()
                                .sorted().flatMap(table -> List.of(table + ":INSERT", table + ":SELECT").stream())
                                .toList()));
            }

            // The service is none the worse: it records, reads and erases as before.
            accepted(gateway.post("/sessions/roles-mail/messages", json("authorRole", "CUSTOMER",
                    "text", "still here?")));
            accepted(http.post("/sessions", json("sessionId", "roles-later", "customerId", "roles-customer",
                    "channel", "EMAIL", "entryPoint", "mailbox")));
            await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/customers/roles-customer/timeline")
                    .raw().body().contains("roles-later"));
        }
    }

    @Test
    void aRuntimeRoleThatCanActAsTheOwnerIsRefusedAtStartup() throws SQLException {
        try (Connection admin = database.connect(); Statement sql = admin.createStatement()) {
            sql.execute("GRANT " + owner + " TO " + runtime);
        }

        Throwable refused = catchThrowable(() -> start(runtime, RUNTIME_PASSWORD).close());

        assertThat(refused).as("the ledger refused to start").isNotNull();
        Throwable cause = refused;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertThat(cause.getMessage()).contains("the runtime role " + runtime)
                .contains("is a member of " + owner).contains("protects nothing");
    }

    /** The production shape: the postgres profile, the service's role in LEDGER_DB_USER, the owner's beside it. */
    private ConfigurableApplicationContext start(String user, String password) {
        return new SpringApplicationBuilder(InteractionLedgerApplication.class).run(TestInstallation.arguments(
                database.url(), user, password, "--spring.profiles.active=postgres",
                "--LEDGER_DB_OWNER=" + owner, "--LEDGER_DB_OWNER_PASSWORD=" + OWNER_PASSWORD,
                "--spring.datasource.hikari.maximum-pool-size=5"));
    }

    /** The statement fails for want of privilege, not because a trigger refused it. */
    private static void assertRefused(Connection connection, String statement) {
        Throwable thrown = catchThrowable(() -> {
            try (Statement sql = connection.createStatement()) {
                sql.execute(statement);
            }
        });
        assertThat(thrown).as(statement).isInstanceOf(SQLException.class);
        assertThat(((SQLException) thrown).getSQLState()).as(statement + ": " + thrown.getMessage())
                .isEqualTo(INSUFFICIENT_PRIVILEGE);
    }

    private static Map<String, Long> counts(Connection connection) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : APPEND_ONLY) {
            counts.put(table, Long.parseLong(single(connection, "SELECT COUNT(*) FROM " + table)));
        }
        return counts;
    }

    /** Owner to tables, of every table in the schema. */
    private static Map<String, List<String>> ownersOfTables(Connection connection) throws SQLException {
        Map<String, List<String>> owners = new LinkedHashMap<>();
        try (Statement sql = connection.createStatement();
             ResultSet rs = sql.executeQuery("SELECT tableowner, tablename FROM pg_tables WHERE schemaname = 'public'")) {
            while (rs.next()) {
                owners.computeIfAbsent(rs.getString(1), o -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return owners;
    }

    /** The tables the append-only trigger function guards. */
    private static List<String> guardedTables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement sql = connection.createStatement();
             ResultSet rs = sql.executeQuery("SELECT DISTINCT t.tgrelid::regclass::text FROM pg_trigger t"
                     + " JOIN pg_proc p ON p.oid = t.tgfoid WHERE p.proname = 'ledger_refuse_rewrite'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static String single(Connection connection, String query) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet rs = sql.executeQuery(query)) {
            assertThat(rs.next()).as(query).isTrue();
            return rs.getString(1);
        }
    }

    private static void accepted(LedgerHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
    }
}

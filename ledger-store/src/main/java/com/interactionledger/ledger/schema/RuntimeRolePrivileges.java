package com.interactionledger.ledger.schema;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Least privilege in the database (docs/OPERATIONS.md, "Two database roles"): after every migration run (Flyway's
 * {@code afterMigrate}, whether or not anything was pending) the role that ran the migrations — the owner of the
 * tables — grants the role the services connect as exactly what they need, and nothing else:
 * <ul>
 *   <li>the ledger's append-only tables, those guarded by the {@code ledger_refuse_rewrite} trigger
 *       ({@code domainevententry}, {@code ledger_chain}, {@code ledger_digest}, {@code ledger_customer_event}, and any
 *       table a later migration guards so): {@code SELECT} and {@code INSERT} only;</li>
 *   <li>every other table (read models, token store, dead letters, idempotency outcomes, customers' keys, which
 *       erasure overwrites, the chain's head, clock watches, the relay, snapshots): {@code SELECT}, {@code INSERT},
 *       {@code UPDATE}, {@code DELETE};</li>
 *   <li>Flyway's history tables ({@code flyway_*}): {@code SELECT} (an export names the schema's version);</li>
 *   <li>sequences: {@code USAGE} and {@code SELECT} (an insert takes its next value; nobody sets one).</li>
 * </ul>
 * Never {@code TRUNCATE}, {@code REFERENCES} or {@code TRIGGER}, and never ownership: only the owner may
 * {@code ALTER} a table or drop its triggers. The grants are derived from the schema as it stands after each run, so a
 * table a later migration creates is covered without that migration naming the runtime role, and privileges someone
 * granted by hand are taken back at the next start. It refuses to start when the split would protect nothing: a
 * runtime role that is a superuser, or a member of (or the same as an owner of tables alongside) the owner.
 * <p>
 * The runtime role is whoever the application's DataSource connects as. When the migrations run on that same
 * DataSource (no separate owner configured: the embedded default, a single-role installation), it does nothing.
 */
public final class RuntimeRolePrivileges implements Callback {

    private static final Logger log = LoggerFactory.getLogger(RuntimeRolePrivileges.class);

    /** The trigger function of the append-only tables (ledger-store's V1 migration on PostgreSQL). */
    public static final String APPEND_ONLY_FUNCTION = "ledger_refuse_rewrite";

    /** Serialises the grants of instances that start together (concurrent GRANTs on one table fail). */
    private static final long GRANTS_LOCK = 0x4c45444752414e54L; // "LEDGRANT"

    private final DataSource runtime;

    /** @param runtime the DataSource the application runs on: its user is the runtime role */
    public RuntimeRolePrivileges(DataSource runtime) {
        this.runtime = runtime;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public String getCallbackName() {
        return "runtime role privileges";
    }

    @Override
    public void handle(Event event, Context context) {
        Connection owner = context.getConnection();
        try {
            if (!"PostgreSQL".equals(owner.getMetaData().getDatabaseProductName())) {
                return; // the embedded H2 database has one user
            }
            String runtimeRole = runtimeRole();
            String ownerRole = single(owner, "SELECT current_user");
            if (runtimeRole.equals(ownerRole)) {
                return; // one role migrates and runs: nothing to split
            }
            boolean ownTransaction = owner.getAutoCommit();
            if (ownTransaction) {
                owner.setAutoCommit(false);
            }
            try {
                grant(owner, ownerRole, runtimeRole);
                if (ownTransaction) {
                    owner.commit();
                }
            } catch (SQLException | RuntimeException e) {
                if (ownTransaction) {
                    owner.rollback();
                }
                throw e;
            } finally {
                if (ownTransaction) {
                    owner.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot grant the runtime role its privileges: " + e.getMessage(), e);
        }
    }

    private String runtimeRole() throws SQLException {
        try (Connection connection = runtime.getConnection()) {
            return single(connection, "SELECT current_user");
        }
    }

    private static void grant(Connection owner, String ownerRole, String runtimeRole) throws SQLException {
        try (PreparedStatement lock = owner.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, GRANTS_LOCK);
            lock.execute();
        }
        refuseASplitThatProtectsNothing(owner, ownerRole, runtimeRole);
        String runtime = quoted(runtimeRole);
        List<String> statements = new ArrayList<>();
        // the schema the migrations ran in: the runtime role must be able to reach its tables
        if (ownerRole.equals(single(owner, "SELECT nspowner::regrole::text FROM pg_namespace"
                + " WHERE nspname = current_schema()"))) {
            statements.add("GRANT USAGE ON SCHEMA " + quoted(single(owner, "SELECT current_schema()")) + " TO "
                    + runtime);
        }
        int appendOnly = 0;
        int readWrite = 0;
        try (Statement query = owner.createStatement();
             ResultSet relations = query.executeQuery("SELECT c.relname, c.relkind = 'S', EXISTS (SELECT 1"
                     + " FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid WHERE t.tgrelid = c.oid AND p.proname = '"
                     + APPEND_ONLY_FUNCTION + "') FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                     + " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'S')"
                     + " AND c.relowner = current_user::regrole ORDER BY c.relname")) {
            while (relations.next()) {
                String name = relations.getString(1);
                String relation = (relations.getBoolean(2) ? "SEQUENCE " : "TABLE ") + quoted(name);
                statements.add("REVOKE ALL ON " + relation + " FROM PUBLIC, " + runtime);
                if (name.startsWith("flyway_")) {
                    // the migrations' own bookkeeping: read (an export names the schema's version), never written
                    statements.add("GRANT SELECT ON " + relation + " TO " + runtime);
                } else if (relations.getBoolean(2)) {
                    statements.add("GRANT USAGE, SELECT ON " + relation + " TO " + runtime);
                } else if (relations.getBoolean(3)) {
                    statements.add("GRANT SELECT, INSERT ON " + relation + " TO " + runtime);
                    appendOnly++;
                } else {
                    statements.add("GRANT SELECT, INSERT, UPDATE, DELETE ON " + relation + " TO " + runtime);
                    readWrite++;
                }
            }
        }
        try (Statement statement = owner.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
        log.info("Runtime role {}: SELECT and INSERT only on {} append-only tables, SELECT, INSERT, UPDATE and DELETE"
                + " on {} others; granted by {}, which owns them", runtimeRole, appendOnly, readWrite, ownerRole);
    }

    /**
     * Privileges restrict neither a superuser nor an owner, nor a member of the owner's role (it acts as the
     * owner): then the runtime role could rewrite the ledger whatever is granted, and starting would pretend.
     */
    private static void refuseASplitThatProtectsNothing(Connection owner, String ownerRole, String runtimeRole)
            throws SQLException {
        try (PreparedStatement check = owner.prepareStatement("SELECT r.rolsuper, pg_has_role(r.oid, current_user,"
                + " 'MEMBER'), (SELECT string_agg(c.relname, ', ' ORDER BY c.relname) FROM pg_class c JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relowner = r.oid"
                + " AND c.relkind IN ('r', 'p')) FROM pg_roles r WHERE r.rolname = ?")) {
            check.setString(1, runtimeRole);
            try (ResultSet role = check.executeQuery()) {
                if (!role.next()) {
                    throw new IllegalStateException("no role " + runtimeRole + " in the database");
                }
                String why = role.getBoolean(1) ? "is a superuser"
                        : role.getBoolean(2) ? "is a member of " + ownerRole + " and acts as it"
                        : role.getString(3) != null ? "owns tables (" + role.getString(3) + ")" : null;
                if (why != null) {
                    throw new IllegalStateException("the runtime role " + runtimeRole + " (spring.datasource.username,"
                            + " LEDGER_DB_USER) " + why + ", so no privilege restricts it and the migrations' owner "
                            + ownerRole + " (spring.flyway.user, LEDGER_DB_OWNER) protects nothing: give the service a"
                            + " role of its own, without superuser or membership of the owner (for tables it owns: "
                            + "REASSIGN OWNED BY " + runtimeRole + " TO " + ownerRole + "; docs/OPERATIONS.md)");
                }
            }
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** An identifier quoted for SQL, as PostgreSQL's quote_ident would. */
    static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}

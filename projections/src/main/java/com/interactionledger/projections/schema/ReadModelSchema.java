package com.interactionledger.projections.schema;

import com.interactionledger.ledger.schema.RuntimeRolePrivileges;
import org.flywaydb.core.Flyway;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.util.StringUtils;

import javax.sql.DataSource;
import java.sql.DatabaseMetaData;

/**
 * Migrates the read-model schema (processor tokens, dead letters, read-model tables) with its own Flyway history
 * table. The ledger store has its own history table and migrations, so a query-side service and a command-side
 * service can each own their part of the database; in the all-in-one application both run, in either order. Like
 * the ledger store's, the migrations run as the owner role when one is configured ({@code spring.flyway.user}), and
 * the runtime role then gets its privileges on the read models' tables ({@link RuntimeRolePrivileges}).
 */
public class ReadModelSchema {

    public static final String HISTORY_TABLE = "flyway_projections_history";

    private final DataSource dataSource;
    private final DataSource migrations;

    /** Migrations run on the application's DataSource, as one role does everything (the embedded default). */
    public ReadModelSchema(DataSource dataSource) {
        this(dataSource, dataSource);
    }

    /**
     * @param dataSource the application's DataSource, whose user is the runtime role
     * @param migrations the connections the migrations run on, as the tables' owner ({@link #migrations})
     */
    public ReadModelSchema(DataSource dataSource, DataSource migrations) {
        this.dataSource = dataSource;
        this.migrations = migrations;
    }

    /**
     * The connections the read models' migrations run on: as Spring Boot's Flyway (the ledger store's) does, the
     * application's DataSource unless {@code spring.flyway.url} or {@code spring.flyway.user} names another (the
     * owner role, {@code LEDGER_DB_OWNER}), so that both schemas are created and owned by the same role.
     */
    public static DataSource migrations(DataSource dataSource, String url, String user, String password) {
        if (StringUtils.hasText(url)) {
            return DataSourceBuilder.create().type(SimpleDriverDataSource.class).url(url).username(user)
                    .password(password).build();
        }
        if (user != null) {
            return DataSourceBuilder.derivedFrom(dataSource).type(SimpleDriverDataSource.class).username(user)
                    .password(password).build();
        }
        return dataSource;
    }

    public void migrate() {
        Flyway.configure()
                .dataSource(migrations)
                // the runtime role's privileges on the read models' tables, granted by their owner
                .callbacks(new RuntimeRolePrivileges(dataSource))
                .table(HISTORY_TABLE)
                // Migrations whose SQL is the same on both databases live in common/; the rest per vendor.
                .locations("classpath:db/projections/common", "classpath:db/projections/" + vendor(dataSource))
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    private static String vendor(DataSource dataSource) {
        try {
            String url = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getURL);
            return DatabaseDriver.fromJdbcUrl(url).getId();
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("cannot tell which database holds the read models", e);
        }
    }
}

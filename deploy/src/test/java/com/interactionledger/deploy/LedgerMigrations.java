package com.interactionledger.deploy;

import com.interactionledger.ledger.append.LedgerStoreAutoConfiguration;
import com.interactionledger.projections.testsupport.TestPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.util.Locale;
import java.util.UUID;

/**
 * The ledger store's migrations up to a version, on PostgreSQL or H2, for the tests that store rows as an older
 * version wrote them and check what a later migration makes of them. Such a test runs once for each
 * {@link Vendor} ({@code @EnumSource(Vendor.class)}): each has SQL of its own for what a migration fills in.
 */
final class LedgerMigrations {

    private LedgerMigrations() {
    }

    /** The databases the ledger runs on, each with its own migrations beside the common ones. */
    enum Vendor {
        /** A fresh PostgreSQL database of the tests. */
        POSTGRESQL {
            @Override
            DataSource fresh(String purpose) {
                TestPostgres.Database database = TestPostgres.freshDatabase(purpose);
                return new DriverManagerDataSource(database.url(), database.user(), database.password());
            }
        },
        /** A fresh in-memory H2 database in PostgreSQL mode, as the embedded default runs. */
        H2 {
            @Override
            DataSource fresh(String purpose) {
                return new DriverManagerDataSource("jdbc:h2:mem:" + purpose + "-" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1", "sa", "");
            }
        };

        abstract DataSource fresh(String purpose);

        /** The folder of this vendor's migrations, under {@code db/ledger/}. */
        String folder() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A fresh database of {@code vendor} as a ledger of {@code version} left it: migrated up to that version. */
    static Database migratedTo(String version, Vendor vendor, String purpose) {
        Database database = new Database(vendor, vendor.fresh(purpose));
        database.migrate(version);
        return database;
    }

    record Database(Vendor vendor, DataSource dataSource) {

        JdbcTemplate jdbc() {
            return new JdbcTemplate(dataSource);
        }

        /** Migrates the rest of the way, as the current ledger does when it starts. */
        void migrateToLatest() {
            migrate(null);
        }

        private void migrate(String target) {
            var flyway = Flyway.configure().dataSource(dataSource).table("flyway_ledger_history")
                    .locations("classpath:db/ledger/common", "classpath:db/ledger/" + vendor.folder())
                    .javaMigrations(LedgerStoreAutoConfiguration.javaMigrations());
            if (target != null) {
                flyway.target(target);
            }
            flyway.load().migrate();
        }
    }
}

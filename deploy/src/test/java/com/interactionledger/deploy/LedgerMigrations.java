package com.interactionledger.deploy;

import com.interactionledger.ledger.append.LedgerStoreAutoConfiguration;
import com.interactionledger.projections.testsupport.TestPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.util.UUID;

/**
 * The ledger store's migrations up to a version, on PostgreSQL or H2, for the tests that store rows as an older
 * version wrote them and check what a later migration makes of them.
 */
final class LedgerMigrations {

    private LedgerMigrations() {
    }

    /** A fresh PostgreSQL database of the tests. */
    static DataSource postgres(String purpose) {
        TestPostgres.Database database = TestPostgres.freshDatabase(purpose);
        return new DriverManagerDataSource(database.url(), database.user(), database.password());
    }

    /** A fresh in-memory H2 database in PostgreSQL mode, as the embedded default runs. */
    static DataSource h2(String purpose) {
        return new DriverManagerDataSource("jdbc:h2:mem:" + purpose + "-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1", "sa", "");
    }

    /**
     * @param vendor {@code postgresql} or {@code h2}
     * @param target the version to stop at; null for the latest
     */
    static void migrate(DataSource dataSource, String vendor, String target) {
        var flyway = Flyway.configure().dataSource(dataSource).table("flyway_ledger_history")
                .locations("classpath:db/ledger/common", "classpath:db/ledger/" + vendor)
                .javaMigrations(LedgerStoreAutoConfiguration.javaMigrations());
        if (target != null) {
            flyway.target(target);
        }
        flyway.load().migrate();
    }
}

package com.interactionledger.tools.importing;

import com.interactionledger.projections.testsupport.TestPostgres;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.List;

/** The ledger the import acceptance tests import into: as {@code scripts/import.sh} starts one, on PostgreSQL. */
final class ImportLedgers {

    /** The tests' master key (a published test value: refused in production's mode only by the startup check). */
    static final String MASTER_KEYS = "test-2026:dGVzdC1vbmx5LW1hc3Rlci1rZXktMzItYnl0ZXMtb2s=";

    private ImportLedgers() {
    }

    /** A ledger on a fresh database of the tests' PostgreSQL server, named after the test. */
    static ConfigurableApplicationContext onFreshPostgres(String name) {
        TestPostgres.Database database = TestPostgres.freshDatabase(name);
        return ImportCli.start(List.of("--spring.profiles.active=postgres",
                "--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(), "--ledger.privacy.master-keys=" + MASTER_KEYS,
                "--ledger.analytics.pseudonym-key=test-only-pseudonym-key-of-at-least-32-bytes"));
    }
}

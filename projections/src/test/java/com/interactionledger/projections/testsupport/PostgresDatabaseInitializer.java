package com.interactionledger.projections.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a Spring test context at a fresh PostgreSQL database of its own:
 * {@code @ContextConfiguration(initializers = PostgresDatabaseInitializer.class)}.
 * The database name is exposed as {@code ledger.test.database}.
 */
public class PostgresDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPostgres.Database database = TestPostgres.freshDatabase("ctx");
        TestPropertyValues.of(
                "spring.datasource.url=" + database.url(),
                "spring.datasource.username=" + database.user(),
                "spring.datasource.password=" + database.password(),
                "ledger.test.database=" + database.name()
        ).applyTo(context);
    }
}

package com.interactionledger.projections.testsupport;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The PostgreSQL fixture reaches a real server and hands out separate, empty databases. */
class TestPostgresTest {

    @Test
    void eachCallerGetsItsOwnEmptyDatabaseOnARealPostgreSql() throws Exception {
        TestPostgres.Database first = TestPostgres.freshDatabase("fixture");
        TestPostgres.Database second = TestPostgres.freshDatabase("fixture");
        assertThat(first.name()).isNotEqualTo(second.name());
        try (Connection connection = first.connect()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            connection.createStatement().execute("CREATE TABLE probe (id INT)");
        }
        try (Connection connection = second.connect();
             ResultSet tables = connection.getMetaData().getTables(null, "public", "probe", null)) {
            assertThat(tables.next()).as("a table created in another test database").isFalse();
        }
    }
}

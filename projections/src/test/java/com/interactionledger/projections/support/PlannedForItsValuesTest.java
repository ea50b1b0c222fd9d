package com.interactionledger.projections.support;

import com.interactionledger.ledger.stored.Databases;
import com.interactionledger.projections.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch's key look-up is planned for the keys it is given each time it runs (Databases.plannedForItsValues): the
 * server keeps no plan of it, where the same statement prepared the ordinary way soon runs on one generic plan made
 * while the table was empty.
 */
class PlannedForItsValuesTest {

    private static final String LOOK_UP = "SELECT id FROM keyed JOIN unnest(?::varchar[]) AS wanted(key)"
            + " ON id = wanted.key";

    @Test
    void theServerKeepsNoPlanOfALookUpPlannedForItsValues() throws SQLException {
        try (Connection connection = TestPostgres.freshDatabase("planned").connect()) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TABLE keyed (id varchar(64) PRIMARY KEY)");
            }
            for (int run = 0; run < 10; run++) {
                try (PreparedStatement ordinary = connection.prepareStatement(LOOK_UP + " -- ordinary")) {
                    lookUp(connection, ordinary);
                }
                try (PreparedStatement planned = Databases.plannedForItsValues(connection, LOOK_UP + " -- planned")) {
                    lookUp(connection, planned);
                }
            }

            try (Statement query = connection.createStatement();
                 ResultSet kept = query.executeQuery("SELECT statement, generic_plans FROM pg_prepared_statements")) {
                int ordinaryGenericPlans = -1;
                boolean plannedKept = false;
                while (kept.next()) {
                    if (kept.getString(1).endsWith("-- ordinary")) {
                        ordinaryGenericPlans = kept.getInt(2);
                    }
                    plannedKept |= kept.getString(1).endsWith("-- planned");
                }
                assertThat(ordinaryGenericPlans).as("the ordinary statement runs on a generic plan").isPositive();
                assertThat(plannedKept).as("the server keeps no plan of the planned look-up").isFalse();
            }
        }
    }

    private static void lookUp(Connection connection, PreparedStatement statement) throws SQLException {
        statement.setArray(1, connection.createArrayOf("varchar", new String[]{"a", "b"}));
        try (ResultSet rows = statement.executeQuery()) {
            assertThat(rows.next()).isFalse();
        }
    }
}

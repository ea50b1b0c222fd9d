package com.interactionledger.deploy.access;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The service has no database of its own and its image no H2 driver: started without one, or on an H2 URL where no
 * H2 driver is, it refuses at once and says where a database comes from (PostgreSQL by LEDGER_DB_URL, the embedded
 * H2 default from the tools' jar), instead of failing later on a driver class Spring cannot load.
 * (StartupSafetyTest starts the application itself; the tools' ServiceImageTest starts the image's own jar.)
 */
class StartupSafetyDatabaseTest {

    private static final String KEYS = "test-2026:dGVzdC1vbmx5LW1hc3Rlci1rZXktMzItYnl0ZXMtb2s=";
    private static final String H2_URL = "jdbc:h2:file:./data/ledger;MODE=PostgreSQL";
    /** The service image's class path as far as drivers go: no H2 (nor anything else of the application). */
    private static final ClassLoader WITHOUT_H2 = ClassLoader.getPlatformClassLoader();

    @Test
    void withoutADatabaseTheServiceRefusesAndNamesLedgerDbUrlAndTheToolsJar() {
        String refusal = refusal(new MockEnvironment().withProperty("ledger.privacy.master-keys", KEYS),
                StartupSafetyDatabaseTest.class.getClassLoader());

        assertThat(refusal).startsWith("The ledger refuses to start: no database is configured (spring.datasource.url)")
                .contains("SPRING_PROFILES_ACTIVE=postgres and LEDGER_DB_URL").contains("scripts/run.sh");
    }

    @Test
    void onAnH2UrlWhereNoH2DriverIsTheServiceRefusesInEveryMode() {
        MockEnvironment oidc = new MockEnvironment().withProperty("spring.datasource.url", H2_URL)
                .withProperty("ledger.privacy.master-keys", KEYS);
        assertThat(refusal(oidc, WITHOUT_H2)).contains("spring.datasource.url is an H2 database (" + H2_URL + ")")
                .contains("this jar carries no H2 driver").contains("LEDGER_DB_URL").contains("scripts/run.sh");

        MockEnvironment development = new MockEnvironment().withProperty("spring.datasource.url", H2_URL)
                .withProperty("ledger.access.mode", "development");
        assertThat(refusal(development, WITHOUT_H2)).contains("this jar carries no H2 driver");
    }

    @Test
    void whereTheH2DriverIsTheEmbeddedDatabaseIsAccepted() {
        MockEnvironment oidc = new MockEnvironment().withProperty("spring.datasource.url", H2_URL)
                .withProperty("ledger.privacy.master-keys", KEYS);

        assertThatCode(() -> StartupSafety.check(oidc, StartupSafetyDatabaseTest.class.getClassLoader()))
                .doesNotThrowAnyException();
    }

    private static String refusal(MockEnvironment environment, ClassLoader drivers) {
        Throwable refused = catchThrowable(() -> StartupSafety.check(environment, drivers));
        assertThat(refused).as("the ledger refused to start").isInstanceOf(IllegalStateException.class);
        return refused.getMessage();
    }
}

package com.interactionledger.deploy;

import com.interactionledger.deploy.identity.LocalIdentityProvider;
import com.interactionledger.ledger.sealing.MasterKeys;
import com.interactionledger.projections.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Production is safe by default: the ledger trusts an OIDC provider unless told otherwise; the development issuer
 * (which signs a token for anyone who asks) runs only on the embedded H2 database and only on the loopback; and
 * outside development no key this repository publishes is accepted. The service has no database of its own (the
 * embedded H2 default is the tools' jar's): without one it refuses too. Every refusal happens before the database
 * is touched and names the setting to change. (H2 is on this module's test class path only.)
 */
class StartupSafetyTest {

    @TempDir
    Path dataDir;

    @Test
    void theDevelopmentIssuerRefusesPostgresqlAndWritesNothingThere() throws Exception {
        TestPostgres.Database database = TestPostgres.freshDatabase("dev-refused");

        Throwable refused = catchThrowable(() -> start("--server.port=0", "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(), "--ledger.access.mode=development").close());

        assertThat(rootMessage(refused)).contains("ledger.access.mode=development runs only on the embedded H2")
                .contains("LEDGER_ACCESS_MODE=oidc");
        try (Connection connection = database.connect();
             ResultSet tables = connection.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
            assertThat(tables.next()).as("no migration ran: the refusal came first").isFalse();
        }
    }

    @Test
    void theDevelopmentIssuerRefusesThePostgresProfileAndAnAddressOffTheLoopback() {
        assertThat(rootMessage(catchThrowable(() -> start(h2("--ledger.access.mode=development",
                "--spring.profiles.active=postgres", "--spring.datasource.url=" + h2Url())).close())))
                .contains("does not run with the postgres profile");
        assertThat(rootMessage(catchThrowable(() -> start(h2("--ledger.access.mode=development",
                "--server.address=0.0.0.0")).close())))
                .contains("listens only on the loopback, and server.address is 0.0.0.0");
    }

    @Test
    void theDevelopmentIssuerOnTheEmbeddedDatabaseListensOnTheLoopbackAndSignsOnlyLedgerRoles() {
        try (ConfigurableApplicationContext app = start(h2("--ledger.access.mode=development"))) {
            TomcatWebServer server = (TomcatWebServer) ((ServletWebServerApplicationContext) app).getWebServer();
            Object address = server.getTomcat().getConnector().getProperty("address");
            assertThat(address).as("bound to the loopback, not to every interface").isInstanceOf(InetAddress.class);
            assertThat(((InetAddress) address).isLoopbackAddress()).isTrue();

            LedgerHttp http = LedgerHttp.developmentIssuerAt(server.getPort());
            assertThat(http.get("/customers/dev-customer/timeline").status()).as("its tokens work").isEqualTo(200);
            assertThat(http.anonymous().post("/dev/tokens?actor=dev-x&role=ROOT", null).code())
                    .isEqualTo("MALFORMED_REQUEST");
            assertThat(http.anonymous().post("/dev/tokens?actor=not%20an%20id&role=AGENT", null).code())
                    .isEqualTo("MALFORMED_REQUEST");
        }
    }

    @Test
    void withoutAModeTheLedgerTrustsOnlyItsOidcProvider() {
        try (ConfigurableApplicationContext app = start(h2("--ledger.access.issuer-uri="
                + LocalIdentityProvider.shared().issuer()))) {
            int port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
            LedgerHttp http = new LedgerHttp(port);
            assertThat(http.anonymous().post("/dev/tokens?actor=me&role=ADMIN", null).status())
                    .as("no development issuer").isEqualTo(401);
            assertThat(http.get("/customers/oidc-customer/timeline").status()).as("the provider's tokens work")
                    .isEqualTo(200);
        }
    }

    @Test
    void outsideDevelopmentNoPublishedKeyIsAccepted() {
        String issuer = "--ledger.access.issuer-uri=" + LocalIdentityProvider.shared().issuer();
        assertThat(rootMessage(catchThrowable(() -> start(h2(issuer, "--ledger.privacy.master-keys="
                + TestInstallation.MASTER_KEY + "," + MasterKeys.DEVELOPMENT)).close())))
                .contains("ledger.privacy.master-keys (LEDGER_MASTER_KEYS) holds the published development key");
        assertThat(rootMessage(catchThrowable(() -> start(h2(issuer,
                "--ledger.analytics.pseudonym-key=development-only-pseudonym-key-change-me")).close())))
                .contains("ledger.analytics.pseudonym-key (LEDGER_ANALYTICS_PSEUDONYM_KEY) is the published");
        assertThat(rootMessage(catchThrowable(() -> start(h2(issuer,
                "--ledger.analytics.pseudonym-key=short-secret")).close())))
                .contains("ledger.analytics.pseudonym-key (LEDGER_ANALYTICS_PSEUDONYM_KEY) must hold at least 32");
        // The application's own defaults are the published keys and no database: started as is, it refuses, and
        // says all there is to set at once (the embedded H2 default is the tools' jar's, not the service's).
        assertThat(rootMessage(catchThrowable(() -> new SpringApplicationBuilder(InteractionLedgerApplication.class)
                .run("--server.port=0", issuer).close())))
                .contains("no database is configured").contains("LEDGER_DB_URL").contains("scripts/run.sh")
                .contains("LEDGER_MASTER_KEYS").contains("LEDGER_ANALYTICS_PSEUDONYM_KEY");
    }

    /** The embedded database in this test's folder, the test keys, then these arguments (later ones win). */
    private String[] h2(String... more) {
        String[] installation = TestInstallation.arguments(h2Url(), "sa", "", more);
        // no provider unless the test names one: without a mode, the ledger's default is what is tried
        return Arrays.stream(installation).filter(argument -> !argument.startsWith("--ledger.access.")
                || List.of(more).contains(argument)).toArray(String[]::new);
    }

    private String h2Url() {
        return "jdbc:h2:file:" + dataDir.resolve("ledger")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
    }

    private static ConfigurableApplicationContext start(String... arguments) {
        return new SpringApplicationBuilder(InteractionLedgerApplication.class).run(arguments);
    }

    private static String rootMessage(Throwable thrown) {
        assertThat(thrown).as("the ledger refused to start").isNotNull();
        Throwable cause = thrown;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}

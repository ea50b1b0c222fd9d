package com.interactionledger.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.interactionledger.deploy.LedgerHttp;
import com.interactionledger.replay.ReplayCli;
import com.interactionledger.tools.demo.DemoLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The newcomer's path: the all-in-one application with its defaults (H2 file database, no Kafka) and demo data
 * serves a timeline at once, and a restart on the same data directory keeps everything (and adds no demo twice).
 */
class EmbeddedDefaultSmokeTest {

    @TempDir
    Path dataDir;

    @Test
    void startsOnH2WithDemoDataAndServesATimeline() {
        JsonNode firstRun;
        try (ConfigurableApplicationContext app = start()) {
            LedgerHttp http = LedgerHttp.developmentIssuerAt(port(app));
            firstRun = awaitDemoTimeline(http, demoHead(app));
            String firstSession = firstRun.path("sessions").get(0).path("sessionId").asText();
            assertThat(http.get("/sessions/" + firstSession).data().path("entries").size()).isGreaterThan(2);
            // Every part is UP, but the business calendars may warn that one ends soon (the machine's date decides).
            JsonNode parts = http.get("/actuator/health").json().path("components");
            assertThat(parts.has("db")).as(parts.toString()).isTrue();
            parts.fieldNames().forEachRemaining(part -> assertThat(parts.path(part).path("status").asText())
                    .as(part).isIn(part.equals("calendars") ? List.of("UP", "WARNING") : List.of("UP")));
        }
        assertThat(Files.exists(dataDir.resolve("ledger.mv.db"))).as("H2 file under the data directory").isTrue();

        try (ConfigurableApplicationContext app = start()) {
            LedgerHttp http = LedgerHttp.developmentIssuerAt(port(app));
            assertThat(awaitDemoTimeline(http, demoHead(app))).as("the same timeline after a restart")
                    .isEqualTo(firstRun);
        }

        // The regulator's check reads the embedded default's file too (once the application has let go of it).
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        int exitCode = ReplayCli.run(new String[] {"verify", "--jdbc-url", "jdbc:h2:file:" + dataDir.resolve("ledger")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "--user", "sa"},
                new PrintStream(report, true, StandardCharsets.UTF_8), System.err);
        assertThat(exitCode).as(report.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(report.toString(StandardCharsets.UTF_8)).contains("result                     INTACT")
                .doesNotContain("events                     0\n");
    }

    private ConfigurableApplicationContext start() {
        return DemoLedger.run("--server.port=0", "--ledger.data-dir=" + dataDir, "--ledger.demo.customers=3");
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    /** The demo data is written while the application starts (on ApplicationReadyEvent), before run returns. */
    private static long demoHead(ConfigurableApplicationContext app) {
        return app.getBean(JdbcTemplate.class).queryForObject("SELECT MAX(globalindex) FROM domainevententry",
                Long.class);
    }

    /** The demo customer's timeline once the read model has applied all the demo data (not just some sessions). */
    private static JsonNode awaitDemoTimeline(LedgerHttp http, long demoHead) {
        JsonNode[] page = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            LedgerHttp.Response response = http.get("/customers/demo-customer-001/timeline");
            page[0] = response.status() == 200 ? response.data() : null;
            return page[0] != null && response.json().path("freshness").path("position").asLong() >= demoHead
                    && page[0].path("sessions").size() > 0
                    && page[0].path("sessions").findValues("state").stream()
                    .noneMatch(state -> state.asText().equals("BOT_HANDLING"));
        });
        return page[0];
    }
}

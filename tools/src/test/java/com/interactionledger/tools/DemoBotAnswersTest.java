package com.interactionledger.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.interactionledger.deploy.LedgerHttp;
import com.interactionledger.projections.status.ProjectionStatuses;
import com.interactionledger.tools.demo.DemoLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo data makes the bot-quality figures worth a look out of the box (docs/BOT-ANSWERS.md): answers of every
 * outcome, two model versions, stale quotes of revised and withdrawn articles, and the need without an article; and
 * its start-up line tells a newcomer what to try on the port the service listens on.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoBotAnswersTest {

    @TempDir
    Path dataDir;

    @Test
    void theDemosBotAnswersGiveEveryKindOfFigure(CapturedOutput output) {
        try (ConfigurableApplicationContext app = DemoLedger.run("--server.port=0", "--ledger.data-dir=" + dataDir)) {
            String port = app.getEnvironment().getProperty("local.server.port");
            assertThat(output.getOut()).as("the start-up line names the port in use, here a random one")
                    .contains("'localhost:" + port + "/dev/tokens?actor=you&role=AGENT'");
            LedgerHttp http = LedgerHttp.developmentIssuerAt(Integer.parseInt(port));
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long head = jdbc.queryForObject("SELECT MAX(globalindex) FROM domainevententry", Long.class);
            JsonNode report = http.as("ANALYST", "demo-analyst")
                    .get("/analytics/bot-quality?groupBy=MODEL&waitForPosition=" + head + "&waitTimeout=PT30S")
                    .data();
            JsonNode total = report.path("total");
            assertThat(List.of("answers", "confirmed", "corrected", "escalated", "open"))
                    .allSatisfy(figure -> assertThat(total.path(figure).asLong()).as(figure).isPositive());
            assertThat(report.path("groups").findValuesAsText("key")).containsExactly("eva-llm 2026.10",
                    "eva-llm 2026.11");
            assertThat(report.path("staleQuotes").findValuesAsText("articleId")).as("revised or withdrawn, quoted")
                    .isNotEmpty();
            assertThat(report.path("coverageGaps").findValuesAsText("intent")).contains("change_address");
            assertThat(report.path("calibration").findValues("decided").stream().mapToLong(JsonNode::asLong).sum())
                    .isEqualTo(total.path("confirmed").asLong() + total.path("corrected").asLong()
                            + total.path("escalated").asLong());
            // every read model applies the answers' bases, the corrections and the articles: none is parked
            LedgerHttp admin = http.as("ADMIN", "demo-admin");
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                JsonNode statuses = admin.get("/projections").data();
                return statuses.size() == ProjectionStatuses.READ_MODELS.size() && statuses.findValues("lagEvents")
                        .stream().allMatch(lag -> lag.asLong() == 0);
            });
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM deadletterentry", Long.class)).isZero();
            // the product classifier names what each classified session is about: the analysts can group by it
            assertThat(http.as("ANALYST", "demo-analyst").get("/analytics/service-efficiency?groupBy=product")
                    .data().path("groups").findValuesAsText("group"))
                    .contains("debit_card", "credit_card", "current_account", "personal_loan");
        }
    }
}

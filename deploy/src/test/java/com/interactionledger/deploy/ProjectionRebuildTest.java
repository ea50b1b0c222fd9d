package com.interactionledger.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.interactionledger.replay.ReplayCli;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.interactionledger.deploy.LedgerHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operators' tools on a running service: the status of every event processor, and a read model rebuilt by
 * name with a progress bar, giving back the very rows it had.
 */
class ProjectionRebuildTest extends PostgresLedgerTest {

    @Autowired
    Environment environment;

    private record Outcome(int exitCode, String out, String err) {
    }

    @Test
    void theTimelineRebuiltByNameHasTheSameRowsAndTheStatusShowsEveryProcessor() {
        accepted(http.post("/sessions", json("sessionId", "rebuild-chat", "customerId", "rebuild-customer",
                "channel", "WEB_CHAT", "entryPoint", "web")));
        for (int i = 1; i <= 5; i++) {
            accepted(http.as("CUSTOMER", "rebuild-customer").post("/sessions/rebuild-chat/messages",
                    json("messageId", "rebuild-m" + i, "authorRole", "CUSTOMER", "text", "message " + i)));
        }
        await().atMost(Duration.ofSeconds(20)).until(() ->
                http.get("/projections/timeline").json().path("lagEvents").asLong() == 0);
        List<Map<String, Object>> sessions = jdbc.queryForList("SELECT * FROM timeline_session ORDER BY session_id");
        List<Map<String, Object>> entries = jdbc.queryForList("SELECT * FROM timeline_entry ORDER BY global_position");
        assertThat(entries).hasSizeGreaterThanOrEqualTo(6);

        Outcome rebuilt = cli("rebuild", "timeline", "--url", "http://127.0.0.1:" + port);

        assertThat(rebuilt.exitCode()).as(rebuilt.err()).isZero();
        long events = jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class);
        assertThat(rebuilt.out()).containsPattern("timeline \\[[#-]{30}\\] [0-9,]+/[0-9,]+ events ")
                .contains("timeline [" + "#".repeat(30) + "] " + String.format("%,d/%,d", events, events))
                .containsPattern("rebuilt timeline: [0-9,]+ events in [0-9.]+ s\n");
        assertThat(jdbc.queryForList("SELECT * FROM timeline_session ORDER BY session_id")).isEqualTo(sessions);
        assertThat(jdbc.queryForList("SELECT * FROM timeline_entry ORDER BY global_position")).isEqualTo(entries);

        Outcome status = cli("status", "--url", "http://127.0.0.1:" + port);
        assertThat(status.exitCode()).isZero();
        assertThat(status.out().lines().skip(1).map(line -> line.split("\\s+")[0]))
                .containsExactly("audit", "complaints", "risk-warnings", "service-analytics", "timeline");
        assertThat(status.out()).containsPattern("timeline\\s+running\\s+");
        JsonNode timeline = http.get("/projections/timeline").json();
        assertThat(timeline.path("readModel").asBoolean()).isTrue();
        assertThat(timeline.path("replaying").asBoolean()).isFalse();
        assertThat(timeline.path("eventsApplied").asLong()).isEqualTo(timeline.path("eventsTotal").asLong());
    }

    @Test
    void whatCannotBeRebuiltIsRefusedWithItsCode() {
        assertThat(http.post("/projections/nothing-like-it/rebuild", null).code()).isEqualTo("NOT_FOUND");
        assertThat(http.post("/projections/complaint-clock-watch/rebuild", null).code())
                .as("the clock watch is no read model (and no streaming processor)").isEqualTo("NOT_FOUND");
        Outcome unknown = cli("rebuild", "nothing-like-it", "--url", "http://127.0.0.1:" + port);
        assertThat(unknown.exitCode()).isEqualTo(ReplayCli.NOT_FOUND);

        // A second instance on the same ledger: this one holds the timeline's segments, so the other cannot reset it.
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(InteractionLedgerApplication.class)
                .run("--server.port=0", "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                        "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                        "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                        "--ledger.node-id=second-instance")) {
            String secondUrl = "http://127.0.0.1:" + second.getEnvironment().getProperty("local.server.port");
            LedgerHttp.Response refused = new LedgerHttp(Integer.parseInt(
                    second.getEnvironment().getProperty("local.server.port"))).post("/projections/timeline/rebuild", null);
            assertThat(refused.code()).as(refused.toString()).isEqualTo("REBUILD_REFUSED");
            assertThat(refused.json().path("detail").asText()).contains("stop it on every other instance first");
            Outcome elsewhere = cli("rebuild", "timeline", "--url", secondUrl);
            assertThat(elsewhere.exitCode()).isEqualTo(ReplayCli.FAILED);
            assertThat(elsewhere.err()).startsWith("rebuild: could not reset timeline");
        }
        assertThat(cli("rebuild", "timeline", "--url", "http://127.0.0.1:" + port, "--customer", "c-1").exitCode())
                .isEqualTo(ReplayCli.NOT_AVAILABLE);
        Outcome unreachable = cli("status", "--url", "http://127.0.0.1:1");
        assertThat(unreachable.exitCode()).isEqualTo(ReplayCli.FAILED);
        assertThat(unreachable.err()).startsWith("status: cannot reach http://127.0.0.1:1");
    }

    private static Outcome cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = ReplayCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}

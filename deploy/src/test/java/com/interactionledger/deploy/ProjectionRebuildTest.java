package com.interactionledger.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.interactionledger.replay.ReplayCli;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

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

    @Test
    void theTimelineRebuiltByNameHasTheSameRowsAndTheStatusShowsEveryProcessor() {
        accepted(http.post("/sessions", json("sessionId", "rebuild-chat", "customerId", "rebuild-customer",
                "channel", "WEB_CHAT", "entryPoint", "web")));
        for (int i = 1; i <= 5; i++) {
            accepted(gateway().post("/sessions/rebuild-chat/messages",
                    json("messageId", "rebuild-m" + i, "authorRole", "CUSTOMER", "text", "message " + i)));
        }
        await().atMost(Duration.ofSeconds(20)).until(() ->
                admin().get("/projections/timeline").data().path("lagEvents").asLong() == 0);
        List<Map<String, Object>> sessions = jdbc.queryForList("SELECT * FROM timeline_session ORDER BY session_id");
        List<Map<String, Object>> entries = jdbc.queryForList("SELECT * FROM timeline_entry ORDER BY global_position");
        assertThat(entries).hasSizeGreaterThanOrEqualTo(6);

        ReplayToolsRun rebuilt = cli("rebuild", "timeline", "--url", "http://127.0.0.1:" + port, "--token-file",
                adminTokenFile());

        assertThat(rebuilt.exitCode()).as(rebuilt.err()).isZero();
        long events = jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class);
        assertThat(rebuilt.out()).containsPattern("timeline \\[[#-]{30}\\] [0-9,]+/[0-9,]+ events ")
                .contains("timeline [" + "#".repeat(30) + "] " + String.format("%,d/%,d", events, events))
                .containsPattern("rebuilt timeline: [0-9,]+ events in [0-9.]+ s\n");
        assertThat(jdbc.queryForList("SELECT * FROM timeline_session ORDER BY session_id")).isEqualTo(sessions);
        assertThat(jdbc.queryForList("SELECT * FROM timeline_entry ORDER BY global_position")).isEqualTo(entries);

        ReplayToolsRun anonymous = cli("status", "--url", "http://127.0.0.1:" + port);
        assertThat(anonymous.exitCode()).isEqualTo(ReplayCli.FAILED);
        assertThat(anonymous.err()).isEqualTo("status: A bearer token is required\n");
        ReplayToolsRun status = cli("status", "--url", "http://127.0.0.1:" + port, "--token-file",
                adminTokenFile());
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out().lines().skip(1).map(line -> line.split("\\s+")[0]))
                .containsExactly("audit", "bot-quality", "complaints", "privacy", "risk-warnings", "service-analytics",
                        "timeline");
        assertThat(status.out()).containsPattern("timeline\\s+running\\s+");
        LedgerHttp.Response timelineStatus = admin().get("/projections/timeline");
        JsonNode timeline = timelineStatus.data();
        assertThat(timeline.path("readModel").asBoolean()).isTrue();
        // a status is read from the ledger's own tables: stamped with the ledger's head, which its lag is against
        JsonNode stamp = timelineStatus.json().path("freshness");
        assertThat(stamp.path("readModel").asText()).isEqualTo("ledger");
        assertThat(stamp.path("headPosition").asLong()).isGreaterThanOrEqualTo(timeline.path("position").asLong());
        assertThat(timeline.path("replaying").asBoolean()).isFalse();
        assertThat(timeline.path("eventsApplied").asLong()).isEqualTo(timeline.path("eventsTotal").asLong());
    }

    /**
     * One customer's rows, damaged in every read model, are rebuilt from that customer's events alone: afterwards
     * every table of every read model is exactly as it was, the other customer's rows untouched throughout.
     */
    @Test
    void oneCustomersRowsAreRebuiltFromTheirEventsInEveryReadModel() {
        for (String customer : List.of("one-customer-a", "one-customer-b")) {
            String chat = customer + "-chat";
            accepted(bot().post("/sessions", json("sessionId", chat, "customerId", customer,
                    "channel", "WEB_CHAT", "entryPoint", "web")));
            accepted(gateway().post("/sessions/" + chat + "/messages", json("messageId", "m1",
                    "authorRole", "CUSTOMER", "text", "I want to complain about a fee", "language", "en-GB")));
            accepted(bot().post("/sessions/" + chat + "/handoff", json("queue", "cards",
                    "reason", "fees", "contextSummary", "Fee dispute")));
            accepted(http.as("AGENT", "rebuild-agent").post("/sessions/" + chat + "/assignment",
                    json("agentId", "rebuild-agent")));
            accepted(http.as("AGENT", "rebuild-agent").post("/complaints", json("complaintId", customer + "-complaint",
                    "customerId", customer, "sessions", new String[] {chat}, "channel", "WEB_CHAT",
                    "product", "credit_card", "category", "fees", "subCategory", "late_payment_fee",
                    "description", "Charged a fee", "jurisdiction", "UK_FCA")));
        }
        awaitReadModelsCaughtUp();
        Map<String, List<String>> before = readModelRows();

        jdbc.update("UPDATE timeline_session SET state = 'CLOSED' WHERE customer_id = 'one-customer-a'");
        jdbc.update("DELETE FROM complaint_clock WHERE complaint_id = 'one-customer-a-complaint'");
        jdbc.update("DELETE FROM risk_session WHERE customer_id = 'one-customer-a'");
        jdbc.update("DELETE FROM audit_command WHERE customer_id = 'one-customer-a'");
        jdbc.update("DELETE FROM analytics_session WHERE session_id = 'one-customer-a-chat'");
        jdbc.update("UPDATE privacy_customer SET restricted = TRUE WHERE customer_id = 'one-customer-a'");
        assertThat(readModelRows()).isNotEqualTo(before);

        for (String readModel : List.of("timeline", "complaints", "risk-warnings", "audit", "service-analytics",
                "privacy")) {
            ReplayToolsRun rebuilt = cli("rebuild", readModel, "--url", "http://127.0.0.1:" + port, "--token-file",
                    adminTokenFile(), "--customer", "one-customer-a");
            assertThat(rebuilt.exitCode()).as(rebuilt.err()).isZero();
            assertThat(rebuilt.out()).startsWith("rebuilt " + readModel + " for customer one-customer-a: 6 events in ");
        }
        assertThat(readModelRows()).isEqualTo(before);
        awaitReadModelsCaughtUp();
        assertThat(readModelRows()).as("and the read models, resumed, change nothing").isEqualTo(before);
    }

    @Test
    void whatCannotBeRebuiltIsRefusedWithItsCode() {
        assertThat(admin().post("/projections/nothing-like-it/rebuild", null).code()).isEqualTo("NOT_FOUND");
        assertThat(admin().post("/projections/complaint-clock-watch/rebuild", null).code())
                .as("the clock watch is no read model (and no streaming processor)").isEqualTo("NOT_FOUND");
        ReplayToolsRun unknown = cli("rebuild", "nothing-like-it", "--url", "http://127.0.0.1:" + port,
                "--token-file", adminTokenFile());
        assertThat(unknown.exitCode()).isEqualTo(ReplayCli.NOT_FOUND);

        // A second instance on the same ledger: this one holds the timeline's segments, so the other cannot reset it.
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(InteractionLedgerApplication.class)
                .run(TestInstallation.arguments(environment, "--ledger.node-id=second-instance"))) {
            int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
            String secondUrl = "http://127.0.0.1:" + secondPort;
            String secondAdmin = http.token("ADMIN", "ops-admin");
            LedgerHttp.Response refused = new LedgerHttp(secondPort).withToken(secondAdmin).post("/projections/timeline/rebuild", null);
            assertThat(refused.code()).as(refused.toString()).isEqualTo("REBUILD_REFUSED");
            assertThat(refused.json().path("detail").asText()).contains("stop it on every other instance first");
            ReplayToolsRun elsewhere = cli("rebuild", "timeline", "--url", secondUrl, "--token-file",
                    ReplayToolsRun.secretFile(secondAdmin));
            assertThat(elsewhere.exitCode()).isEqualTo(ReplayCli.FAILED);
            assertThat(elsewhere.err()).startsWith("rebuild: could not reset timeline");
        }
        assertThat(admin().post("/projections/timeline/customers/not%20an%20id/rebuild", null).code())
                .isEqualTo("INVALID_IDENTIFIER");
        ReplayToolsRun unreachable = cli("status", "--url", "http://127.0.0.1:1");
        assertThat(unreachable.exitCode()).isEqualTo(ReplayCli.FAILED);
        assertThat(unreachable.err()).startsWith("status: cannot reach http://127.0.0.1:1");
    }

    /** Rebuilds and processor statuses are the administrators'. */
    private LedgerHttp admin() {
        return http.withToken(adminToken());
    }

    private String adminToken() {
        return http.token("ADMIN", "ops-admin");
    }

    /** The token as the replay tools take it: from a file (--token-file), never on their command line. */
    private String adminTokenFile() {
        return ReplayToolsRun.secretFile(adminToken());
    }

    private static ReplayToolsRun cli(String... args) {
        return ReplayToolsRun.of(args);
    }
}

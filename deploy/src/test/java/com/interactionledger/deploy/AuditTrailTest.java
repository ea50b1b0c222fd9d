package com.interactionledger.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.interactionledger.projections.audit.AuditProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.interactionledger.deploy.LedgerHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every command, accepted or refused, and every read of personal data is on the audit trail, built from records
 * in the ledger itself: who, what, when, through which channel, in which flow, with what outcome.
 */
class AuditTrailTest extends PostgresLedgerTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void acceptedCommandsAreAuditedWithTheEventsTheyAppended() {
        LedgerHttp bot = http.as("SYSTEM", "eva-bot").with("X-Channel", "WEB_CHAT").with("X-Correlation-Id", "audit-flow");
        LedgerHttp.Response started = bot.post("/sessions", json("sessionId", "audit-chat", "customerId",
                "audit-customer", "channel", "WEB_CHAT", "entryPoint", "web"));
        LedgerHttp.Response continued = http.as("SYSTEM", "ivr").post("/sessions", json("sessionId",
                "audit-call", "customerId", "audit-customer", "channel", "PHONE", "entryPoint", "ivr",
                "continuation", Map.of("previousSessionId", "audit-chat", "contextSummary", "moved to phone")));

        JsonNode records = await(() -> commands("?customerId=audit-customer&outcome=accepted"), 2);
        JsonNode continuation = records.get(0);
        assertThat(continuation.path("commandType").asText()).isEqualTo("StartSession");
        assertThat(continuation.path("targetId").asText()).as("the new session, not the one continued").isEqualTo("audit-call");
        assertThat(continuation.path("actorId").asText()).isEqualTo("ivr");
        assertThat(continuation.path("actorRole").asText()).isEqualTo("SYSTEM");
        assertThat(ids(continuation.path("events"))).isEqualTo(ids(continued.json().path("events"), "eventId"));

        JsonNode start = records.get(1);
        assertThat(start.path("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(start.path("channel").asText()).isEqualTo("WEB_CHAT");
        assertThat(start.path("correlationId").asText()).isEqualTo("audit-flow");
        assertThat(start.path("errorCode").isNull()).isTrue();
        assertThat(ids(start.path("events"))).isEqualTo(ids(started.json().path("events"), "eventId"));
        assertThat(start.path("position").asLong()).isEqualTo(started.json().path("position").asLong());
    }

    @Test
    void refusedCommandsAreAuditedWithTheirCodeAndWriteNoBusinessEvent() {
        assertThat(http.post("/sessions", json("sessionId", "audit-refused", "customerId", "audit-refusals",
                "channel", "EMAIL", "entryPoint", "mailbox")).status()).isEqualTo(201);
        long before = businessEvents();
        LedgerHttp clerk = http.as("AGENT", "audit-clerk");
        assertThat(clerk.post("/sessions/audit-refused/closure", null).code()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(clerk.post("/sessions/audit-nowhere/closure", null).code()).isEqualTo("SESSION_NOT_FOUND");
        assertThat(businessEvents()).isEqualTo(before);

        JsonNode refused = await(() -> commands("?actorId=audit-clerk&outcome=refused"), 2);
        JsonNode unknown = refused.get(0);
        assertThat(unknown.path("errorCode").asText()).isEqualTo("SESSION_NOT_FOUND");
        assertThat(unknown.path("targetId").asText()).isEqualTo("audit-nowhere");
        assertThat(unknown.path("customerId").isNull()).as("an unknown session names no customer").isTrue();
        JsonNode illegal = refused.get(1);
        assertThat(illegal.path("commandType").asText()).isEqualTo("CloseSession");
        assertThat(illegal.path("errorCode").asText()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(illegal.path("detail").asText()).contains("CloseSession is not allowed");
        assertThat(illegal.path("events")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE payloadtype LIKE '%CommandRefused'"
                + " AND convert_from(metadata, 'UTF8')::jsonb ->> 'actorId' = 'audit-clerk'", Long.class))
                .as("refusals are ledger events").isEqualTo(2);
    }

    @Test
    void everyReadOfPersonalDataIsRecordedWithItsReader() {
        assertThat(http.post("/sessions", json("sessionId", "audit-read", "customerId", "audit-reader-target",
                "channel", "PHONE", "entryPoint", "ivr")).status()).isEqualTo(201);
        LedgerHttp agent = new LedgerHttp(port).as("AGENT", "audit-agent-5");
        awaitTimelineVersion("audit-read", 0);
        assertThat(agent.get("/customers/audit-reader-target/timeline").status()).isEqualTo(200);
        assertThat(agent.get("/sessions/audit-read").status()).isEqualTo(200);

        LedgerHttp.Response anonymous = http.anonymous().get("/sessions/audit-read");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(http.as("ANALYST", "audit-analyst").get("/sessions/audit-read").code()).isEqualTo("FORBIDDEN");

        JsonNode reads = await(() -> regulator().get("/audit/reads?customerId=audit-reader-target").data().path("records"), 2);
        assertThat(reads).allSatisfy(read -> {
            assertThat(read.path("actorId").asText()).isEqualTo("audit-agent-5");
            assertThat(read.path("actorRole").asText()).isEqualTo("AGENT");
        });
        assertThat(reads.get(0).path("endpoint").asText()).isEqualTo("GET /sessions/{sessionId}");
        assertThat(reads.get(0).path("resourceId").asText()).isEqualTo("audit-read");
        assertThat(reads.get(1).path("endpoint").asText()).isEqualTo("GET /customers/{customerId}/timeline");
        assertThat(reads.get(1).path("resourceType").asText()).isEqualTo("TIMELINE");
    }

    @Test
    void theTrailIsFilteredPagedAndRebuiltIdentically() {
        for (int i = 0; i < 3; i++) {
            http.as("AGENT", "audit-pager").post("/sessions", json("sessionId", "audit-page-" + i, "customerId",
                    "audit-pager-customer", "channel", "SMS", "entryPoint", "sms"));
        }
        await(() -> commands("?actorId=audit-pager"), 3);
        JsonNode first = regulator().get("/audit/commands?actorId=audit-pager&limit=2").data();
        assertThat(first.path("records")).hasSize(2);
        JsonNode rest = regulator().get("/audit/commands?actorId=audit-pager&limit=2&after=" + first.path("nextAfter").asLong()).data();
        assertThat(rest.path("records")).hasSize(1);
        assertThat(rest.path("nextAfter").isNull()).isTrue();
        assertThat(regulator().get("/audit/commands?actorId=audit-pager&to=2000-01-01T00:00:00Z").data().path("records")).isEmpty();
        assertThat(regulator().get("/audit/commands?outcome=maybe").code()).isEqualTo("INVALID_PARAMETER");
        // Cursors are global positions, 64 bits: one past the largest int pages from there (everything before it).
        JsonNode fromFar = regulator().get("/audit/commands?actorId=audit-pager&limit=2&after="
                + (Integer.MAX_VALUE + 1L)).data();
        assertThat(fromFar.path("records")).as("after a position past the int range").hasSize(2);
        assertThat(regulator().get("/audit/reads?after=" + Long.MAX_VALUE).status()).isEqualTo(200);

        // Let the trail apply everything recorded so far (earlier reads included) before taking its picture.
        long head = regulator().get("/audit/commands?limit=1").json().path("freshness").path("headPosition").asLong();
        assertThat(regulator().get("/audit/commands?limit=1&waitForPosition=" + head + "&waitTimeout=PT20S").status())
                .isEqualTo(200);
        List<Map<String, Object>> before = auditRows(head);
        StreamingEventProcessor audit = processing.eventProcessor(AuditProjection.PROCESSING_GROUP,
                StreamingEventProcessor.class).orElseThrow();
        audit.shutDown();
        audit.resetTokens();
        audit.start();
        assertThat(regulator().get("/audit/commands?limit=1&waitForPosition=" + head + "&waitTimeout=PT30S").status())
                .as("the replay reaches the head as it was").isEqualTo(200);
        List<Map<String, Object>> after = auditRows(head);
        List<Map<String, Object>> missing = new ArrayList<>(before);
        missing.removeAll(after);
        List<Map<String, Object>> extra = new ArrayList<>(after);
        extra.removeAll(before);
        assertThat(missing).as("rows lost by the rebuild (rows it has instead: %s)", extra).isEmpty();
        assertThat(extra).as("rows the rebuild added").isEmpty();
        assertThat(after).isEqualTo(before);
    }

    /** The trail's rows up to a position (later reads, by other tests' clients, are not part of the picture). */
    private List<Map<String, Object>> auditRows(long upTo) {
        List<Map<String, Object>> rows = new ArrayList<>(jdbc.queryForList(
                "SELECT * FROM audit_command WHERE position <= ? ORDER BY command_id", upTo));
        rows.addAll(jdbc.queryForList("SELECT * FROM audit_command_event WHERE position <= ? ORDER BY event_id", upTo));
        rows.addAll(jdbc.queryForList("SELECT * FROM audit_read WHERE position <= ? ORDER BY event_id", upTo));
        rows.addAll(jdbc.queryForList("SELECT * FROM audit_refusal WHERE position <= ? ORDER BY event_id", upTo));
        return rows;
    }

    private JsonNode commands(String filter) {
        return regulator().get("/audit/commands" + filter).data().path("records");
    }

    private static JsonNode await(java.util.concurrent.Callable<JsonNode> read, int size) {
        JsonNode[] result = new JsonNode[1];
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            result[0] = read.call();
            return result[0].size() >= size;
        });
        return result[0];
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.asText()));
        return ids;
    }

    private static List<String> ids(JsonNode array, String field) {
        List<String> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.path(field).asText()));
        return ids;
    }

    /** The audit trail is the regulators'. */
    private LedgerHttp regulator() {
        return http.as("REGULATOR", "audit-examiner");
    }
}

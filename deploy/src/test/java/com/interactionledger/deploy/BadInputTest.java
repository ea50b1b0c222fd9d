package com.interactionledger.deploy;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.interactionledger.deploy.LedgerHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input gets RFC 9457 problem+json with a stable code, writes nothing, and loses nothing already written:
 * every case below is sent to a session that already has events, and the test checks the session still has
 * exactly those events, and that nothing was appended to the business record (a command the ledger refused is
 * itself recorded, on the audit trail: see AuditTrailTest).
 */
class BadInputTest extends PostgresLedgerTest {

    private static final String SESSION = "bad-input-session";

    @BeforeEach
    void sessionWithHistory() {
        if (eventsOf(SESSION) == 0) {
            assertThat(http.post("/sessions", json("sessionId", SESSION, "customerId", "bad-input-customer",
                    "channel", "WEB_CHAT", "entryPoint", "web")).status()).isEqualTo(201);
            assertThat(gateway().post("/sessions/" + SESSION + "/messages",
                    json("messageId", "first", "authorRole", "CUSTOMER", "text", "hello")).status()).isEqualTo(200);
        }
    }

    static Stream<Arguments> badRequests() {
        String messages = "/sessions/" + SESSION + "/messages";
        return Stream.of(
                // (personal text in refused requests must not reach the logs either: LogScanIT looks for it)
                Arguments.of("not JSON", messages, "{\"authorRole\": \"CUSTOMER\", \"text\": \""
                        + LogScanIT.REFUSED_CANARY, 400, "MALFORMED_REQUEST"),
                Arguments.of("wrong type", "/sessions/" + SESSION + "/sentiments",
                        json("score", "very bad", "model", Map.of("name", "m", "version", "1")), 400, "MALFORMED_REQUEST"),
                Arguments.of("unknown enum value", messages, json("authorRole", "ROBOT", "text",
                        LogScanIT.REFUSED_CANARY), 400, "MALFORMED_REQUEST"),
                Arguments.of("unknown field", messages, json("authorRole", "CUSTOMER", "text", LogScanIT.REFUSED_CANARY,
                        "txet", LogScanIT.REFUSED_CANARY), 400, "MALFORMED_REQUEST"),
                Arguments.of("blank text", messages, json("authorRole", "CUSTOMER", "text", " "), 400, "VALIDATION_FAILED"),
                Arguments.of("text too long", messages, json("authorRole", "CUSTOMER", "text", "x".repeat(20001)), 400, "VALIDATION_FAILED"),
                Arguments.of("sentiment out of range", "/sessions/" + SESSION + "/sentiments",
                        json("score", 1.5, "model", Map.of("name", "m", "version", "1")), 400, "VALIDATION_FAILED"),
                Arguments.of("confidence out of range", "/sessions/" + SESSION + "/intents",
                        json("label", "x", "confidence", -0.1, "classifier", Map.of("name", "c", "version", "1")), 400, "VALIDATION_FAILED"),
                Arguments.of("csat out of range", "/sessions/" + SESSION + "/survey", json("csat", 6), 400, "VALIDATION_FAILED"),
                Arguments.of("nps out of range", "/sessions/" + SESSION + "/survey", json("nps", -1), 400, "VALIDATION_FAILED"),
                Arguments.of("empty survey", "/sessions/" + SESSION + "/survey", json("comment", "no scores"), 400, "VALIDATION_FAILED"),
                Arguments.of("two transfer targets", "/sessions/" + SESSION + "/transfers",
                        json("toAgentId", "a2", "toQueue", "q", "mode", "COLD", "reason", "r"), 400, "VALIDATION_FAILED"),
                Arguments.of("warm transfer without note", "/sessions/" + SESSION + "/transfers",
                        json("toAgentId", "a2", "mode", "WARM", "reason", "r"), 400, "VALIDATION_FAILED"),
                Arguments.of("malformed id in body", messages, json("messageId", "bad id!", "authorRole", "CUSTOMER", "text", "hi"), 400, "VALIDATION_FAILED"),
                Arguments.of("malformed id in path", "/sessions/bad%20id/messages", json("authorRole", "CUSTOMER", "text", "hi"), 400, "INVALID_IDENTIFIER"),
                Arguments.of("unknown session", "/sessions/no-such-session/messages", json("authorRole", "CUSTOMER", "text", "hi"), 404, "SESSION_NOT_FOUND"),
                Arguments.of("illegal transition", "/sessions/" + SESSION + "/closure", null, 409, "ILLEGAL_TRANSITION"),
                Arguments.of("agent speaking before assignment", messages,
                        json("authorRole", "AGENT", "authorId", "agent-1", "text", "hi"), 409, "AUTHOR_NOT_ALLOWED"),
                Arguments.of("duplicate message id", messages, json("messageId", "first", "authorRole", "CUSTOMER", "text", "again"), 409, "DUPLICATE_MESSAGE"),
                Arguments.of("intent on unknown message", "/sessions/" + SESSION + "/intents",
                        json("messageId", "nope", "label", "x", "confidence", 0.5, "classifier", Map.of("name", "c", "version", "1")), 409, "UNKNOWN_MESSAGE"),
                Arguments.of("new session with an existing id", "/sessions",
                        json("sessionId", SESSION, "customerId", "bad-input-customer", "channel", "PHONE", "entryPoint", "x"), 409, "SESSION_ALREADY_EXISTS"),
                Arguments.of("continuation of another customer's session", "/sessions",
                        json("customerId", "someone-else", "channel", "PHONE", "entryPoint", "x",
                                "continuation", Map.of("previousSessionId", SESSION, "contextSummary", "s")), 409, "CONTINUATION_REFUSED"),
                Arguments.of("continuation on the same channel", "/sessions",
                        json("customerId", "bad-input-customer", "channel", "WEB_CHAT", "entryPoint", "x",
                                "continuation", Map.of("previousSessionId", SESSION, "contextSummary", "s")), 409, "CONTINUATION_REFUSED"),
                Arguments.of("continuation of an unknown session", "/sessions",
                        json("customerId", "bad-input-customer", "channel", "PHONE", "entryPoint", "x",
                                "continuation", Map.of("previousSessionId", "ghost", "contextSummary", "s")), 404, "SESSION_NOT_FOUND"),
                Arguments.of("social channel without network", "/sessions",
                        json("customerId", "bad-input-customer", "channel", "SOCIAL", "entryPoint", "x"), 400, "VALIDATION_FAILED"));
    }

    @ParameterizedTest(name = "{0} -> {3} {4}")
    @MethodSource("badRequests")
    void refusedWithProblemJsonAndNothingWritten(String description, String path, String body, int status,
                                                 String code) {
        long before = businessEvents();
        LedgerHttp.Response response = http.post(path, body);

        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.json().path("type").asText()).isEqualTo("urn:interaction-ledger:problem:"
                + code.toLowerCase().replace('_', '-'));
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.json().path("detail").asText()).isNotBlank();
        assertThat(businessEvents()).as("events of sessions and complaints").isEqualTo(before);
        assertThat(eventTypesOf(SESSION)).containsExactly("SessionStarted", "MessageRecorded");
    }

    @Test
    void validationReportsEveryInvalidFieldAtOnce() {
        LedgerHttp.Response response = http.post("/sessions", json("customerId", "not valid!", "channel", "PHONE",
                "entryPoint", "", "language", "english please"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.json().path("errors")).extracting(error -> error.path("field").asText())
                .containsExactlyInAnyOrder("customerId", "entryPoint", "language");
    }

    @Test
    void commandsWithoutAnAuthorisedActorAreRefused() {
        long before = businessEvents();
        String message = json("authorRole", "CUSTOMER", "text", "hi");
        LedgerHttp.Response noToken = http.anonymous().post("/sessions/" + SESSION + "/messages", message);
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(noToken.header("WWW-Authenticate")).startsWith("Bearer");
        LedgerHttp.Response forged = http.withToken("eyJhbGciOiJub25lIn0.eyJzdWIiOiJtYWxsb3J5In0.")
                .post("/sessions/" + SESSION + "/messages", message);
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.code()).isEqualTo("UNAUTHENTICATED");
        LedgerHttp.Response analyst = http.as("ANALYST", "curious-analyst").post("/sessions/" + SESSION
                + "/messages", message);
        assertThat(analyst.status()).isEqualTo(403);
        assertThat(analyst.code()).isEqualTo("FORBIDDEN");
        LedgerHttp.Response badVersion = http.with("If-Match", "yesterday").post("/sessions/" + SESSION
                + "/messages", json("authorRole", "CUSTOMER", "text", "hi"));
        assertThat(badVersion.code()).isEqualTo("MISSING_HEADER");
        assertThat(businessEvents()).isEqualTo(before);
    }

    @Test
    void staleIfMatchIsAConflictAndWritesNothing() {
        long before = eventsOf(SESSION);
        LedgerHttp.Response stale = gateway().with("If-Match", "\"0\"").post("/sessions/" + SESSION + "/messages",
                json("authorRole", "CUSTOMER", "text", "written against version 0"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.code()).isEqualTo("CONCURRENT_MODIFICATION");
        assertThat(eventsOf(SESSION)).isEqualTo(before);
    }

    @Test
    void frameworkErrorsAreProblemJsonWithCodesToo() {
        LedgerHttp.Response unknownRoute = http.get("/no/such/route");
        assertThat(unknownRoute.status()).isEqualTo(404);
        assertThat(unknownRoute.code()).isEqualTo("NOT_FOUND");
        LedgerHttp.Response wrongMethod = http.method("DELETE", "/sessions/" + SESSION);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.code()).isEqualTo("METHOD_NOT_ALLOWED");
        LedgerHttp.Response badQuery = http.get("/customers/bad-input-customer/timeline?limit=1000");
        assertThat(badQuery.status()).isEqualTo(400);
        assertThat(badQuery.code()).isEqualTo("INVALID_PARAMETER");
        LedgerHttp.Response badCursor = http.get("/customers/bad-input-customer/timeline?cursor=not-a-cursor");
        assertThat(badCursor.status()).isEqualTo(400);
        LedgerHttp.Response unknownSession = http.get("/sessions/never-seen");
        assertThat(unknownSession.status()).isEqualTo(404);
        assertThat(unknownSession.code()).isEqualTo("SESSION_NOT_FOUND");
    }

    /**
     * The body limit (ledger.http.max-body, 256KB = 262,144 bytes) is above the largest request the API accepts: a
     * message of 20,000 characters with 20 attachments, every field at its longest, in CJK text that the client's JSON
     * escapes (six bytes a character), is accepted. A body over the limit is refused with 413 whether it declares
     * its length or comes chunked, and writes nothing.
     */
    @Test
    void theLargestValidMessageFitsTheBodyLimitAndALargerBodyIsRefusedWithNothingWritten() throws Exception {
        String session = "bad-input-large-session";
        if (eventsOf(session) == 0) {
            accepted(http.post("/sessions", json("sessionId", session, "customerId", "bad-input-customer",
                    "channel", "WEB_CHAT", "entryPoint", "web")));
        }
        String messages = "/sessions/" + session + "/messages";
        List<Map<String, Object>> attachments = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            attachments.add(Map.of("reference", "中".repeat(500), "mediaType", "application/" + "x".repeat(100),
                    "fileName", "中".repeat(255)));
        }
        Map<String, Object> largest = new LinkedHashMap<>();
        largest.put("messageId", "m".repeat(64));
        largest.put("authorRole", "CUSTOMER");
        largest.put("text", "中".repeat(20_000));
        largest.put("language", "zh");
        largest.put("attachments", attachments);
        ObjectMapper escaping = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
        byte[] body = escaping.writeValueAsBytes(largest);
        assertThat(body.length).as("the largest valid message, escaped").isBetween(200_000, 262_144 - 40_000);
        LedgerHttp.Response accepted = gateway().postBytes(messages, body);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);

        long before = businessEvents();
        long sessionEvents = eventsOf(session);
        byte[] tooLarge = json("authorRole", "CUSTOMER", "text", "x".repeat(262_144)).getBytes(StandardCharsets.UTF_8);
        for (LedgerHttp.Response refused : List.of(gateway().postBytes(messages, tooLarge),
                gateway().postChunked(messages, tooLarge), http.anonymous().postChunked(messages, tooLarge))) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.code()).isEqualTo("PAYLOAD_TOO_LARGE");
            assertThat(refused.json().path("type").asText())
                    .isEqualTo("urn:interaction-ledger:problem:payload-too-large");
        }
        assertThat(businessEvents()).isEqualTo(before);
        assertThat(eventsOf(session)).isEqualTo(sessionEvents);

        LedgerHttp.Response chunked = gateway().postChunked(messages, json("authorRole", "CUSTOMER", "text",
                "sent chunked, within the limit").getBytes(StandardCharsets.UTF_8));
        assertThat(chunked.status()).as("a chunked body within the limit is read whole: " + chunked).isEqualTo(200);
        assertThat(eventsOf(session)).isEqualTo(sessionEvents + 1);
    }

    /** Every list pages, and no page is larger than its endpoint's maximum. */
    @Test
    void everyListRefusesAPageAboveItsMaximum() {
        LedgerHttp reader = http.as("SUPERVISOR,REGULATOR,ADMIN", "page-limits");
        for (String tooLarge : List.of("/customers/bad-input-customer/timeline?limit=101", "/complaints?limit=101",
                "/risk-warnings?limit=101", "/customers/bad-input-customer/risk-warnings?limit=101",
                "/audit/commands?limit=201", "/audit/reads?limit=201", "/privacy/retention-report?limit=1001")) {
            LedgerHttp.Response refused = reader.get(tooLarge);
            assertThat(refused.status()).as(tooLarge + " " + refused).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("INVALID_PARAMETER");
            assertThat(reader.get(tooLarge.replaceFirst("limit=\\d+", "limit=1")).status()).as(tooLarge)
                    .isEqualTo(200);
        }
    }

    /**
     * X-Channel on a read is a channel, as on a command: it goes on the audit trail with the read. Anything else is
     * refused with the command side's code, and the read is neither served nor recorded.
     */
    @Test
    void aReadsChannelIsAChannelOrTheReadIsRefusedAndNotRecorded() {
        String reads = "SELECT COUNT(*) FROM domainevententry WHERE payloadtype LIKE '%PersonalDataRead'"
                + " AND convert_from(metadata, 'UTF8')::jsonb ->> 'customerId' = 'bad-input-customer'";
        long before = jdbc.queryForObject(reads, Long.class);
        LedgerHttp.Response refused = http.with("X-Channel", "CARRIER_PIGEON").get("/sessions/" + SESSION);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("MISSING_HEADER");
        assertThat(refused.json().path("detail").asText()).contains("X-Channel");
        assertThat(gateway().with("X-Channel", "API").post("/sessions/" + SESSION + "/messages",
                        json("authorRole", "CUSTOMER", "text", "hi")).code())
                .as("the same value is refused the same way on a command").isEqualTo("MISSING_HEADER");
        assertThat(jdbc.queryForObject(reads, Long.class)).as("no read recorded").isEqualTo(before);

        assertThat(http.with("X-Channel", "mobile_app").get("/sessions/" + SESSION).status()).isEqualTo(200);
        assertThat(jdbc.queryForList("SELECT convert_from(metadata, 'UTF8')::jsonb ->> 'channel' FROM"
                + " domainevententry WHERE payloadtype LIKE '%PersonalDataRead' AND convert_from(metadata, 'UTF8')::jsonb"
                + " ->> 'customerId' = 'bad-input-customer' ORDER BY globalindex DESC LIMIT 1", String.class))
                .containsExactly("MOBILE_APP");
    }
}

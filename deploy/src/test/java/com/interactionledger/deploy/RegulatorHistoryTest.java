package com.interactionledger.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.interactionledger.deploy.LedgerHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer's history as of several instants of a scripted journey, through the regulator's endpoint and the
 * replay tools: each answer holds exactly the customer's events recorded by then, in global order with their
 * chain hashes, and each session and complaint in the state it was in then.
 */
class RegulatorHistoryTest extends PostgresLedgerTest {

    private static final String CUSTOMER = "history-customer";

    @Autowired
    Environment environment;

    @Test
    void theHistoryAsOfEachInstantHoldsWhatTheLedgerHeldThen() throws Exception {
        LedgerHttp bot = bot();
        LedgerHttp customer = gateway();
        LedgerHttp agent = http.as("AGENT", "history-agent");
        Instant before = recordedTimeBetweenSteps();

        accepted(bot.post("/sessions", json("sessionId", "history-chat", "customerId", CUSTOMER, "channel", "WEB_CHAT",
                "entryPoint", "web")));
        accepted(customer.post("/sessions/history-chat/messages", json("messageId", "h1", "authorRole", "CUSTOMER",
                "text", "I was charged twice")));
        Instant talking = recordedTimeBetweenSteps();
        accepted(bot.post("/sessions/history-chat/handoff", json("queue", "cards", "reason", "refund",
                "contextSummary", "Charged twice")));
        Instant queued = recordedTimeBetweenSteps();
        accepted(agent.post("/sessions/history-chat/assignment", json("agentId", "history-agent")));
        accepted(agent.post("/sessions/history-chat/resolution", json("resolutionCode", "REFUND_ISSUED",
                "firstContactResolution", true)));
        accepted(agent.post("/sessions/history-chat/closure", null));
        Instant closed = recordedTimeBetweenSteps();
        accepted(agent.post("/complaints", json("complaintId", "history-complaint", "customerId", CUSTOMER,
                "sessions", new String[] {"history-chat"}, "channel", "WEB_CHAT", "product", "credit_card",
                "category", "fees", "subCategory", "late_payment_fee", "description", "Charged twice",
                "jurisdiction", "UK_FCA")));
        Instant lodged = recordedTimeBetweenSteps();
        accepted(agent.post("/complaints/history-complaint/acknowledgement", null));
        Instant acknowledged = recordedTimeBetweenSteps();

        LedgerHttp regulator = http.as("REGULATOR", "fca-examiner");
        JsonNode empty = history(regulator, before);
        assertThat(empty.path("events")).isEmpty();
        assertThat(empty.path("sessions")).isEmpty();

        assertThat(states(history(regulator, talking), "sessions")).containsExactly("history-chat=BOT_HANDLING/2");
        assertThat(states(history(regulator, queued), "sessions")).containsExactly("history-chat=QUEUED/3");
        JsonNode atClose = history(regulator, closed);
        assertThat(states(atClose, "sessions")).containsExactly("history-chat=CLOSED/6");
        assertThat(atClose.path("complaints")).isEmpty();
        assertThat(states(history(regulator, lodged), "complaints"))
                .containsExactly("history-complaint=RECEIVED/2");
        JsonNode latest = history(regulator, acknowledged);
        assertThat(states(latest, "complaints")).containsExactly("history-complaint=IN_PROGRESS/3");
        assertThat(types(latest)).containsExactly("SessionStarted", "MessageRecorded", "HandoffRequested",
                "AgentAssigned", "SessionResolved", "SessionClosed", "ComplaintLodged", "ComplaintClocksSet",
                "ComplaintAcknowledged");

        // Exactly the customer's events recorded by then, as stored, each with the link the chain holds for it.
        for (Instant instant : List.of(talking, queued, closed, lodged, acknowledged)) {
            JsonNode history = history(regulator, instant);
            List<Map<String, Object>> expected = jdbc.queryForList("""
                    SELECT e.globalindex, e.eventidentifier, l.chain_hash, l.event_digest FROM domainevententry e
                    JOIN ledger_chain l ON l.globalindex = e.globalindex
                    WHERE convert_from(e.metadata, 'UTF8')::jsonb ->> 'customerId' = ?
                      AND e.timestamp::timestamptz <= ?::timestamptz ORDER BY e.globalindex""",
                    CUSTOMER, instant.toString());
            List<String> actual = new ArrayList<>();
            history.path("events").forEach(event -> actual.add(event.path("position").asLong() + " "
                    + event.path("eventId").asText() + " " + event.path("chainHash").asText() + " "
                    + event.path("eventDigest").asText()));
            assertThat(actual).as("as of %s", instant).containsExactlyElementsOf(expected.stream()
                    .map(row -> row.get("globalindex") + " " + row.get("eventidentifier") + " " + row.get("chain_hash")
                            + " " + row.get("event_digest")).toList());
        }

        // The reads themselves are part of the customer's history from then on.
        LedgerHttp.Response nowAnswer = http.as("REGULATOR", "fca-examiner").get("/regulator/customers/" + CUSTOMER
                + "/history");
        JsonNode now = nowAnswer.data();
        // read from the ledger itself: as fresh as its head, and stamped so like every other read
        JsonNode freshness = nowAnswer.json().path("freshness");
        assertThat(freshness.path("readModel").asText()).isEqualTo("ledger");
        assertThat(freshness.path("lagEvents").asLong()).isZero();
        assertThat(freshness.path("position").asLong()).isEqualTo(freshness.path("headPosition").asLong())
                .isGreaterThanOrEqualTo(now.path("events").get(now.path("events").size() - 1).path("position")
                        .asLong());
        assertThat(types(now)).contains("PersonalDataRead");
        assertThat(now.path("events").findValues("actorId").stream().map(JsonNode::asText))
                .contains("fca-examiner");

        // The two commands of docs/REGULATORS.md, as written there (its customer and instant swapped for this
        // journey's): the endpoint, and the replay tools reading the store offline, give the same history.
        String page = Files.readString(Path.of("../docs/REGULATORS.md"), StandardCharsets.UTF_8);
        String section = page.substring(page.indexOf("## A customer's history as of any instant"),
                page.indexOf("## Tamper evidence"));
        Matcher curl = Pattern.compile("curl -s 'localhost:8080(\\S+)\\?asOf=\\S+' \\\\\n"
                + "  -H \"Authorization: Bearer \\$(\\w+)\"").matcher(section);
        assertThat(curl.find()).as("the history curl of docs/REGULATORS.md").isTrue();
        Matcher token = Pattern.compile(curl.group(2) + "=\\$\\(curl -s -X POST "
                + "'localhost:8080/dev/tokens\\?actor=(\\S+)&role=(\\w+)'\\)").matcher(section);
        assertThat(token.find()).as("the token for the history curl of docs/REGULATORS.md").isTrue();
        LedgerHttp.Response byEndpoint = http.as(token.group(2), token.group(1)).get(curl.group(1)
                .replace("walk-customer", CUSTOMER) + "?asOf=" + lodged);
        assertThat(byEndpoint.status()).isEqualTo(200);
        String cli = section.lines().filter(line -> line.startsWith("scripts/replay-tools.sh history ")).findFirst()
                .orElseThrow();
        List<String> args = new ArrayList<>();
        for (String word : cli.substring("scripts/replay-tools.sh ".length()).split("\\s+")) {
            args.add(word.startsWith("jdbc:") ? environment.getProperty("spring.datasource.url")
                    : word.equals("postgres") ? environment.getProperty("spring.datasource.username")
                    : word.equals("walk-customer") ? CUSTOMER
                    : word.matches("\\d{4}-.*Z") ? lodged.toString() : word);
        }
        args.addAll(List.of("--password-file",
                ReplayToolsRun.secretFile(environment.getProperty("spring.datasource.password", "")),
                "--master-keys-file", TestInstallation.masterKeysFile().toString()));
        ReplayToolsRun run = ReplayToolsRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(LedgerHttp.JSON.readTree(run.out())).isEqualTo(byEndpoint.data())
                .isEqualTo(history(regulator, lodged));
    }

    @Test
    void badRequestsAreRefusedWithTheirCodes() {
        LedgerHttp regulator = http.as("REGULATOR", "fca-examiner");
        assertThat(regulator.get("/regulator/customers/nobody-we-know/history").code()).isEqualTo("CUSTOMER_NOT_FOUND");
        assertThat(regulator.get("/regulator/customers/" + CUSTOMER + "/history?asOf=yesterday").code())
                .isEqualTo("INVALID_PARAMETER");
        assertThat(http.anonymous().get("/regulator/customers/" + CUSTOMER + "/history").code())
                .isEqualTo("UNAUTHENTICATED");
        assertThat(http.get("/regulator/customers/" + CUSTOMER + "/history").code()).as("an agent")
                .isEqualTo("FORBIDDEN");
    }

    private JsonNode history(LedgerHttp reader, Instant asOf) {
        LedgerHttp.Response response = reader.get("/regulator/customers/" + CUSTOMER + "/history?asOf=" + asOf);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.data();
    }

    private static List<String> states(JsonNode history, String kind) {
        List<String> states = new ArrayList<>();
        history.path(kind).forEach(stream -> states.add(stream.path("id").asText() + "="
                + stream.path("state").asText() + "/" + stream.path("events").asLong()));
        return states;
    }

    private static List<String> types(JsonNode history) {
        List<String> types = new ArrayList<>();
        history.path("events").forEach(event -> types.add(event.path("type").asText()));
        return types;
    }

}

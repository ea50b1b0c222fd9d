package com.interactionledger.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.interactionledger.deploy.identity.LocalIdentityProvider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's walkthroughs are executable documentation: every curl line between walkthrough markers is run, in
 * order, against the application (on PostgreSQL), and must succeed; then the timeline and the complaint they
 * leave behind are checked.
 */
class ReadmeWalkthroughTest extends PostgresLedgerTest {

    private static final String BEGIN = "<!-- walkthrough:begin -->";
    private static final String END = "<!-- walkthrough:end -->";
    private static final Pattern ASSIGNMENT = Pattern.compile("(\\w+)=\\$\\((curl .*)\\)");
    private static final Pattern DEVELOPMENT_TOKEN = Pattern.compile("/dev/tokens\\?actor=([\\w.-]+)&role=(\\w+)$");

    private final HttpClient client = HttpClient.newHttpClient();

    /** One curl line; {@code assignTo} names the shell variable its output goes to ({@code TOKEN=$(curl ...)}). */
    record Curl(String assignTo, String method, String url, List<String> headers, String body) {

        /** This line with the shell variables it uses ({@code $TOKEN}) replaced by their values. */
        Curl expand(Map<String, String> variables) {
            return new Curl(assignTo, method, substitute(url, variables),
                    headers.stream().map(header -> substitute(header, variables)).toList(),
                    substitute(body, variables));
        }

        private static String substitute(String text, Map<String, String> variables) {
            if (text == null) {
                return null;
            }
            Matcher variable = Pattern.compile("\\$(\\w+)").matcher(text);
            StringBuilder expanded = new StringBuilder();
            while (variable.find()) {
                String value = variables.get(variable.group(1));
                assertThat(value).as("$" + variable.group(1) + " is set by an earlier line").isNotNull();
                variable.appendReplacement(expanded, Matcher.quoteReplacement(value));
            }
            return variable.appendTail(expanded).toString();
        }
    }

    @Test
    void everyCommandOfTheWalkthroughSucceedsAndTheTimelineShowsTheJourney() throws Exception {
        List<Curl> commands = walkthrough();
        assertThat(commands).hasSizeGreaterThan(10);
        Map<String, JsonNode> answers = new HashMap<>();
        Map<String, String> variables = new HashMap<>();
        long written = 0;
        for (Curl line : commands) {
            Curl curl = line.expand(variables);
            Matcher developmentToken = DEVELOPMENT_TOKEN.matcher(curl.url());
            if (curl.assignTo() != null && developmentToken.find()) {
                // The walkthrough runs on the embedded default, whose development issuer hands out tokens; this
                // application runs as production does, so the same actor and role come from its provider
                // (StartupSafetyTest asks the development issuer itself).
                variables.put(curl.assignTo(), LocalIdentityProvider.shared().token(developmentToken.group(1),
                        developmentToken.group(2)));
                continue;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(curl.url().replace(
                    "localhost:8080", "127.0.0.1:" + port).replaceFirst("^(?!http)", "http://")));
            for (int i = 0; i < curl.headers().size(); i += 2) {
                request.header(curl.headers().get(i), curl.headers().get(i + 1));
            }
            request.method(curl.method(), curl.body() == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(curl.body()));
            if (curl.assignTo() != null) {
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(line + " -> " + response.body()).isEqualTo(200);
                variables.put(curl.assignTo(), response.body());
            } else if (curl.method().equals("GET")) {
                // The projections apply the commands a moment after they are accepted: read until the answer's
                // freshness says the read model has applied the last command's events (read-your-writes).
                long mustHaveApplied = written;
                JsonNode[] answer = new JsonNode[1];
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                    // (a 404 until the read model has the complaint; the last failure is reported on timeout)
                    assertThat(response.statusCode()).as(curl + " -> " + response.body()).isEqualTo(200);
                    JsonNode body = LedgerHttp.JSON.readTree(response.body());
                    assertThat(body.path("freshness").path("position").asLong()).as(curl + " freshness")
                            .isGreaterThanOrEqualTo(mustHaveApplied);
                    answer[0] = body.path("data");
                });
                answers.put(curl.url().replaceFirst("^.*:8080", ""), answer[0]);
            } else {
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(curl + " -> " + response.body()).isBetween(200, 201);
                long position = LedgerHttp.JSON.readTree(response.body()).path("position").asLong();
                assertThat(position).as("every command answers with the position of its last event").isPositive();
                written = Math.max(written, position);
            }
        }
        JsonNode call = answers.get("/sessions/walk-call");
        assertThat(call.path("state").asText()).isEqualTo("CLOSED");
        assertThat(call.path("continuedFrom").asText()).isEqualTo("walk-chat");
        assertThat(call.path("csat").asInt()).isEqualTo(4);
        JsonNode complaint = answers.get("/complaints/walk-complaint");
        assertThat(complaint.path("outcome").asText()).isEqualTo("UPHELD");
        assertThat(complaint.path("sessions")).extracting(JsonNode::asText).containsExactly("walk-chat");
        assertThat(complaint.path("clocks")).extracting(clock -> clock.path("type").asText() + "=" + clock.path("status").asText())
                .containsExactly("FCA_SUMMARY_RESOLUTION=WINDOW", "FCA_FINAL_RESPONSE=MET");
        assertThat(answers.get("/complaints?customerId=walk-customer").path("complaints")).hasSize(1);
        assertThat(answers.get("/complaint-statistics?groupBy=product").path("overall").path("lodged").asLong())
                .isPositive();
        JsonNode warning = answers.get("/customers/walk-customer/risk-warnings").path("warnings").get(0);
        assertThat(warning.path("reason").asText()).isEqualTo("ESCALATION_LANGUAGE");
        assertThat(warning.path("detail").asText()).isEqualTo("escalation terms: ombudsman (message walk-m1)");
        assertThat(answers.get("/risk-warnings?reason=ESCALATION_LANGUAGE&limit=10").path("warnings"))
                .extracting(found -> found.path("customerId").asText()).contains("walk-customer");
        assertThat(answers.get("/complaint-statistics/per-thousand-sessions?from=2026-01-01T00:00:00Z"
                + "&to=2027-01-01T00:00:00Z")).filteredOn(rate -> rate.path("channel").asText().equals("WEB_CHAT"))
                .singleElement().satisfies(rate -> assertThat(rate.path("complaints").asLong()).isPositive());
        assertThat(answers.get("/audit/commands?customerId=walk-customer").path("records"))
                .extracting(record -> record.path("commandType").asText()).contains("StartSession", "LodgeComplaint");
        assertThat(answers.get("/audit/reads?customerId=walk-customer").path("records"))
                .extracting(record -> record.path("actorId").asText()).contains("agent-7");
        // Other tests share this ledger, so the figures here are checked for shape; ServiceAnalyticsTest checks
        // hand-computed values.
        JsonNode segments = answers.get("/analytics/satisfaction?groupBy=segment").path("groups");
        assertThat(segments).extracting(group -> group.path("group").asText()).contains("HUMAN_ONLY", "BOT_TO_HUMAN");
        assertThat(segments).filteredOn(group -> group.path("group").asText().equals("HUMAN_ONLY"))
                .allSatisfy(group -> assertThat(group.path("csatAnswers").asLong()).as("walk-call").isPositive());
        JsonNode phoneAgents = answers.get("/analytics/service-efficiency?channel=PHONE&groupBy=agent").path("groups");
        assertThat(phoneAgents).filteredOn(group -> group.path("group").asText().equals("agent-7"))
                .singleElement().satisfies(group -> assertThat(group.path("handleTime").path("measured").asLong())
                        .as("walk-call").isPositive());
        assertThat(answers.get("/analytics/service-efficiency?channel=PHONE&groupBy=agent").toString())
                .as("aggregates only").doesNotContain("walk-customer", "charged twice");
        assertThat(eventTypesOf("walk-chat")).containsExactly("SessionStarted", "MessageRecorded", "IntentRecorded",
                "SentimentRecorded", "MessageRecorded", "AnswerBasisRecorded", "ProductIdentified", "HandoffRequested",
                "AgentAssigned", "BotAnswerCorrected", "SessionContinuedElsewhere");
        JsonNode journey = answers.get("/customers/walk-customer/journeys").path("journeys").get(0);
        assertThat(journey.path("channels")).extracting(JsonNode::asText).containsExactly("WEB_CHAT", "PHONE");
        assertThat(journey.path("sessions").get(1).path("contextCarried").asText())
                .isEqualTo("Chat dropped during the refund");
        assertThat(journey.path("outcome").asText()).isEqualTo("RESOLVED");
        assertThat(answers.get("/analytics/service-efficiency?groupBy=product").path("groups"))
                .extracting(group -> group.path("group").asText()).contains("credit_card");
        assertThat(answers.get("/analytics/journeys?groupBy=entry-channel").path("groups"))
                .extracting(group -> group.path("group").asText()).contains("WEB_CHAT");
        JsonNode refunds = answers.get("/analytics/bot-quality?groupBy=ARTICLE").path("groups");
        assertThat(refunds).filteredOn(group -> group.path("key").asText().equals("kb-walk-refunds")).singleElement()
                .satisfies(group -> assertThat(List.of(group.path("figures").path("answers").asLong(),
                        group.path("figures").path("corrected").asLong())).as("the bot's answer, corrected")
                        .containsExactly(1L, 1L));
        assertThat(eventTypesOf("walk-complaint")).containsExactly("ComplaintLodged", "ComplaintClocksSet",
                "ComplaintAcknowledged", "ComplaintAssigned", "ComplaintResolved", "ComplaintResolutionAccepted");
    }

    /** Every curl line of every walkthrough block of the README, in order. */
    private static List<Curl> walkthrough() throws IOException {
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        List<Curl> commands = new ArrayList<>();
        for (int begin = readme.indexOf(BEGIN); begin >= 0; begin = readme.indexOf(BEGIN, begin + 1)) {
            String block = readme.substring(begin, readme.indexOf(END, begin));
            for (String line : block.replace("\\\n", " ").split("\n")) {
                Matcher assignment = ASSIGNMENT.matcher(line);
                if (assignment.matches()) {
                    commands.add(parse(assignment.group(1), tokens(assignment.group(2))));
                } else if (line.startsWith("curl ")) {
                    commands.add(parse(null, tokens(line)));
                }
            }
        }
        return commands;
    }

    private static Curl parse(String assignTo, List<String> tokens) {
        String method = "GET";
        String url = null;
        String body = null;
        List<String> headers = new ArrayList<>();
        for (int i = 1; i < tokens.size(); i++) {
            switch (tokens.get(i)) {
                case "-s" -> { }
                case "-X" -> method = tokens.get(++i);
                case "-H" -> {
                    String header = tokens.get(++i);
                    int colon = header.indexOf(':');
                    headers.add(header.substring(0, colon).trim());
                    headers.add(header.substring(colon + 1).trim());
                }
                case "-d" -> body = tokens.get(++i);
                default -> {
                    assertThat(url).as("one URL per curl line: " + tokens).isNull();
                    url = tokens.get(i);
                }
            }
        }
        return new Curl(assignTo, method, url, headers, body);
    }

    /** Splits a shell line into words, honouring single and double quotes (all the walkthrough uses). */
    private static List<String> tokens(String line) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        boolean inToken = false;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inToken = true;
            } else if (Character.isWhitespace(c)) {
                if (inToken) {
                    tokens.add(current.toString());
                    current.setLength(0);
                    inToken = false;
                }
            } else {
                current.append(c);
                inToken = true;
            }
        }
        if (inToken) {
            tokens.add(current.toString());
        }
        return tokens;
    }
}

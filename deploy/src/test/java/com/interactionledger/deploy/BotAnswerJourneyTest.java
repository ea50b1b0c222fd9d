package com.interactionledger.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.interactionledger.deploy.LedgerHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the bot said and why, through HTTP on PostgreSQL (docs/BOT-ANSWERS.md): the knowledge base publishes an article
 * and revises it; the bot answers quoting version 1 after version 2 took effect; the customer is handed to an agent
 * right after (escalated), and the agent corrects the answer (corrected, which outranks it). The figures and the
 * regulator's history show exactly that, and who corrected is the agent's token.
 */
class BotAnswerJourneyTest extends PostgresLedgerTest {

    private static final String ARTICLE = "kb-journey-cards";
    /** Quoted too; its second version is told to the ledger only after the answer, back-dated to before it. */
    private static final String FEES = "kb-journey-fees";
    private static final String SESSION = "bot-journey-chat";
    /** The figures of this journey only: no other test records this intent. */
    private static final String FIGURES = "/analytics/bot-quality?from=2026-11-01T00:00:00Z&intent=journey_card_lost";

    @Autowired
    Environment environment;

    @Test
    void anAnswerQuotingASupersededVersionIsCorrectedByTheAgentAndTheFiguresAndTheHistoryShowIt()
            throws InterruptedException, IOException {
        LedgerHttp knowledgeBase = http.as("SYSTEM", "knowledge-base");
        assertThat(knowledgeBase.post("/knowledge-articles", json("articleId", ARTICLE, "version", 1,
                "title", "A lost card", "product", "cards", "language", "en",
                "effectiveFrom", "2026-10-01T00:00:00Z")).status()).isEqualTo(201);
        accepted(knowledgeBase.post("/knowledge-articles/" + ARTICLE + "/revisions", json("version", 2,
                "title", "A lost or stolen card", "product", "cards", "language", "en",
                "effectiveFrom", "2026-11-01T00:00:00Z")));
        accepted(knowledgeBase.post("/knowledge-articles", json("articleId", FEES, "version", 1, "title", "Card fees",
                "product", "cards", "language", "en", "effectiveFrom", "2026-10-01T00:00:00Z")));
        assertThat(knowledgeBase.post("/knowledge-articles/" + ARTICLE + "/revisions", json("version", 2,
                "title", "again", "product", "cards", "language", "en")).code())
                .isEqualTo("ARTICLE_VERSION_REFUSED");
        assertThat(http.as("AGENT", "agent-7").post("/knowledge-articles", json("articleId", "kb-by-an-agent",
                "version", 1, "title", "t", "product", "cards", "language", "en")).status())
                .as("only machines record articles").isEqualTo(403);

        accepted(gateway().post("/sessions", json("sessionId", SESSION, "customerId", "bot-journey-customer",
                "channel", "WEB_CHAT", "entryPoint", "help")));
        accepted(gateway().post("/sessions/" + SESSION + "/messages", json("messageId", "m1",
                "authorRole", "CUSTOMER", "text", "I lost my card")));
        accepted(http.as("SYSTEM", "intent-service").post("/sessions/" + SESSION + "/intents", json("messageId", "m1",
                "label", "journey_card_lost", "confidence", 0.9, "classifier",
                Map.of("name", "intent-bert", "version", "3.2"))));
        Map<String, Object> basis = Map.of("model", Map.of("name", "eva-llm", "version", "2026.11"),
                "promptVersion", "cards-7", "confidence", 0.82, "quotedUtterance", "I lost my card",
                "articles", List.of(Map.of("articleId", ARTICLE, "version", 1, "title", "A lost card",
                        "retrievalScore", 0.77), Map.of("articleId", FEES, "version", 1, "title", "Card fees")));
        assertThat(gateway().post("/sessions/" + SESSION + "/messages", json("messageId", "m-basis",
                "authorRole", "CUSTOMER", "text", "not a bot", "basis", basis)).code())
                .as("only a bot's answer has a basis").isEqualTo("VALIDATION_FAILED");
        accepted(bot().post("/sessions/" + SESSION + "/messages", json("messageId", "a1", "authorRole", "BOT",
                "text", "Block it in the app under Cards.", "basis", basis)));
        assertThat(eventTypesOf(SESSION)).containsExactly("SessionStarted", "MessageRecorded", "IntentRecorded",
                "MessageRecorded", "AnswerBasisRecorded");
        Instant beforeTheFeesRevision = recordedTimeBetweenSteps();
        accepted(knowledgeBase.post("/knowledge-articles/" + FEES + "/revisions", json("version", 2,
                "title", "Card fees from November", "product", "cards", "language", "en",
                "effectiveFrom", "2026-11-01T00:00:00Z")));

        accepted(bot().post("/sessions/" + SESSION + "/handoff", json("queue", "cards", "reason", "asked",
                "contextSummary", "lost card")));
        LedgerHttp agent = http.as("AGENT", "agent-7");
        accepted(agent.post("/sessions/" + SESSION + "/assignment", json("agentId", "agent-7")));
        assertThat(agent.post("/sessions/" + SESSION + "/answers/m1/correction", json("reason", "outdated")).code())
                .as("the customer's message is no bot answer").isEqualTo("NOT_A_BOT_ANSWER");
        LedgerHttp.Response corrected = agent.post("/sessions/" + SESSION + "/answers/a1/correction",
                json("reason", "outdated"));
        accepted(corrected);
        assertThat(agent.post("/sessions/" + SESSION + "/answers/a1/correction", json("reason", "again")).code())
                .isEqualTo("ANSWER_ALREADY_CORRECTED");

        JsonNode report = http.as("ANALYST", "bot-analyst").get(FIGURES + "&waitForPosition="
                + corrected.header("X-Ledger-Position")).data();
        JsonNode total = report.path("total");
        assertThat(List.of(total.path("answers").asLong(), total.path("corrected").asLong(),
                total.path("escalated").asLong(), total.path("confirmed").asLong()))
                .as("answers, corrected, escalated, confirmed").containsExactly(1L, 1L, 0L, 0L);
        assertThat(report.path("mostCorrectedArticles").findValuesAsText("articleId")).containsExactly(ARTICLE, FEES);
        JsonNode stale = report.path("staleQuotes");
        assertThat(stale.findValuesAsText("articleId")).as("both: the figures judge against every version known now")
                .containsExactly(ARTICLE, FEES);
        assertThat(stale.get(0).path("superseded").asLong()).as("v1 quoted after v2 took effect").isEqualTo(1);

        // The regulator's history judges each quoted version as the ledger knew the articles at the instant asked:
        // before the ledger was told of the fees' second version, the answer quoted the fees version in force.
        LedgerHttp regulator = http.as("REGULATOR", "examiner");
        JsonNode then = regulator.get("/regulator/customers/bot-journey-customer/history?asOf="
                + beforeTheFeesRevision).data().path("botAnswers");
        assertThat(then).hasSize(1);
        assertThat(then.get(0).path("messageId").asText()).isEqualTo("a1");
        assertThat(then.get(0).path("articles").findValuesAsText("status")).containsExactly("SUPERSEDED", "IN_FORCE");
        JsonNode now = regulator.get("/regulator/customers/bot-journey-customer/history").data().path("botAnswers");
        JsonNode cards = now.get(0).path("articles").get(0);
        assertThat(List.of(cards.path("status").asText(), cards.path("inForceVersion").asText(),
                cards.path("inForceTitle").asText())).containsExactly("SUPERSEDED", "2", "A lost or stolen card");
        assertThat(now.get(0).path("articles").get(1).path("status").asText()).isEqualTo("SUPERSEDED");

        JsonNode history = regulator.get("/regulator/customers/bot-journey-customer/history").data();
        List<String> types = new ArrayList<>();
        JsonNode answerBasis = null;
        JsonNode correction = null;
        for (JsonNode event : history.path("events")) {
            types.add(event.path("type").asText());
            if (event.path("type").asText().equals("AnswerBasisRecorded")) {
                answerBasis = event.path("payload").path("basis");
            } else if (event.path("type").asText().equals("BotAnswerCorrected")) {
                correction = event.path("payload");
            }
        }
        assertThat(types).containsSubsequence("MessageRecorded", "AnswerBasisRecorded", "HandoffRequested",
                "AgentAssigned", "BotAnswerCorrected");
        assertThat(answerBasis.path("articles").get(0).path("articleId").asText()).isEqualTo(ARTICLE);
        assertThat(answerBasis.path("articles").get(0).path("version").asInt()).isEqualTo(1);
        assertThat(answerBasis.path("model").path("version").asText()).isEqualTo("2026.11");
        assertThat(answerBasis.path("quotedUtterance").asText()).as("opened for the regulator")
                .isEqualTo("I lost my card");
        assertThat(correction.path("correctedBy").asText()).as("the token's actor").isEqualTo("agent-7");
        // The agent opening the session sees the answer's basis and its correction among the entries.
        awaitTimelineVersion(SESSION, 7);
        JsonNode entries = agent.get("/sessions/" + SESSION).data().path("entries");
        List<String> kinds = new ArrayList<>();
        entries.forEach(entry -> kinds.add(entry.path("kind").asText()));
        assertThat(kinds).containsSubsequence("MESSAGE", "ANSWER_BASIS", "HANDOFF", "AGENT_ASSIGNED",
                "ANSWER_CORRECTED");
        JsonNode basisEntry = entries.get(kinds.indexOf("ANSWER_BASIS")).path("details").path("basis");
        assertThat(basisEntry.path("quotedUtterance").asText()).as("opened for the agent").isEqualTo("I lost my card");
        assertThat(entries.get(kinds.indexOf("ANSWER_CORRECTED")).path("details").path("correctedBy").asText())
                .isEqualTo("agent-7");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM deadletterentry WHERE sequenceidentifier LIKE ?"
                        + " OR sequenceidentifier LIKE ?", Long.class, "%bot-journey%", "%kb-journey%"))
                .as("every read model applied every event of the journey").isZero();

        // The signed export carries the same judgement, and the knowledge events it rests on, verified with it.
        Path work = Files.createTempDirectory("bot-answers-export");
        assertThat(ReplayToolsRun.of("keygen", "--out", work.toString()).exitCode()).isZero();
        ReplayToolsRun export = ReplayToolsRun.of("export", "--jdbc-url",
                environment.getProperty("spring.datasource.url"), "--user",
                environment.getProperty("spring.datasource.username"), "--password-file",
                ReplayToolsRun.secretFile(environment.getProperty("spring.datasource.password", "")), "--out",
                work.resolve("package").toString(), "--signing-key", work.resolve("export-signing-key.pem").toString(),
                "--master-keys-file", TestInstallation.masterKeysFile().toString(),
                "--customer", "bot-journey-customer", "--as-of", Instant.now().toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        JsonNode exported = LedgerHttp.JSON.readTree(work.resolve("package/bot-answers.json").toFile());
        assertThat(exported.path("botAnswers")).isEqualTo(now);
        assertThat(exported.path("articleEvents").findValuesAsText("type")).containsExactly(
                "KnowledgeArticlePublished", "KnowledgeArticleRevised", "KnowledgeArticlePublished",
                "KnowledgeArticleRevised");
        assertThat(LedgerHttp.JSON.readTree(work.resolve("package/manifest.json").toFile()).path("files")
                .findValuesAsText("name")).containsExactly("events.jsonl", "report.html", "bot-answers.json");
        assertThat(Files.readString(work.resolve("package/report.html"))).contains("Bot answers and the article"
                + " versions in force").contains("SUPERSEDED");
        ReplayToolsRun verified = ReplayToolsRun.of("verify-export", "--dir", work.resolve("package").toString(),
                "--public-key", work.resolve("export-public-key.pem").toString());
        assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();

        String stored = "SELECT COUNT(*) FROM domainevententry WHERE payloadtype LIKE '%AnswerBasisRecorded'"
                + " AND aggregateidentifier = ? AND convert_from(payload, 'UTF8') LIKE ?";
        assertThat(jdbc.queryForObject(stored, Long.class, SESSION, "%" + ARTICLE + "%"))
                .as("the basis's references are stored in clear").isEqualTo(1);
        assertThat(jdbc.queryForObject(stored, Long.class, SESSION, "%I lost my card%"))
                .as("the quoted utterance is sealed in the store").isZero();
    }
}

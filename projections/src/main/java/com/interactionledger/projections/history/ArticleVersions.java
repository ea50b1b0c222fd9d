package com.interactionledger.projections.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.interactionledger.projections.botquality.ArticleTimeline;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * For the bot answers of a customer's history, the article versions they quoted judged against the versions in force
 * when each answer was given — as the ledger knew them at the history's instant: only the knowledge events recorded
 * by then count, so a regulator sees what the ledger could have said at that moment. Read from the knowledge
 * articles' own streams in the store, like the rest of the history.
 */
final class ArticleVersions {

    private static final String BASIS = "AnswerBasisRecorded";
    private static final String WITHDRAWN = "KnowledgeArticleWithdrawn";

    private ArticleVersions() {
    }

    static List<BotAnswerBasis> of(Connection connection, List<HistoryEvent> events, Instant asOf)
            throws SQLException {
        return judged(connection, events, asOf).answers();
    }

    /** Whether the event is a bot answer's basis, which {@link #judged} judges. */
    static boolean isAnswerBasis(HistoryEvent event) {
        return event.type().equals(BASIS);
    }

    static BotAnswers judged(Connection connection, List<HistoryEvent> events, Instant asOf) throws SQLException {
        List<HistoryEvent> answers = events.stream().filter(ArticleVersions::isAnswerBasis).toList();
        if (answers.isEmpty()) {
            return new BotAnswers(List.of(), List.of());
        }
        Set<String> quoted = new LinkedHashSet<>();
        answers.forEach(answer -> answer.payload().path("basis").path("articles")
                .forEach(article -> quoted.add(article.path("articleId").asText())));
        Map<String, ArticleTimeline> timelines = new TreeMap<>();
        List<HistoryEvent> articleEvents = new ArrayList<>();
        for (String articleId : quoted) {
            timelines.put(articleId, timeline(connection, articleId, asOf, articleEvents));
        }
        List<BotAnswerBasis> judged = new ArrayList<>();
        for (HistoryEvent answer : answers) {
            Instant at = answer.validAt();
            List<QuotedArticle> articles = new ArrayList<>();
            for (JsonNode article : answer.payload().path("basis").path("articles")) {
                String articleId = article.path("articleId").asText();
                articles.add(judge(timelines.get(articleId), articleId, article.path("version").asInt(), at));
            }
            judged.add(new BotAnswerBasis(answer.position(), answer.payload().path("sessionId").asText(),
                    answer.payload().path("messageId").asText(), at, List.copyOf(articles)));
        }
        return new BotAnswers(List.copyOf(judged), List.copyOf(articleEvents));
    }

    private static QuotedArticle judge(ArticleTimeline timeline, String articleId, int version, Instant at) {
        Integer inForce = timeline.inForceAt(at);
        return new QuotedArticle(articleId, version, timeline.status(version, at).name(), inForce,
                inForce == null ? null : timeline.title(inForce),
                inForce == null ? null : timeline.inForceFrom(inForce));
    }

    private static ArticleTimeline timeline(Connection connection, String articleId, Instant asOf,
                                            List<HistoryEvent> read) throws SQLException {
        ArticleTimeline timeline = new ArticleTimeline();
        LedgerHistory.readStream(connection, articleId, asOf, event -> {
            read.add(event);
            JsonNode payload = event.payload();
            if (event.type().equals(WITHDRAWN)) {
                timeline.withdrawn(Instant.parse(payload.path("effectiveFrom").asText()));
            } else if (event.type().startsWith("KnowledgeArticle")) {
                JsonNode version = payload.path("version");
                timeline.version(version.path("number").asInt(), Instant.parse(version.path("effectiveFrom").asText()),
                        version.path("title").asText());
            }
        });
        return timeline;
    }
}

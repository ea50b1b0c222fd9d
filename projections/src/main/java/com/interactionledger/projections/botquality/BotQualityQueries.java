package com.interactionledger.projections.botquality;

import com.interactionledger.contracts.botquality.BotQualityReport;
import com.interactionledger.contracts.botquality.FindBotQuality;
import com.interactionledger.projections.support.VersionedRows;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Answers the bot-quality query from the read model's rows. */
@Component
class BotQualityQueries {

    private final BotQualityTables tables;

    BotQualityQueries(BotQualityTables tables) {
        this.tables = tables;
    }

    @QueryHandler
    BotQualityReport handle(FindBotQuality query) {
        List<BotQualityCalculator.Answer> answers = tables.answers(query).stream()
                .map(BotQualityQueries::answer).toList();
        return BotQualityCalculator.report(query.by(), answers, timelines());
    }

    private static BotQualityCalculator.Answer answer(Map<String, Object> row) {
        BotQualityCalculator.Outcome outcome = Boolean.TRUE.equals(row.get("corrected"))
                ? BotQualityCalculator.Outcome.CORRECTED
                : Boolean.TRUE.equals(row.get("escalated")) ? BotQualityCalculator.Outcome.ESCALATED
                : Boolean.TRUE.equals(row.get("resolved_by_bot")) ? BotQualityCalculator.Outcome.CONFIRMED
                : BotQualityCalculator.Outcome.OPEN;
        List<BotQualityCalculator.Quote> quotes = new ArrayList<>();
        String articles = (String) row.get("articles");
        if (!articles.isEmpty()) {
            for (String quoted : articles.split(";")) {
                int at = quoted.lastIndexOf('@');
                quotes.add(new BotQualityCalculator.Quote(quoted.substring(0, at),
                        Integer.parseInt(quoted.substring(at + 1))));
            }
        }
        return new BotQualityCalculator.Answer((String) row.get("channel"),
                VersionedRows.instantOf(row.get("answered_at")), row.get("model_name") + " " + row.get("model_version"),
                (String) row.get("intent"), ((Number) row.get("confidence")).doubleValue(), quotes, outcome);
    }

    private Map<String, BotQualityCalculator.Timeline> timelines() {
        Map<String, TreeMap<Integer, Instant>> versions = new HashMap<>();
        Map<String, Instant> withdrawals = new HashMap<>();
        for (Map<String, Object> row : tables.articleVersions()) {
            String article = (String) row.get("article_id");
            Instant from = VersionedRows.instantOf(row.get("effective_from"));
            if (Boolean.TRUE.equals(row.get("withdrawn"))) {
                withdrawals.put(article, from);
            } else {
                versions.computeIfAbsent(article, k -> new TreeMap<>())
                        .put(((Number) row.get("article_version")).intValue(), from);
            }
        }
        Map<String, BotQualityCalculator.Timeline> timelines = new HashMap<>();
        versions.forEach((article, byVersion) ->
                timelines.put(article, new BotQualityCalculator.Timeline(byVersion, withdrawals.get(article))));
        return timelines;
    }
}

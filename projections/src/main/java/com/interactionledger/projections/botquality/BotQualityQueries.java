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

    /** Every article the ledger was told of, as a timeline of its versions. */
    private Map<String, ArticleTimeline> timelines() {
        Map<String, ArticleTimeline> timelines = new HashMap<>();
        for (Map<String, Object> row : tables.articleVersions()) {
            ArticleTimeline timeline = timelines.computeIfAbsent((String) row.get("article_id"),
                    article -> new ArticleTimeline());
            Instant from = VersionedRows.instantOf(row.get("effective_from"));
            if (Boolean.TRUE.equals(row.get("withdrawn"))) {
                timeline.withdrawn(from);
            } else {
                timeline.version(((Number) row.get("article_version")).intValue(), from, (String) row.get("title"));
            }
        }
        return timelines;
    }
}

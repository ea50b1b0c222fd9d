package com.interactionledger.projections.botquality;

import com.interactionledger.contracts.botquality.ArticleCorrections;
import com.interactionledger.contracts.botquality.BotQualityDimension;
import com.interactionledger.contracts.botquality.BotQualityGroup;
import com.interactionledger.contracts.botquality.BotQualityReport;
import com.interactionledger.contracts.botquality.CalibrationBand;
import com.interactionledger.contracts.botquality.CoverageGap;
import com.interactionledger.contracts.botquality.OutcomeFigures;
import com.interactionledger.contracts.botquality.StaleQuotes;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import static com.interactionledger.projections.support.FigureArithmetic.rate;

/**
 * The bot-quality figures of a set of answers (docs/BOT-ANSWERS.md gives each definition). Pure: the same answers and
 * article timelines give the same report, on any instance, in any replay.
 */
final class BotQualityCalculator {

    /** The confidence bands of the calibration: [0, 0.5), [0.5, 0.7), [0.7, 0.9), [0.9, 1.0]. */
    static final double[] BANDS = {0.0, 0.5, 0.7, 0.9, 1.0};
    static final int MOST_CORRECTED = 10;
    static final String NONE = "none";

    enum Outcome { CONFIRMED, CORRECTED, ESCALATED, OPEN }

    /** An article version an answer quoted. */
    record Quote(String articleId, int version) {
    }

    /** One answer as the figures see it. */
    record Answer(String channel, Instant answeredAt, String model, String intent, double confidence,
                  List<Quote> quotes, Outcome outcome) {
    }

    private BotQualityCalculator() {
    }

    static BotQualityReport report(BotQualityDimension by, List<Answer> answers, Map<String, ArticleTimeline> articles) {
        return new BotQualityReport(by, figures(answers), by == null ? List.of() : groups(by, answers),
                calibration(answers), mostCorrected(answers), coverageGaps(answers), staleQuotes(answers, articles));
    }

    static OutcomeFigures figures(List<Answer> answers) {
        long confirmed = count(answers, Outcome.CONFIRMED);
        long corrected = count(answers, Outcome.CORRECTED);
        long escalated = count(answers, Outcome.ESCALATED);
        long decided = confirmed + corrected + escalated;
        return new OutcomeFigures(answers.size(), confirmed, corrected, escalated, answers.size() - decided,
                rate(confirmed, decided), rate(corrected, decided), rate(escalated, decided),
                medianConfidence(answers, Outcome.CONFIRMED), medianConfidence(answers, Outcome.CORRECTED),
                medianConfidence(answers, Outcome.ESCALATED));
    }

    static List<BotQualityGroup> groups(BotQualityDimension by, List<Answer> answers) {
        Map<String, List<Answer>> groups = new TreeMap<>();
        for (Answer answer : answers) {
            for (String key : keys(by, answer)) {
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(answer);
            }
        }
        List<BotQualityGroup> result = new ArrayList<>();
        groups.forEach((key, group) -> result.add(new BotQualityGroup(key, figures(group))));
        return result;
    }

    private static List<String> keys(BotQualityDimension by, Answer answer) {
        return switch (by) {
            case INTENT -> List.of(answer.intent() == null ? NONE : answer.intent());
            case ARTICLE -> answer.quotes().isEmpty() ? List.of(NONE)
                    : answer.quotes().stream().map(Quote::articleId).distinct().toList();
            case MODEL -> List.of(answer.model());
            case CHANNEL -> List.of(answer.channel());
            case PERIOD -> List.of(YearMonth.from(answer.answeredAt().atOffset(ZoneOffset.UTC)).toString());
        };
    }

    static List<CalibrationBand> calibration(List<Answer> answers) {
        List<CalibrationBand> bands = new ArrayList<>();
        for (int i = 0; i + 1 < BANDS.length; i++) {
            double from = BANDS[i];
            double to = BANDS[i + 1];
            boolean last = i + 2 == BANDS.length;
            List<Answer> decided = answers.stream().filter(answer -> answer.outcome() != Outcome.OPEN)
                    .filter(answer -> answer.confidence() >= from
                            && (answer.confidence() < to || last && answer.confidence() <= to))
                    .toList();
            long confirmed = count(decided, Outcome.CONFIRMED);
            Double mean = decided.isEmpty() ? null
                    : decided.stream().mapToDouble(Answer::confidence).average().orElseThrow();
            bands.add(new CalibrationBand(from, to, decided.size(), confirmed, mean, rate(confirmed, decided.size())));
        }
        return bands;
    }

    static List<ArticleCorrections> mostCorrected(List<Answer> answers) {
        Map<String, List<Answer>> byArticle = new TreeMap<>();
        for (Answer answer : answers) {
            answer.quotes().stream().map(Quote::articleId).distinct()
                    .forEach(article -> byArticle.computeIfAbsent(article, k -> new ArrayList<>()).add(answer));
        }
        List<ArticleCorrections> corrected = new ArrayList<>();
        byArticle.forEach((article, quoting) -> {
            long decided = quoting.stream().filter(answer -> answer.outcome() != Outcome.OPEN).count();
            long times = count(quoting, Outcome.CORRECTED);
            if (times > 0) {
                corrected.add(new ArticleCorrections(article, quoting.size(), decided, times, rate(times, decided)));
            }
        });
        return corrected.stream()
                .sorted(Comparator.comparingLong(ArticleCorrections::corrected).reversed()
                        .thenComparing(ArticleCorrections::correctedRate, Comparator.reverseOrder())
                        .thenComparing(ArticleCorrections::articleId))
                .limit(MOST_CORRECTED).toList();
    }

    static List<CoverageGap> coverageGaps(List<Answer> answers) {
        Map<String, List<Answer>> byIntent = new TreeMap<>();
        answers.stream().filter(answer -> answer.intent() != null)
                .forEach(answer -> byIntent.computeIfAbsent(answer.intent(), k -> new ArrayList<>()).add(answer));
        List<CoverageGap> gaps = new ArrayList<>();
        byIntent.forEach((intent, answered) -> {
            if (answered.stream().allMatch(answer -> answer.quotes().isEmpty())) {
                gaps.add(new CoverageGap(intent, answered.size()));
            }
        });
        return gaps.stream().sorted(Comparator.comparingLong(CoverageGap::answers).reversed()
                .thenComparing(CoverageGap::intent)).toList();
    }

    static List<StaleQuotes> staleQuotes(List<Answer> answers, Map<String, ArticleTimeline> articles) {
        Map<String, List<long[]>> byArticle = new TreeMap<>();
        for (Answer answer : answers) {
            for (Quote quote : answer.quotes()) {
                ArticleTimeline timeline = articles.get(quote.articleId());
                Instant ended = timeline == null ? null : timeline.endedBefore(quote.version(), answer.answeredAt());
                if (ended != null) {
                    long superseded = timeline.status(quote.version(), answer.answeredAt())
                            == ArticleTimeline.Status.SUPERSEDED ? 1 : 0;
                    byArticle.computeIfAbsent(quote.articleId(), k -> new ArrayList<>()).add(new long[] {
                            superseded, Duration.between(ended, answer.answeredAt()).toMillis()});
                }
            }
        }
        List<StaleQuotes> stale = new ArrayList<>();
        byArticle.forEach((article, quotes) -> {
            long superseded = quotes.stream().filter(quote -> quote[0] == 1).count();
            double[] hours = quotes.stream().mapToDouble(quote -> quote[1] / 3_600_000.0).sorted().toArray();
            stale.add(new StaleQuotes(article, superseded, quotes.size() - superseded, median(hours),
                    hours[hours.length - 1]));
        });
        return stale.stream().sorted(Comparator.comparingLong((StaleQuotes s) -> s.superseded() + s.withdrawn())
                .reversed().thenComparing(StaleQuotes::articleId)).toList();
    }

    private static long count(List<Answer> answers, Outcome outcome) {
        return answers.stream().filter(answer -> answer.outcome() == outcome).count();
    }

    private static Double medianConfidence(List<Answer> answers, Outcome outcome) {
        Predicate<Answer> of = answer -> answer.outcome() == outcome;
        double[] values = answers.stream().filter(of).mapToDouble(Answer::confidence).sorted().toArray();
        return values.length == 0 ? null : median(values);
    }

    /** The median of sorted values: the middle one, or the mean of the two middle ones. */
    static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

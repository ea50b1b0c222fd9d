package com.interactionledger.projections.complaints;

import com.interactionledger.contracts.complaint.ComplaintFigures;
import com.interactionledger.contracts.complaint.ComplaintOutcome;
import com.interactionledger.contracts.complaint.CountComplaints;
import com.interactionledger.projections.support.FigureArithmetic;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.interactionledger.projections.support.FigureArithmetic.rate;

/**
 * Complaint figures from the read model's rows: pure arithmetic, so a figure can be checked by hand and recomputed
 * from the events alone (the rows are themselves derived from the events).
 * <ul>
 *   <li>timely: the first final response came before the first round's final-response deadline (or while that
 *       clock was stopped);</li>
 *   <li>days to resolve: from receipt to the first final response; p90 by nearest rank;</li>
 *   <li>upheld rate: upheld or partially upheld, of the complaints resolved.</li>
 * </ul>
 */
final class FigureCalculator {

    static final String ALL = "ALL";

    private FigureCalculator() {
    }

    static List<ComplaintFigures> byGroup(List<ComplaintTables.FigureRow> rows, CountComplaints.Dimension dimension) {
        Map<String, List<ComplaintTables.FigureRow>> groups = rows.stream()
                .collect(Collectors.groupingBy(key(dimension), TreeMap::new, Collectors.toList()));
        List<ComplaintFigures> figures = new ArrayList<>();
        groups.forEach((group, members) -> figures.add(figures(group, members)));
        return figures;
    }

    static ComplaintFigures figures(String group, List<ComplaintTables.FigureRow> rows) {
        List<ComplaintTables.FigureRow> resolved = rows.stream().filter(row -> row.firstResolvedAt() != null).toList();
        long timely = resolved.stream().filter(row -> row.firstFinalDueAt() == null
                || row.firstResolvedAt().isBefore(row.firstFinalDueAt())).count();
        long upheld = resolved.stream().filter(row -> ComplaintOutcome.UPHELD.name().equals(row.outcome())
                || ComplaintOutcome.PARTIALLY_UPHELD.name().equals(row.outcome())).count();
        List<Double> days = resolved.stream()
                .map(row -> Duration.between(row.receivedAt(), row.firstResolvedAt()).toSeconds() / 86_400.0)
                .sorted().toList();
        Map<String, BigDecimal> redress = new TreeMap<>();
        for (ComplaintTables.FigureRow row : rows) {
            if (row.redressAmount() != null) {
                redress.merge(row.redressCurrency(), row.redressAmount(), BigDecimal::add);
            }
        }
        return new ComplaintFigures(group, rows.size(), resolved.size(), timely, rate(timely, resolved.size()),
                rows.stream().filter(ComplaintTables.FigureRow::everBreached).count(), rate(upheld, resolved.size()),
                days.isEmpty() ? null : days.stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
                days.isEmpty() ? null : FigureArithmetic.percentile(days, 90),
                redress,
                rows.stream().map(ComplaintTables.FigureRow::receivedAt).min(Instant::compareTo).orElse(null),
                rows.stream().map(ComplaintTables.FigureRow::receivedAt).max(Instant::compareTo).orElse(null));
    }

    private static Function<ComplaintTables.FigureRow, String> key(CountComplaints.Dimension dimension) {
        return switch (dimension) {
            case PRODUCT -> ComplaintTables.FigureRow::product;
            case CATEGORY -> ComplaintTables.FigureRow::category;
            case CHANNEL -> ComplaintTables.FigureRow::channel;
            case JURISDICTION -> ComplaintTables.FigureRow::jurisdiction;
            case DAY -> row -> FigureArithmetic.day(row.receivedAt());
            case WEEK -> row -> FigureArithmetic.week(row.receivedAt());
            case MONTH -> row -> FigureArithmetic.month(row.receivedAt());
            case RESPONSE -> row -> row.companyResponse() != null ? row.companyResponse()
                    : row.outcome() != null ? row.outcome() : "NONE";
            case SOURCE_CHANNEL -> row -> row.sourceChannel() != null ? row.sourceChannel() : row.channel();
            case SOURCE_TIMELY -> row -> row.sourceTimely() == null ? "NOT_SAID" : row.sourceTimely() ? "YES" : "NO";
        };
    }
}

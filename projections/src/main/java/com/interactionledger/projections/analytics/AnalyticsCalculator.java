package com.interactionledger.projections.analytics;

import com.interactionledger.contracts.analytics.AnalyticsDimension;
import com.interactionledger.contracts.analytics.EfficiencyFigures;
import com.interactionledger.contracts.analytics.SatisfactionFigures;
import com.interactionledger.contracts.analytics.Timing;
import com.interactionledger.contracts.common.ParticipantRole;
import com.interactionledger.projections.support.FigureArithmetic;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static com.interactionledger.projections.support.FigureArithmetic.rate;

/**
 * Satisfaction and service-efficiency figures from the sessions' facts: pure arithmetic, the definitions the
 * docs/ANALYTICS.md writes down ("Service efficiency", "Satisfaction").
 */
final class AnalyticsCalculator {

    static final String ALL = "ALL";
    static final String NONE = "(none)";

    private AnalyticsCalculator() {
    }

    static <F> List<F> byGroup(List<SessionFacts> sessions, AnalyticsDimension dimension,
                               java.util.function.BiFunction<String, List<SessionFacts>, F> figures) {
        Map<String, List<SessionFacts>> groups = sessions.stream()
                .collect(Collectors.groupingBy(key(dimension), TreeMap::new, Collectors.toList()));
        List<F> result = new ArrayList<>();
        groups.forEach((group, members) -> result.add(figures.apply(group, members)));
        return result;
    }

    static SatisfactionFigures satisfaction(String group, List<SessionFacts> sessions) {
        long closed = count(sessions, s -> s.closedAt != null);
        List<Integer> csat = sessions.stream().map(s -> s.csat).filter(Objects::nonNull).toList();
        List<Integer> nps = sessions.stream().map(s -> s.nps).filter(Objects::nonNull).toList();
        long surveys = count(sessions, s -> s.csat != null || s.nps != null);
        long satisfied = csat.stream().filter(score -> score >= 4).count();
        long promoters = nps.stream().filter(score -> score >= 9).count();
        long detractors = nps.stream().filter(score -> score <= 6).count();
        return new SatisfactionFigures(group, closed, surveys, rate(surveys, closed), csat.size(),
                csat.isEmpty() ? null : csat.stream().mapToInt(Integer::intValue).average().orElseThrow(),
                rate(satisfied, csat.size()), nps.size(), promoters, detractors,
                nps.isEmpty() ? null : 100.0 * (promoters - detractors) / nps.size());
    }

    static EfficiencyFigures efficiency(String group, List<SessionFacts> sessions) {
        List<SessionFacts> ended = sessions.stream().filter(s -> s.outcome != SessionFacts.Outcome.OPEN).toList();
        List<SessionFacts> resolved = sessions.stream().filter(s -> s.outcome == SessionFacts.Outcome.RESOLVED).toList();
        List<SessionFacts> botStartedEnded = ended.stream().filter(s -> !s.startedInQueue).toList();
        List<SessionFacts> agentHandled = sessions.stream().filter(s -> s.firstAssignedAt != null).toList();
        return new EfficiencyFigures(group, sessions.size(), ended.size(),
                sum(sessions, s -> s.customerMessages), sum(sessions, s -> s.agentMessages),
                sum(sessions, s -> s.botMessages), sum(sessions, s -> s.transfers),
                timing(sessions, s -> between(s.firstCustomerMessageAt, s.firstReplyAt)),
                timing(sessions, s -> between(s.handoffAt, s.firstAgentReplyAfterHandoffAt)),
                // sessions that queued and are no longer waiting: a wait still going on has no length yet
                timing(sessions, s -> s.firstQueue == null || s.queueEnteredAt != null ? null
                        : Duration.ofMillis(s.queueMillis)),
                timing(ended, s -> between(s.firstAssignedAt, s.endedAt)),
                rate(count(resolved, s -> Boolean.TRUE.equals(s.firstContactResolution)), resolved.size()),
                rate(count(botStartedEnded, s -> s.resolvedBy == ParticipantRole.BOT), botStartedEnded.size()),
                rate(count(agentHandled, s -> s.transfers > 0), agentHandled.size()),
                rate(count(ended, s -> s.outcome == SessionFacts.Outcome.ABANDONED), ended.size()),
                rate(count(sessions, s -> s.continuedElsewhere), sessions.size()));
    }

    private static Timing timing(List<SessionFacts> sessions, Function<SessionFacts, Duration> measure) {
        return FigureArithmetic.timing(sessions.stream().map(measure).filter(Objects::nonNull)
                .map(duration -> duration.toMillis() / 1000.0).sorted().toList());
    }

    private static Duration between(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to);
    }

    private static long count(List<SessionFacts> sessions, Predicate<SessionFacts> test) {
        return sessions.stream().filter(test).count();
    }

    private static long sum(List<SessionFacts> sessions, java.util.function.ToIntFunction<SessionFacts> count) {
        return sessions.stream().mapToLong(count::applyAsInt).sum();
    }

    private static Function<SessionFacts, String> key(AnalyticsDimension dimension) {
        return switch (dimension) {
            case CHANNEL -> s -> s.channel.name();
            case AGENT -> s -> s.handlingAgent == null ? NONE : s.handlingAgent;
            case QUEUE -> s -> s.firstQueue == null ? NONE : s.firstQueue;
            case INTENT -> s -> s.firstIntent == null ? NONE : s.firstIntent;
            case PRODUCT -> s -> s.product == null ? NONE : s.product;
            case SEGMENT -> s -> s.segment().name();
            case CONTINUATION -> s -> s.continuedFromOther ? "CONTINUED" : "SINGLE_CHANNEL";
            case DAY -> s -> FigureArithmetic.day(s.startedAt);
            case WEEK -> s -> FigureArithmetic.week(s.startedAt);
            case MONTH -> s -> FigureArithmetic.month(s.startedAt);
        };
    }
}

package com.interactionledger.projections.timeline;

import com.interactionledger.contracts.complaint.ComplaintId;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.SessionId;
import com.interactionledger.contracts.journey.JourneyDimension;
import com.interactionledger.contracts.journey.JourneyFigures;
import com.interactionledger.contracts.journey.JourneyOutcome;
import com.interactionledger.contracts.journey.JourneyReport;
import com.interactionledger.contracts.journey.JourneyStep;
import com.interactionledger.contracts.journey.JourneyView;
import com.interactionledger.projections.support.FigureArithmetic;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Journeys made from their sessions, and the figures over them: plain arithmetic on rows already read, so the agent's
 * view and the analysts' figures say the same thing of a journey. A journey is resolved when one of its sessions was
 * resolved (at that session's end); otherwise it is open while its last session is, and abandoned once that ended.
 */
final class Journeys {

    /** One session of a journey as read, with the complaints raised from it. */
    record Leg(String journeyId, JourneyStep step, List<ComplaintId> complaints) {
    }

    private Journeys() {
    }

    /** The journeys of these legs (in order of first contact, then journey id), each with its sessions in order. */
    static List<JourneyView> of(List<Leg> legs) {
        Map<String, List<Leg>> byJourney = legs.stream().collect(Collectors.groupingBy(Leg::journeyId,
                LinkedHashMap::new, Collectors.toList()));
        List<JourneyView> journeys = new ArrayList<>();
        byJourney.forEach((journey, its) -> journeys.add(journey(journey, its)));
        return journeys;
    }

    private static JourneyView journey(String journeyId, List<Leg> legs) {
        List<JourneyStep> steps = legs.stream().map(Leg::step).toList();
        JourneyStep first = steps.get(0);
        JourneyStep last = steps.get(steps.size() - 1);
        JourneyStep resolving = steps.stream().filter(step -> step.resolutionCode() != null).findFirst().orElse(null);
        JourneyOutcome outcome = resolving != null ? JourneyOutcome.RESOLVED
                : last.endedAt() == null ? JourneyOutcome.OPEN : JourneyOutcome.ABANDONED;
        Instant resolvedAt = resolving == null ? null : resolving.endedAt();
        Integer csat = null;
        for (JourneyStep step : steps) {
            csat = step.csat() != null ? step.csat() : csat;
        }
        return new JourneyView(new SessionId(journeyId), first.channel(), steps.stream().map(JourneyStep::channel)
                .toList(), steps, legs.stream().flatMap(leg -> leg.complaints().stream()).distinct().toList(),
                first.startedAt(), resolvedAt,
                resolvedAt == null ? null : Duration.between(first.startedAt(), resolvedAt).toMillis() / 1000.0,
                outcome, csat);
    }

    /** The figures over these journeys, overall and per group of {@code groupBy} (groups in their natural order). */
    static JourneyReport report(List<JourneyView> journeys, JourneyDimension groupBy) {
        JourneyFigures overall = figures("ALL", journeys);
        if (groupBy == null) {
            return new JourneyReport(overall, List.of());
        }
        Function<JourneyView, String> key = switch (groupBy) {
            case ENTRY_CHANNEL -> journey -> journey.entryChannel().name();
            case CHANNELS -> journey -> String.valueOf(channelCount(journey));
            case DAY -> journey -> FigureArithmetic.day(journey.firstContactAt());
            case WEEK -> journey -> FigureArithmetic.week(journey.firstContactAt());
            case MONTH -> journey -> FigureArithmetic.month(journey.firstContactAt());
        };
        Map<String, List<JourneyView>> groups = journeys.stream().collect(Collectors.groupingBy(key, TreeMap::new,
                Collectors.toList()));
        return new JourneyReport(overall, groups.entrySet().stream()
                .map(group -> figures(group.getKey(), group.getValue())).toList());
    }

    private static JourneyFigures figures(String group, List<JourneyView> journeys) {
        Map<Integer, Long> byChannelCount = journeys.stream().collect(Collectors.groupingBy(Journeys::channelCount,
                TreeMap::new, Collectors.counting()));
        List<JourneyView> resolved = journeys.stream().filter(j -> j.outcome() == JourneyOutcome.RESOLVED).toList();
        long onFirstChannel = resolved.stream().filter(j -> j.sessions().get(0).resolutionCode() != null).count();
        List<Double> seconds = resolved.stream().map(JourneyView::secondsToResolution).sorted().toList();
        List<Integer> surveys = journeys.stream().map(JourneyView::csat).filter(Objects::nonNull).toList();
        return new JourneyFigures(group, journeys.size(), byChannelCount, resolved.size(),
                FigureArithmetic.rate(onFirstChannel, journeys.size()), FigureArithmetic.timing(seconds),
                surveys.size(), surveys.isEmpty() ? null
                        : surveys.stream().mapToInt(Integer::intValue).average().orElseThrow());
    }

    /** How many different channels a journey used. */
    static int channelCount(JourneyView journey) {
        return new LinkedHashSet<Channel>(journey.channels()).size();
    }
}

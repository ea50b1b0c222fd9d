package com.interactionledger.replay;

import java.util.Map;
import java.util.OptionalLong;

/** Renders {@link LedgerStats.Result} for a person reading a terminal; plain digits so scripts can still grep it. */
public final class StatsReport {

    private static final String NONE = "none";

    private StatsReport() {
    }

    public static String format(String source, LedgerStats.Result stats) {
        StringBuilder report = new StringBuilder();
        report.append("Ledger statistics for ").append(source).append('\n');
        line(report, "events", Long.toString(stats.events()));
        line(report, "first global index", position(stats.firstGlobalIndex()));
        line(report, "last global index (head)", position(stats.lastGlobalIndex()));
        line(report, "gaps in global index", Long.toString(stats.missingGlobalIndexes()));
        line(report, "sessions", Long.toString(stats.sessions()));
        line(report, "customers", Long.toString(stats.customers()));
        line(report, "events without customerId", Long.toString(stats.eventsWithoutCustomer()));
        report.append("events by type:");
        if (stats.eventsByType().isEmpty()) {
            report.append(' ').append(NONE).append('\n');
            return report.toString();
        }
        report.append('\n');
        int width = stats.eventsByType().keySet().stream().mapToInt(String::length).max().orElse(0);
        for (Map.Entry<String, Long> type : stats.eventsByType().entrySet()) {
            report.append("  ").append(pad(type.getKey(), width)).append("  ").append(type.getValue()).append('\n');
        }
        return report.toString();
    }

    private static void line(StringBuilder report, String label, String value) {
        report.append(pad(label, 26)).append(' ').append(value).append('\n');
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    private static String position(OptionalLong index) {
        return index.isPresent() ? Long.toString(index.getAsLong()) : NONE;
    }
}

package com.interactionledger.projections.privacy;

import com.interactionledger.contracts.complaint.Jurisdiction;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How long each record type is kept after the customer's last activity of that type
 * ({@code ledger.privacy.retention.*}, ISO-8601 periods on the UTC calendar). What the law asks differs by
 * jurisdiction and purpose (complaint records, anti-money-laundering, consumer credit): the bank sets them.
 *
 * @param sessions                  interactions: sessions with their messages, handoffs, surveys
 * @param complaints                complaints with their clocks and outcomes, under a jurisdiction not named below
 * @param complaintsByJurisdiction  complaints under a named jurisdiction
 *                                  ({@code ledger.privacy.retention.complaints-by-jurisdiction.UK_FCA=P6Y})
 */
@ConfigurationProperties("ledger.privacy.retention")
public record RetentionPeriods(Period sessions, Period complaints, Map<Jurisdiction, Period> complaintsByJurisdiction) {

    public RetentionPeriods {
        if (sessions == null || complaints == null || sessions.isNegative() || complaints.isNegative()) {
            throw new IllegalArgumentException("ledger.privacy.retention.sessions and .complaints must be periods"
                    + " such as P5Y");
        }
        Map<Jurisdiction, Period> byJurisdiction = new EnumMap<>(Jurisdiction.class);
        if (complaintsByJurisdiction != null) {
            complaintsByJurisdiction.forEach((jurisdiction, period) -> {
                if (period == null || period.isNegative()) {
                    throw new IllegalArgumentException("ledger.privacy.retention.complaints-by-jurisdiction."
                            + jurisdiction + " must be a period such as P6Y");
                }
                byJurisdiction.put(jurisdiction, period);
            });
        }
        complaintsByJurisdiction = Map.copyOf(byJurisdiction);
    }

    /**
     * The period of complaints under a jurisdiction; of a complaint whose jurisdiction the read model does not know
     * (applied before it kept them), the longest configured: kept too long rather than erased too soon.
     */
    Period complaints(Jurisdiction jurisdiction) {
        if (jurisdiction == null) {
            Period longest = complaints;
            for (Period period : complaintsByJurisdiction.values()) {
                longest = due(Instant.EPOCH, period).isAfter(due(Instant.EPOCH, longest)) ? period : longest;
            }
            return longest;
        }
        return complaintsByJurisdiction.getOrDefault(jurisdiction, complaints);
    }

    /** The rules as configured, in words, for the report. */
    List<String> describe() {
        List<String> rules = new ArrayList<>(List.of("sessions " + sessions, "complaints " + complaints));
        complaintsByJurisdiction.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> rules.add("complaints under " + entry.getKey() + " " + entry.getValue()));
        return rules;
    }

    /**
     * The rule that applies to a customer: each record type with its period and the customer's last activity of it,
     * and when the last of them passes its period.
     *
     * @param lastSessionAt       the last session activity, or null
     * @param lastComplaintAtBy   the last complaint activity per jurisdiction (a null key: one not known)
     */
    Rule ruleFor(Instant lastSessionAt, Map<Jurisdiction, Instant> lastComplaintAtBy) {
        List<String> parts = new ArrayList<>();
        Instant dueSince = Instant.MIN;
        if (lastSessionAt != null) {
            parts.add("sessions " + sessions + " after " + lastSessionAt);
            dueSince = due(lastSessionAt, sessions);
        }
        List<Map.Entry<Jurisdiction, Instant>> complaintsBy = new ArrayList<>(lastComplaintAtBy.entrySet());
        complaintsBy.sort(Map.Entry.comparingByKey(Comparator.nullsLast(Comparator.naturalOrder())));
        for (Map.Entry<Jurisdiction, Instant> entry : complaintsBy) {
            Period period = complaints(entry.getKey());
            String which = entry.getKey() == null ? "of an unknown jurisdiction" : "under " + entry.getKey();
            parts.add("complaints " + which + " " + period + " after " + entry.getValue());
            Instant due = due(entry.getValue(), period);
            dueSince = due.isAfter(dueSince) ? due : dueSince;
        }
        return new Rule(String.join("; ", parts), dueSince);
    }

    /** A customer's retention rule in words, and when it made them due. */
    record Rule(String text, Instant dueSince) {
    }

    /** The instant a record of this period, last active at {@code lastActive}, is due for erasure. */
    static Instant due(Instant lastActive, Period period) {
        return lastActive.atOffset(ZoneOffset.UTC).plus(period).toInstant();
    }

    /** The last activity before which a record of this period is due at {@code at}. */
    static Instant cutoff(Instant at, Period period) {
        return at.atOffset(ZoneOffset.UTC).minus(period).toInstant();
    }
}

package com.interactionledger.projections.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * How long each record type is kept after the customer's last activity of that type
 * ({@code ledger.privacy.retention.*}, ISO-8601 periods on the UTC calendar). What the law asks differs by
 * jurisdiction and purpose (complaint records, anti-money-laundering, consumer credit): the bank sets them.
 *
 * @param sessions   interactions: sessions with their messages, handoffs, surveys
 * @param complaints complaints with their clocks and outcomes
 */
@ConfigurationProperties("ledger.privacy.retention")
public record RetentionPeriods(Period sessions, Period complaints) {

    public RetentionPeriods {
        if (sessions == null || complaints == null || sessions.isNegative() || complaints.isNegative()) {
            throw new IllegalArgumentException("ledger.privacy.retention.sessions and .complaints must be periods"
                    + " such as P5Y");
        }
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

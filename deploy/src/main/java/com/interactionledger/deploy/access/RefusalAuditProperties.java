package com.interactionledger.deploy.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How refused requests are put on the audit trail ({@code ledger.access.refusal-audit.*}, {@link RefusalAudit}).
 *
 * @param flushInterval how often the counts of closed minutes are recorded
 * @param maxTallies    how many distinct caller, endpoint and code counts are held before further ones are
 *                      counted together ({@link RefusalTally#OVERFLOW})
 */
@ConfigurationProperties("ledger.access.refusal-audit")
public record RefusalAuditProperties(
        @DefaultValue("PT10S") Duration flushInterval,
        @DefaultValue("10000") int maxTallies
) {

    public RefusalAuditProperties {
        if (flushInterval == null || flushInterval.isNegative() || flushInterval.isZero()) {
            throw new IllegalArgumentException("ledger.access.refusal-audit.flush-interval must be positive");
        }
    }
}

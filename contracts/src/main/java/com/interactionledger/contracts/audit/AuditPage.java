package com.interactionledger.contracts.audit;

import java.util.List;

/**
 * A page of audit records ({@link CommandAuditView}, {@link ReadAuditView} or {@link RefusalAuditView});
 * {@code nextAfter} is null on the
 * last page.
 */
public record AuditPage<T>(List<T> records, Long nextAfter) {
}

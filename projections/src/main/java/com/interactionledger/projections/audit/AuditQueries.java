package com.interactionledger.projections.audit;

import com.interactionledger.contracts.audit.AuditPage;
import com.interactionledger.contracts.audit.CommandAuditView;
import com.interactionledger.contracts.audit.FindAuditRecords;
import com.interactionledger.contracts.audit.ReadAuditView;
import com.interactionledger.projections.support.Page;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.Function;

/** Answers the audit queries, newest first, paged by global position. */
@Component
class AuditQueries {

    private final AuditTables tables;

    AuditQueries(AuditTables tables) {
        this.tables = tables;
    }

    /** Declared raw: Axon does not match a wildcard return type against the requested {@code AuditPage}. */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    AuditPage handle(FindAuditRecords query) {
        return query.kind() == FindAuditRecords.Kind.COMMANDS
                ? auditPage(Page.read(query.limit(), FindAuditRecords.MAX_LIMIT, fetch -> tables.commands(query, fetch)),
                        CommandAuditView::position)
                : auditPage(Page.read(query.limit(), FindAuditRecords.MAX_LIMIT, fetch -> tables.reads(query, fetch)),
                        ReadAuditView::position);
    }

    private static <T> AuditPage<T> auditPage(Page<T> page, Function<T, Long> position) {
        return new AuditPage<>(List.copyOf(page.rows()), page.next(position));
    }
}

package com.interactionledger.projections.audit;

import com.interactionledger.contracts.audit.AuditPage;
import com.interactionledger.contracts.audit.CommandAuditView;
import com.interactionledger.contracts.audit.FindAuditRecords;
import com.interactionledger.contracts.audit.ReadAuditView;
import com.interactionledger.contracts.audit.RefusalAuditView;
import com.interactionledger.projections.support.Page;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

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
        return switch (query.kind()) {
            case COMMANDS -> auditPage(query, fetch -> tables.commands(query, fetch), CommandAuditView::position);
            case READS -> auditPage(query, fetch -> tables.reads(query, fetch), ReadAuditView::position);
            case REFUSALS -> auditPage(query, fetch -> tables.refusals(query, fetch), RefusalAuditView::position);
        };
    }

    private static <T> AuditPage<T> auditPage(FindAuditRecords query, IntFunction<List<T>> rows,
                                              Function<T, Long> position) {
        Page<T> page = Page.read(query.limit(), FindAuditRecords.MAX_LIMIT, rows);
        return new AuditPage<>(List.copyOf(page.rows()), page.next(position));
    }
}

package com.interactionledger.projections.audit;

import com.interactionledger.contracts.audit.AuditPage;
import com.interactionledger.contracts.audit.CommandAuditView;
import com.interactionledger.contracts.audit.FindAuditRecords;
import com.interactionledger.contracts.audit.ReadAuditView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.ToLongFunction;

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
        if (query.limit() < 1 || query.limit() > FindAuditRecords.MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + FindAuditRecords.MAX_LIMIT);
        }
        return query.kind() == FindAuditRecords.Kind.COMMANDS
                ? page(tables.commands(query, query.limit() + 1), query.limit(), CommandAuditView::position)
                : page(tables.reads(query, query.limit() + 1), query.limit(), ReadAuditView::position);
    }

    private static <T> AuditPage<T> page(List<T> fetched, int limit, ToLongFunction<T> position) {
        boolean more = fetched.size() > limit;
        List<T> page = more ? List.copyOf(fetched.subList(0, limit)) : List.copyOf(fetched);
        return new AuditPage<>(page, more ? position.applyAsLong(page.get(page.size() - 1)) : null);
    }
}

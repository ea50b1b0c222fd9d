package com.interactionledger.projections.audit;

import com.interactionledger.contracts.audit.AuditOutcome;
import com.interactionledger.contracts.audit.CommandAuditView;
import com.interactionledger.contracts.audit.FindAuditRecords;
import com.interactionledger.contracts.audit.PersonalDataRead;
import com.interactionledger.contracts.audit.ReadAuditView;
import com.interactionledger.contracts.audit.RefusalAuditView;
import com.interactionledger.contracts.audit.RequestsRefused;
import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.common.LedgerMetadata;
import com.interactionledger.ledger.stored.Placeholders;
import com.interactionledger.projections.support.ReadModelBatches;
import com.interactionledger.projections.support.ReadModelTables;
import com.interactionledger.projections.support.VersionedRows;
import com.interactionledger.projections.support.Where;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.interactionledger.projections.support.VersionedRows.instant;
import static com.interactionledger.projections.support.VersionedRows.utc;

/** The SQL of the audit trail, in one place. */
@Component
public class AuditTables extends ReadModelTables {

    private static final String INSERT_COMMAND = """
            INSERT INTO audit_command (command_id, command_type, target_id, customer_id, actor_id, actor_role,
                channel, correlation_id, outcome, error_code, detail, recorded_at, position)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";
    private static final String INSERT_COMMAND_EVENT = "INSERT INTO audit_command_event (event_id, command_id, position)"
            + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
    private static final String INSERT_READ = "INSERT INTO audit_read (event_id, actor_id, actor_role, customer_id,"
            + " endpoint, resource_type, resource_id, read_at, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT DO NOTHING";

    private static final String INSERT_REFUSAL = "INSERT INTO audit_refusal (event_id, actor_id, actor_role, endpoint,"
            + " error_code, reason, minute_start, refusal_count, first_at, last_at, position)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    private final ReadModelBatches batches;

    public AuditTables(JdbcTemplate jdbc, ReadModelBatches batches) {
        super(jdbc, AuditProjection.PROCESSING_GROUP, "audit_command_event", "audit_command", "audit_read",
                "audit_refusal");
        this.batches = batches;
    }

    /**
     * The first record of a command makes its row; later events of the same command only add themselves. Every
     * record is an insert that ignores a row already there, so a batch writes them in one statement per table.
     */
    void recordCommand(String commandId, String commandType, String targetId, String customerId, MetaData metaData,
                       AuditOutcome outcome, String errorCode, String detail, Instant recordedAt, long position) {
        batches.current().write(INSERT_COMMAND,
                commandId, commandType, targetId, customerId, text(metaData, LedgerMetadata.ACTOR_ID),
                text(metaData, LedgerMetadata.ACTOR_ROLE), text(metaData, LedgerMetadata.CHANNEL),
                text(metaData, LedgerMetadata.CORRELATION_ID), outcome.name(), errorCode, detail, utc(recordedAt),
                position);
    }

    void recordCommandEvent(String commandId, String eventId, long position) {
        batches.current().write(INSERT_COMMAND_EVENT, eventId, commandId, position);
    }

    void recordRead(String eventId, String actorId, String actorRole, PersonalDataRead read, Instant readAt,
                    long position) {
        batches.current().write(INSERT_READ, eventId, actorId, actorRole, read.customerId().value(), read.endpoint(),
                read.resourceType(), read.resourceId(), utc(readAt), position);
    }

    void recordRefusals(String eventId, RequestsRefused refused, long position) {
        batches.current().write(INSERT_REFUSAL, eventId, refused.actorId(), refused.actorRole(), refused.endpoint(),
                refused.errorCode().name(), refused.reason(), utc(refused.minute()), refused.count(),
                utc(refused.firstAt()), utc(refused.lastAt()), position);
    }

    /** Refusals name callers and endpoints, never a customer: there is nothing of a customer's to forget there. */
    @Override
    public void forget(String customerId, Collection<String> streams) {
        jdbc.update("DELETE FROM audit_command_event WHERE command_id IN"
                + " (SELECT command_id FROM audit_command WHERE customer_id = ?)", customerId);
        deleteCustomer(customerId, "audit_command", "audit_read");
    }

    // ---- reads ----

    List<CommandAuditView> commands(FindAuditRecords query, int fetch) {
        Where where = where(query, "recorded_at").andIfPresent("outcome = ?", query.outcome(), Enum::name);
        List<CommandAuditView> rows = jdbc.query("SELECT * FROM audit_command WHERE " + where
                + " ORDER BY position DESC LIMIT ?", (rs, row) -> new CommandAuditView(
                rs.getString("command_id"), rs.getString("command_type"), rs.getString("target_id"),
                rs.getString("customer_id") == null ? null : new CustomerId(rs.getString("customer_id")),
                rs.getString("actor_id"), rs.getString("actor_role"), rs.getString("channel"),
                rs.getString("correlation_id"), AuditOutcome.valueOf(rs.getString("outcome")),
                rs.getString("error_code") == null ? null : ErrorCode.valueOf(rs.getString("error_code")),
                rs.getString("detail"), List.of(), instant(rs, "recorded_at"), rs.getLong("position")),
                where.args(fetch));
        return withEvents(rows);
    }

    List<ReadAuditView> reads(FindAuditRecords query, int fetch) {
        Where where = where(query, "read_at");
        return jdbc.query("SELECT * FROM audit_read WHERE " + where + " ORDER BY position DESC LIMIT ?",
                (rs, row) -> new ReadAuditView(rs.getString("event_id"), rs.getString("actor_id"),
                        rs.getString("actor_role"), new CustomerId(rs.getString("customer_id")),
                        rs.getString("endpoint"), rs.getString("resource_type"), rs.getString("resource_id"),
                        instant(rs, "read_at"), rs.getLong("position")),
                where.args(fetch));
    }

    List<RefusalAuditView> refusals(FindAuditRecords query, int fetch) {
        Where where = new Where("1 = 1").andIfPresent("actor_id = ?", query.actorId())
                .andIfPresent("error_code = ?", query.errorCode(), Enum::name)
                .andIfPresent("minute_start >= ?", query.from(), VersionedRows::utc)
                .andIfPresent("minute_start < ?", query.to(), VersionedRows::utc)
                .andIfPresent("position < ?", query.after());
        return jdbc.query("SELECT * FROM audit_refusal WHERE " + where + " ORDER BY position DESC LIMIT ?",
                (rs, row) -> new RefusalAuditView(rs.getString("event_id"), rs.getString("actor_id"),
                        rs.getString("actor_role"), rs.getString("endpoint"),
                        ErrorCode.valueOf(rs.getString("error_code")), rs.getString("reason"),
                        instant(rs, "minute_start"), rs.getLong("refusal_count"), instant(rs, "first_at"),
                        instant(rs, "last_at"), rs.getLong("position")),
                where.args(fetch));
    }

    private static Where where(FindAuditRecords query, String timeColumn) {
        return new Where("1 = 1")
                .andIfPresent("actor_id = ?", query.actorId())
                .andIfPresent("customer_id = ?", query.customerId(), CustomerId::value)
                .andIfPresent(timeColumn + " >= ?", query.from(), VersionedRows::utc)
                .andIfPresent(timeColumn + " < ?", query.to(), VersionedRows::utc)
                .andIfPresent("position < ?", query.after());
    }

    private List<CommandAuditView> withEvents(List<CommandAuditView> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, List<String>> events = new HashMap<>();
        jdbc.query("SELECT command_id, event_id FROM audit_command_event WHERE command_id IN ("
                        + Placeholders.of(rows.size()) + ") ORDER BY position",
                (ResultSet rs) -> {
                    events.computeIfAbsent(rs.getString(1), key -> new ArrayList<>()).add(rs.getString(2));
                }, rows.stream().map(CommandAuditView::commandId).toArray());
        return rows.stream().map(row -> new CommandAuditView(row.commandId(), row.commandType(), row.targetId(),
                row.customerId(), row.actorId(), row.actorRole(), row.channel(), row.correlationId(), row.outcome(),
                row.errorCode(), row.detail(), List.copyOf(events.getOrDefault(row.commandId(), List.of())),
                row.recordedAt(), row.position())).toList();
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}

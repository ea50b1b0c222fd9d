package com.interactionledger.projections.risk;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.risk.FindRiskWarnings;
import com.interactionledger.contracts.risk.RiskReason;
import com.interactionledger.contracts.risk.RiskWarningView;
import com.interactionledger.projections.privacy.PrivacyTables;
import com.interactionledger.projections.support.CustomerRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static com.interactionledger.projections.support.VersionedRows.utc;

/** The SQL of the early-warning read model, in one place. */
@Component
public class RiskTables implements CustomerRows {

    private final JdbcTemplate jdbc;

    public RiskTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void raise(String warningId, String customerId, RiskReason reason, String subjectType, String subjectId,
               String detail, Instant raisedAt, long position) {
        jdbc.update("INSERT INTO risk_warning (warning_id, customer_id, reason, subject_type, subject_id, detail,"
                        + " raised_at, global_position) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                warningId, customerId, reason.name(), subjectType, subjectId, detail, utc(raisedAt), position);
    }

    void indexComplaint(String complaintId, String customerId, Instant receivedAt) {
        jdbc.update("INSERT INTO risk_complaint (complaint_id, customer_id, received_at) VALUES (?, ?, ?)"
                + " ON CONFLICT DO NOTHING", complaintId, customerId, utc(receivedAt));
    }

    /** Complaints of the customer received in (from, to]. */
    int complaintsBetween(String customerId, Instant from, Instant to) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM risk_complaint WHERE customer_id = ? AND received_at > ?"
                + " AND received_at <= ?", Integer.class, customerId, utc(from), utc(to));
    }

    void indexSession(String sessionId, String customerId, Instant startedAt) {
        jdbc.update("INSERT INTO risk_session (session_id, customer_id, started_at, last_sequence) VALUES (?, ?, ?, -1)"
                + " ON CONFLICT DO NOTHING", sessionId, customerId, utc(startedAt));
    }

    void scoreSession(String sessionId, double score, long sequence) {
        jdbc.update("UPDATE risk_session SET last_score = ?, last_sequence = ? WHERE session_id = ? AND last_sequence < ?",
                score, sequence, sessionId, sequence);
    }

    /** The customer's scored sessions, most recently started first: their ids and latest scores. */
    List<Object[]> scoredSessionsNewestFirst(String customerId) {
        return jdbc.query("SELECT session_id, last_score FROM risk_session WHERE customer_id = ? AND last_score IS NOT NULL"
                        + " ORDER BY started_at DESC, session_id DESC",
                (rs, row) -> new Object[]{rs.getString(1), rs.getDouble(2)}, customerId);
    }

    @Override
    public String readModel() {
        return RiskWarningsProjection.PROCESSING_GROUP;
    }

    @Override
    public void forget(String customerId, Collection<String> streams) {
        jdbc.update("DELETE FROM risk_warning WHERE customer_id = ?", customerId);
        jdbc.update("DELETE FROM risk_complaint WHERE customer_id = ?", customerId);
        jdbc.update("DELETE FROM risk_session WHERE customer_id = ?", customerId);
    }

    void clear() {
        jdbc.update("DELETE FROM risk_warning");
        jdbc.update("DELETE FROM risk_complaint");
        jdbc.update("DELETE FROM risk_session");
    }

    /** Up to {@code fetch} warnings of the query, newest first. */
    List<RiskWarningView> find(FindRiskWarnings query, int fetch) {
        List<Object> args = new ArrayList<>();
        // agents and supervisors read these: never a restricted customer's
        StringBuilder where = new StringBuilder(PrivacyTables.notRestricted("customer_id"));
        if (query.customerId() != null) {
            where.append(" AND customer_id = ?");
            args.add(query.customerId().value());
        }
        if (query.reason() != null) {
            where.append(" AND reason = ?");
            args.add(query.reason().name());
        }
        if (query.from() != null) {
            where.append(" AND raised_at >= ?");
            args.add(utc(query.from()));
        }
        if (query.to() != null) {
            where.append(" AND raised_at < ?");
            args.add(utc(query.to()));
        }
        if (query.after() != null) {
            where.append(" AND (raised_at, warning_id) < (?, ?)");
            args.add(utc(query.after().raisedAt()));
            args.add(query.after().warningId());
        }
        args.add(fetch);
        return jdbc.query("SELECT * FROM risk_warning WHERE " + where
                + " ORDER BY raised_at DESC, warning_id DESC LIMIT ?", RiskTables::view, args.toArray());
    }

    private static RiskWarningView view(ResultSet rs, int row) throws SQLException {
        return new RiskWarningView(rs.getString("warning_id"), new CustomerId(rs.getString("customer_id")),
                RiskReason.valueOf(rs.getString("reason")), rs.getString("subject_type"), rs.getString("subject_id"),
                rs.getString("detail"), rs.getObject("raised_at", OffsetDateTime.class).toInstant(),
                rs.getLong("global_position"));
    }
}

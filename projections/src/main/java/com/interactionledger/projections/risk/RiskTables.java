package com.interactionledger.projections.risk;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.risk.FindRiskWarnings;
import com.interactionledger.contracts.risk.RiskReason;
import com.interactionledger.contracts.risk.RiskWarningView;
import com.interactionledger.ledger.sealing.ReadModelSeal;
import com.interactionledger.projections.privacy.PrivacyTables;
import com.interactionledger.projections.support.ReadModelTables;
import com.interactionledger.projections.support.VersionedRows;
import com.interactionledger.projections.support.Where;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static com.interactionledger.projections.support.VersionedRows.utc;

/**
 * The SQL of the early-warning read model, in one place. A warning found in what the customer wrote (escalation
 * language) names the terms it found there: its detail is stored sealed under the customer's key
 * ({@link ReadModelSeal}), like the text it comes from, and opened when read; the other warnings' details are counts,
 * ids and dates.
 */
@Component
public class RiskTables extends ReadModelTables {

    static final String DETAIL = "risk_warning.detail";
    /** The reasons whose detail is drawn from the customer's own text. */
    private static final Set<RiskReason> FROM_PERSONAL_TEXT = EnumSet.of(RiskReason.ESCALATION_LANGUAGE);

    private final ReadModelSeal seal;

    public RiskTables(JdbcTemplate jdbc, ReadModelSeal seal) {
        super(jdbc, RiskWarningsProjection.PROCESSING_GROUP, "risk_warning", "risk_complaint", "risk_session");
        this.seal = seal;
    }

    void raise(String warningId, String customerId, RiskReason reason, String subjectType, String subjectId,
               String detail, Instant raisedAt, long position) {
        String stored = FROM_PERSONAL_TEXT.contains(reason) ? seal.seal(customerId, DETAIL, detail) : detail;
        jdbc.update("INSERT INTO risk_warning (warning_id, customer_id, reason, subject_type, subject_id, detail,"
                        + " raised_at, global_position) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                warningId, customerId, reason.name(), subjectType, subjectId, stored, utc(raisedAt), position);
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
    public void forget(String customerId, Collection<String> streams) {
        deleteCustomer(customerId, "risk_warning", "risk_complaint", "risk_session");
    }

    /** Up to {@code fetch} warnings of the query, newest first. */
    List<RiskWarningView> find(FindRiskWarnings query, int fetch) {
        // agents and supervisors read these: never a restricted customer's
        Where where = new Where(PrivacyTables.notRestricted("customer_id"))
                .andIfPresent("customer_id = ?", query.customerId(), CustomerId::value)
                .andIfPresent("reason = ?", query.reason(), Enum::name)
                .andIfPresent("raised_at >= ?", query.from(), VersionedRows::utc)
                .andIfPresent("raised_at < ?", query.to(), VersionedRows::utc);
        if (query.after() != null) {
            where.and("(raised_at, warning_id) < (?, ?)", utc(query.after().raisedAt()), query.after().warningId());
        }
        ReadModelSeal.Opener opener = seal.opener();
        return jdbc.query("SELECT * FROM risk_warning WHERE " + where
                + " ORDER BY raised_at DESC, warning_id DESC LIMIT ?", (rs, row) -> view(rs, opener),
                where.args(fetch));
    }

    private static RiskWarningView view(ResultSet rs, ReadModelSeal.Opener opener) throws SQLException {
        RiskReason reason = RiskReason.valueOf(rs.getString("reason"));
        String detail = rs.getString("detail");
        return new RiskWarningView(rs.getString("warning_id"), new CustomerId(rs.getString("customer_id")), reason,
                rs.getString("subject_type"), rs.getString("subject_id"),
                FROM_PERSONAL_TEXT.contains(reason) ? opener.open(DETAIL, detail) : detail,
                rs.getObject("raised_at", OffsetDateTime.class).toInstant(), rs.getLong("global_position"));
    }
}

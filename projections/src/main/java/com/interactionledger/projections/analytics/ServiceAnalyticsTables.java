package com.interactionledger.projections.analytics;

import com.interactionledger.contracts.analytics.AnalyticsFilter;
import com.interactionledger.contracts.common.ParticipantRole;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.DialogueEvent;
import com.interactionledger.projections.privacy.PrivacyTables;
import com.interactionledger.projections.support.KeyedRows;
import com.interactionledger.projections.support.ReadModelBatches;
import com.interactionledger.projections.support.ReadModelTables;
import com.interactionledger.projections.support.VersionedRows;
import com.interactionledger.projections.support.Where;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static com.interactionledger.projections.support.VersionedRows.instant;
import static com.interactionledger.projections.support.VersionedRows.utc;

/** The SQL of the service-analytics read model, in one place. */
@Component
public class ServiceAnalyticsTables extends ReadModelTables {

    private static final String COLUMNS = "session_id, customer_id, channel, started_at, started_in_queue, continued_from_other,"
            + " first_queue, first_intent, first_customer_message_at, first_reply_at, handoff_at,"
            + " first_agent_reply_after_handoff_at, first_assigned_at, current_agent, handling_agent,"
            + " queue_entered_at, queue_millis, transfers, customer_messages, agent_messages, bot_messages, outcome, resolved_by, first_contact_resolution, ended_at,"
            + " continued_elsewhere, closed_at, csat, nps, product, version";

    private static final String INSERT = "INSERT INTO analytics_session (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
    /** Writes the facts back, unless a later event was applied already. */
    private static final String UPDATE = "UPDATE analytics_session SET "
            + COLUMNS.substring("session_id, ".length()).replace(",", " = ?,") + " = ? WHERE session_id = ? AND version < ?";

    /** The table as a batch of events reads and writes it: one query for its sessions, one write back. */
    private static final KeyedRows.Table<SessionFacts> SESSIONS = new KeyedRows.Table<>() {
        @Override
        public String select() {
            return "SELECT " + COLUMNS + " FROM analytics_session";
        }

        @Override
        public String keyColumn() {
            return "session_id";
        }

        @Override
        public RowMapper<SessionFacts> reader() {
            return ServiceAnalyticsTables::facts;
        }

        @Override
        public String key(SessionFacts row) {
            return row.sessionId;
        }

        @Override
        public String insert() {
            return INSERT;
        }

        @Override
        public Object[] insertValues(SessionFacts row) {
            return values(row).toArray();
        }

        @Override
        public String update() {
            return UPDATE;
        }

        @Override
        public Object[] updateValues(SessionFacts row) {
            List<Object> values = values(row);
            Object sessionId = values.remove(0);
            values.add(sessionId);
            values.add(row.version);
            return values.toArray();
        }
    };

    private final ReadModelBatches batches;

    public ServiceAnalyticsTables(JdbcTemplate jdbc, ReadModelBatches batches) {
        super(jdbc, ServiceAnalyticsProjection.PROCESSING_GROUP, "analytics_session");
        this.batches = batches;
    }

    /** The facts of a session that starts (unless they are there already: a redelivery). */
    void insert(SessionFacts facts) {
        sessions().create(facts);
    }

    /** The facts were changed: they are written back with the batch. */
    void update(SessionFacts facts) {
        sessions().changed(facts);
    }

    /** A session's facts as the batch being applied holds them. */
    Optional<SessionFacts> load(String sessionId) {
        return sessions().find(sessionId);
    }

    private KeyedRows<SessionFacts> sessions() {
        return batches.current().keyed(SESSIONS,
                payload -> payload instanceof DialogueEvent event ? event.sessionId().value() : null);
    }

    /**
     * The sessions the filter selects, never a restricted customer's; the segment and continuation conditions mirror
     * {@link SessionFacts}.
     */
    List<SessionFacts> selected(AnalyticsFilter filter) {
        Where where = new Where(PrivacyTables.notRestricted("customer_id"))
                .andIfPresent("started_at >= ?", filter.startedFrom(), VersionedRows::utc)
                .andIfPresent("started_at < ?", filter.startedTo(), VersionedRows::utc)
                .andIfPresent("channel = ?", filter.channel(), Enum::name)
                .andIfPresent("handling_agent = ?", filter.agent())
                .andIfPresent("first_queue = ?", filter.queue())
                .andIfPresent("first_intent = ?", filter.intent())
                .andIfPresent("product = ?", filter.product())
                .andIfPresent("continued_from_other = ?", filter.continued());
        if (filter.segment() != null) {
            where.and(switch (filter.segment()) {
                case HUMAN_ONLY -> "started_in_queue";
                case BOT_ONLY -> "NOT started_in_queue AND handoff_at IS NULL";
                case BOT_TO_HUMAN -> "NOT started_in_queue AND handoff_at IS NOT NULL";
            });
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM analytics_session WHERE " + where + " ORDER BY session_id",
                ServiceAnalyticsTables::facts, where.args());
    }

    @Override
    public void forget(String customerId, Collection<String> streams) {
        deleteWhereIn("analytics_session", "session_id", streams);
    }

    private static List<Object> values(SessionFacts f) {
        List<Object> values = new ArrayList<>();
        values.add(f.sessionId);
        values.add(f.customerId);
        values.add(f.channel.name());
        values.add(utc(f.startedAt));
        values.add(f.startedInQueue);
        values.add(f.continuedFromOther);
        values.add(f.firstQueue);
        values.add(f.firstIntent);
        values.add(utc(f.firstCustomerMessageAt));
        values.add(utc(f.firstReplyAt));
        values.add(utc(f.handoffAt));
        values.add(utc(f.firstAgentReplyAfterHandoffAt));
        values.add(utc(f.firstAssignedAt));
        values.add(f.currentAgent);
        values.add(f.handlingAgent);
        values.add(utc(f.queueEnteredAt));
        values.add(f.queueMillis);
        values.add(f.transfers);
        values.add(f.customerMessages);
        values.add(f.agentMessages);
        values.add(f.botMessages);
        values.add(f.outcome.name());
        values.add(f.resolvedBy == null ? null : f.resolvedBy.name());
        values.add(f.firstContactResolution);
        values.add(utc(f.endedAt));
        values.add(f.continuedElsewhere);
        values.add(utc(f.closedAt));
        values.add(f.csat);
        values.add(f.nps);
        values.add(f.product);
        values.add(f.version);
        return values;
    }

    private static SessionFacts facts(ResultSet rs, int row) throws SQLException {
        SessionFacts f = new SessionFacts();
        f.sessionId = rs.getString("session_id");
        f.customerId = rs.getString("customer_id");
        f.channel = Channel.valueOf(rs.getString("channel"));
        f.startedAt = instant(rs, "started_at");
        f.startedInQueue = rs.getBoolean("started_in_queue");
        f.continuedFromOther = rs.getBoolean("continued_from_other");
        f.firstQueue = rs.getString("first_queue");
        f.firstIntent = rs.getString("first_intent");
        f.firstCustomerMessageAt = instant(rs, "first_customer_message_at");
        f.firstReplyAt = instant(rs, "first_reply_at");
        f.handoffAt = instant(rs, "handoff_at");
        f.firstAgentReplyAfterHandoffAt = instant(rs, "first_agent_reply_after_handoff_at");
        f.firstAssignedAt = instant(rs, "first_assigned_at");
        f.currentAgent = rs.getString("current_agent");
        f.handlingAgent = rs.getString("handling_agent");
        f.queueEnteredAt = instant(rs, "queue_entered_at");
        f.queueMillis = rs.getLong("queue_millis");
        f.transfers = rs.getInt("transfers");
        f.customerMessages = rs.getInt("customer_messages");
        f.agentMessages = rs.getInt("agent_messages");
        f.botMessages = rs.getInt("bot_messages");
        f.outcome = SessionFacts.Outcome.valueOf(rs.getString("outcome"));
        f.resolvedBy = rs.getString("resolved_by") == null ? null : ParticipantRole.valueOf(rs.getString("resolved_by"));
        f.firstContactResolution = rs.getObject("first_contact_resolution", Boolean.class);
        f.endedAt = instant(rs, "ended_at");
        f.continuedElsewhere = rs.getBoolean("continued_elsewhere");
        f.closedAt = instant(rs, "closed_at");
        f.csat = rs.getObject("csat", Integer.class);
        f.nps = rs.getObject("nps", Integer.class);
        f.product = rs.getString("product");
        f.version = rs.getLong("version");
        return f;
    }
}

package com.interactionledger.projections.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.complaint.ComplaintId;
import com.interactionledger.contracts.journey.JourneyStep;
import com.interactionledger.contracts.common.LedgerSerialization;
import com.interactionledger.contracts.common.ParticipantRole;
import com.interactionledger.contracts.dialogue.AgentId;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.SessionId;
import com.interactionledger.contracts.dialogue.SessionStarted;
import com.interactionledger.contracts.dialogue.SessionState;
import com.interactionledger.contracts.dialogue.SocialNetwork;
import com.interactionledger.contracts.timeline.FindCustomerTimeline;
import com.interactionledger.contracts.timeline.FindSession;
import com.interactionledger.contracts.timeline.SessionSummary;
import com.interactionledger.contracts.timeline.TimelineCursor;
import com.interactionledger.contracts.timeline.TimelineEntryKind;
import com.interactionledger.contracts.timeline.TimelineEntryView;
import com.interactionledger.contracts.dialogue.DialogueEvent;
import com.interactionledger.ledger.sealing.ReadModelSeal;
import com.interactionledger.ledger.stored.Placeholders;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.interactionledger.projections.support.VersionedRows.instant;

/**
 * The SQL of the timeline read model, in one place: what the projection writes and what the queries read. The
 * same statements run on PostgreSQL and on H2 in PostgreSQL mode. The personal text it stores (an entry's content,
 * the personal fields of its details, a session's handoff context) is sealed under the customer's key
 * ({@link ReadModelSeal}) and opened when read, so an erasure shreds it on disk too.
 */
@Component
public class TimelineTables extends ReadModelTables {

    private static final ObjectMapper JSON = LedgerSerialization.objectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> DETAILS_MAP = new TypeReference<>() { };

    private static final KeyedRows.Table<Map<String, Object>> SESSIONS = VersionedRows.columns("timeline_session",
            List.of("session_id", "customer_id", "channel", "social_network", "entry_point", "language", "state",
                    "started_at", "ended_at", "queue", "agent_id", "continued_from", "continued_to", "handoff_context",
                    "last_intent", "last_sentiment", "resolution_code", "first_contact_resolution", "csat", "nps",
                    "message_count", "journey_id", "version"));
    /** The columns a session's first event leaves empty. */
    private static final List<String> SESSIONS_NULLS = List.of("ended_at", "agent_id", "continued_to",
            "handoff_context", "last_intent", "last_sentiment", "resolution_code", "first_contact_resolution", "csat",
            "nps");
    private static final String INSERT_ENTRY = """
            INSERT INTO timeline_entry (session_id, sequence_number, global_position, event_id, occurred_at, kind,
                actor_role, actor_id, content, details)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";

    static final String CONTENT = "timeline_entry.content";
    static final String DETAILS = "timeline_entry.details";
    static final String HANDOFF_CONTEXT = "timeline_session.handoff_context";

    private final ReadModelBatches batches;
    private final ReadModelSeal seal;

    public TimelineTables(JdbcTemplate jdbc, ReadModelBatches batches, ReadModelSeal seal) {
        super(jdbc, TimelineProjection.PROCESSING_GROUP, "timeline_entry", "timeline_session");
        this.batches = batches;
        this.seal = seal;
    }

    /** A session's row as the batch being applied holds it. */
    Optional<Map<String, Object>> session(String sessionId) {
        return sessions().find(sessionId);
    }

    /** The row of a session that starts (unless it is there already: a redelivery). */
    void insertSession(SessionStarted started, long sequence) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("session_id", started.sessionId().value());
        row.put("customer_id", started.customerId().value());
        row.put("channel", started.channel().name());
        row.put("social_network", started.socialNetwork() == null ? null : started.socialNetwork().name());
        row.put("entry_point", started.entryPoint());
        row.put("language", started.language());
        row.put("state", SessionState.initial(started).name());
        row.put("started_at", VersionedRows.utc(started.occurredAt()));
        row.put("queue", started.queue());
        row.put("continued_from", started.continuedFrom() == null ? null : started.continuedFrom().value());
        row.put("message_count", 0);
        row.put("journey_id", journeyOf(started));
        row.put("version", sequence);
        SESSIONS_NULLS.forEach(column -> row.putIfAbsent(column, null));
        sessions().create(row);
    }

    /**
     * The journey a starting session belongs to: its own, unless it continues another session, whose journey it
     * joins. The session continued is the same customer's, so its row was written before (the processor is sequenced
     * per customer): in this batch, or in the table.
     */
    private String journeyOf(SessionStarted started) {
        if (started.continuedFrom() == null) {
            return started.sessionId().value();
        }
        String previous = started.continuedFrom().value();
        Optional<Map<String, Object>> inBatch = sessions().find(previous);
        String journey = inBatch.map(row -> (String) row.get("journey_id")).orElseGet(() -> jdbc.query(
                "SELECT journey_id FROM timeline_session WHERE session_id = ?",
                (rs, row) -> rs.getString(1), previous).stream().findFirst().orElse(null));
        // A continuation of a session the timeline never saw (erased and forgotten) starts a journey of its own.
        return journey == null ? started.sessionId().value() : journey;
    }

    /** Applies the changed columns and the new version to the session's row (written with the batch). */
    void updateSession(Map<String, Object> row, long sequence, Map<String, Object> changes) {
        if (changes.get("handoff_context") instanceof String context) {
            changes.put("handoff_context", seal.seal((String) row.get("customer_id"), HANDOFF_CONTEXT, context));
        }
        VersionedRows.apply(row, sequence, changes);
        sessions().changed(row);
    }

    void insertEntry(TimelineEntries.Entry entry) {
        ReadModelSeal.Sealer sealer = seal.sealerFor(entry.customerId());
        ObjectNode details = sealer.sealPersonal(TimelineEntries.typeOf(entry.kind()),
                JSON.valueToTree(entry.details()), DETAILS);
        batches.current().write(INSERT_ENTRY, entry.sessionId(), entry.sequence(), entry.position(), entry.eventId(),
                VersionedRows.utc(entry.occurredAt()), entry.kind().name(), entry.actorRole(), entry.actorId(),
                sealer.seal(CONTENT, entry.content()), json(details));
    }

    @Override
    public void writeBatch() {
        batches.writeCurrentNow();
    }

    private KeyedRows<Map<String, Object>> sessions() {
        return batches.current().keyed(SESSIONS,
                payload -> payload instanceof DialogueEvent event ? event.sessionId().value() : null);
    }

    @Override
    public void forget(String customerId, Collection<String> streams) {
        deleteWhereIn("timeline_entry", "session_id", streams);
        deleteCustomer(customerId, "timeline_session");
    }

    // ---- reads ----

    /** Up to {@code fetch} sessions of the query, without their entries. */
    List<SessionSummary> sessionsOf(FindCustomerTimeline query, int fetch) {
        Where where = new Where("customer_id = ?", query.customerId().value())
                .andIfPresent("started_at >= ?", query.from(), VersionedRows::utc)
                .andIfPresent("started_at < ?", query.to(), VersionedRows::utc);
        String direction = query.newestFirst() ? "DESC" : "ASC";
        if (query.after() != null) {
            where.and(query.newestFirst() ? "(started_at, session_id) < (?, ?)" : "(started_at, session_id) > (?, ?)",
                    VersionedRows.utc(query.after().startedAt()), query.after().sessionId().value());
        }
        return jdbc.query("SELECT * FROM timeline_session WHERE " + where
                + " ORDER BY started_at " + direction + ", session_id " + direction + " LIMIT ?",
                sessionRow(seal.opener()), where.args(fetch));
    }

    /** A session's summary, without its entries. */
    Optional<SessionSummary> session(SessionId session) {
        return jdbc.query("SELECT * FROM timeline_session WHERE session_id = ?", sessionRow(seal.opener()),
                session.value()).stream().findFirst();
    }

    /** Up to {@code fetch} entries of the query's session in recorded order, after its cursor. */
    List<TimelineEntryView> entriesOf(FindSession query, int fetch) {
        ReadModelSeal.Opener opener = seal.opener();
        Where where = new Where("session_id = ?", query.sessionId().value())
                .andIfPresent("sequence_number > ?", query.afterSequence());
        return jdbc.query("SELECT * FROM timeline_entry WHERE " + where + " ORDER BY sequence_number LIMIT ?",
                (rs, row) -> entry(rs, opener), where.args(fetch));
    }

    /** The first sessions of a customer's journeys, newest first, after the cursor: each journey's key. */
    List<TimelineCursor> journeysOf(CustomerId customer, TimelineCursor after, int fetch) {
        Where where = new Where("customer_id = ?", customer.value()).and("session_id = journey_id");
        if (after != null) {
            where.and("(started_at, session_id) < (?, ?)", VersionedRows.utc(after.startedAt()),
                    after.sessionId().value());
        }
        return jdbc.query("SELECT session_id, started_at FROM timeline_session WHERE " + where
                        + " ORDER BY started_at DESC, session_id DESC LIMIT ?",
                (rs, row) -> new TimelineCursor(instant(rs, "started_at"), new SessionId(rs.getString("session_id"))),
                where.args(fetch));
    }

    /**
     * The sessions of these journeys of a customer, each with the context carried into it at a switch (the
     * continuation summary, opened for this answer) and the complaints raised from it (the complaints read model's).
     */
    List<Journeys.Leg> legsOf(CustomerId customer, Collection<String> journeys) {
        if (journeys.isEmpty()) {
            return List.of();
        }
        ReadModelSeal.Opener opener = seal.opener();
        List<Object> args = new ArrayList<>(List.of(customer.value()));
        args.addAll(journeys);
        Map<String, String> carried = new HashMap<>();
        jdbc.query("SELECT e.session_id, e.content FROM timeline_entry e JOIN timeline_session s"
                        + " ON s.session_id = e.session_id WHERE s.customer_id = ? AND s.journey_id IN ("
                        + Placeholders.of(journeys.size()) + ") AND s.continued_from IS NOT NULL"
                        + " AND e.kind = 'SESSION_STARTED'",
                (ResultSet rs) -> {
                    carried.put(rs.getString(1), opener.open(CONTENT, rs.getString(2)));
                }, args.toArray());
        Map<String, List<ComplaintId>> complaints = new HashMap<>();
        jdbc.query("SELECT complaint_id, sessions FROM complaint_summary WHERE customer_id = ? ORDER BY received_at,"
                        + " complaint_id",
                (ResultSet rs) -> {
                    String sessions = rs.getString("sessions");
                    String[] raisedFrom = sessions == null || sessions.isEmpty() ? new String[0] : sessions.split(",");
                    for (String session : raisedFrom) {
                        complaints.computeIfAbsent(session, key -> new ArrayList<>())
                                .add(new ComplaintId(rs.getString("complaint_id")));
                    }
                }, customer.value());
        return jdbc.query("SELECT * FROM timeline_session WHERE customer_id = ? AND journey_id IN ("
                        + Placeholders.of(journeys.size()) + ") ORDER BY started_at, session_id",
                (rs, row) -> leg(rs, carried.get(rs.getString("session_id")),
                        complaints.getOrDefault(rs.getString("session_id"), List.of())), args.toArray());
    }

    /**
     * The sessions of the journeys first contacted in [{@code from}, {@code to}) (on {@code entryChannel}, if given),
     * never a restricted customer's, without their text: what the journey figures need.
     */
    List<Journeys.Leg> legsStartedIn(Instant from, Instant to, Channel entryChannel) {
        Where first = new Where("f.session_id = f.journey_id")
                .and("f.started_at >= ?", VersionedRows.utc(from)).and("f.started_at < ?", VersionedRows.utc(to))
                .andIfPresent("f.channel = ?", entryChannel, Enum::name)
                .and(PrivacyTables.notRestricted("f.customer_id"));
        return jdbc.query("SELECT s.* FROM timeline_session s WHERE s.journey_id IN (SELECT f.session_id FROM"
                        + " timeline_session f WHERE " + first + ") ORDER BY s.started_at, s.session_id",
                (rs, row) -> leg(rs, null, List.of()), first.args());
    }

    private static Journeys.Leg leg(ResultSet rs, String contextCarried, List<ComplaintId> complaints)
            throws SQLException {
        return new Journeys.Leg(rs.getString("journey_id"), new JourneyStep(new SessionId(rs.getString("session_id")),
                Channel.valueOf(rs.getString("channel")), SessionState.valueOf(rs.getString("state")),
                instant(rs, "started_at"), instant(rs, "ended_at"), contextCarried, rs.getString("resolution_code"),
                rs.getObject("csat", Integer.class)), complaints);
    }

    /** A session's row as its summary, its personal text opened by {@code opener} (one per answer). */
    private static RowMapper<SessionSummary> sessionRow(ReadModelSeal.Opener opener) {
        return (rs, row) -> new SessionSummary(
                new SessionId(rs.getString("session_id")),
                new CustomerId(rs.getString("customer_id")),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("social_network") == null ? null : SocialNetwork.valueOf(rs.getString("social_network")),
                rs.getString("entry_point"),
                rs.getString("language"),
                SessionState.valueOf(rs.getString("state")),
                instant(rs, "started_at"),
                instant(rs, "ended_at"),
                rs.getString("queue"),
                rs.getString("agent_id") == null ? null : new AgentId(rs.getString("agent_id")),
                rs.getString("continued_from") == null ? null : new SessionId(rs.getString("continued_from")),
                rs.getString("continued_to") == null ? null : new SessionId(rs.getString("continued_to")),
                opener.open(HANDOFF_CONTEXT, rs.getString("handoff_context")),
                rs.getString("last_intent"),
                rs.getObject("last_sentiment", Double.class),
                rs.getString("resolution_code"),
                rs.getObject("first_contact_resolution", Boolean.class),
                rs.getObject("csat", Integer.class),
                rs.getObject("nps", Integer.class),
                rs.getInt("message_count"),
                rs.getLong("version"));
    }

    private static TimelineEntryView entry(ResultSet rs, ReadModelSeal.Opener opener) throws SQLException {
        String role = rs.getString("actor_role");
        TimelineEntryKind kind = TimelineEntryKind.valueOf(rs.getString("kind"));
        return new TimelineEntryView(
                rs.getLong("sequence_number"),
                rs.getLong("global_position"),
                instant(rs, "occurred_at"),
                kind,
                role == null ? null : ParticipantRole.valueOf(role),
                rs.getString("actor_id"),
                opener.open(CONTENT, rs.getString("content")),
                details(rs.getString("details"), kind, opener));
    }

    private static String json(ObjectNode details) {
        try {
            return JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize timeline details", e);
        }
    }

    /** An entry's details with their personal fields opened: only those its event type marks personal. */
    private static Map<String, Object> details(String json, TimelineEntryKind kind, ReadModelSeal.Opener opener) {
        try {
            ObjectNode details = (ObjectNode) JSON.readTree(json);
            opener.openPersonal(TimelineEntries.typeOf(kind), details, DETAILS);
            return JSON.convertValue(details, DETAILS_MAP);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("unreadable timeline details", e);
        }
    }
}

package com.interactionledger.projections.complaints;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.complaint.ClockStatus;
import com.interactionledger.contracts.complaint.ClockType;
import com.interactionledger.contracts.complaint.ClockView;
import com.interactionledger.contracts.complaint.ComplaintClocksSet;
import com.interactionledger.contracts.complaint.ComplaintCursor;
import com.interactionledger.contracts.complaint.ComplaintFilter;
import com.interactionledger.contracts.complaint.ComplaintId;
import com.interactionledger.contracts.complaint.ComplaintLodged;
import com.interactionledger.contracts.complaint.ComplaintOutcome;
import com.interactionledger.contracts.complaint.ComplaintState;
import com.interactionledger.contracts.complaint.ComplaintView;
import com.interactionledger.contracts.complaint.Jurisdiction;
import com.interactionledger.contracts.complaint.ListComplaints;
import com.interactionledger.contracts.complaint.Money;
import com.interactionledger.contracts.complaint.Redress;
import com.interactionledger.contracts.complaint.ReferralBody;
import com.interactionledger.contracts.complaint.RegulatoryClock;
import com.interactionledger.contracts.complaint.ServiceRegime;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.SessionId;
import com.interactionledger.ledger.sealing.ReadModelSeal;
import com.interactionledger.contracts.complaint.ComplaintEvent;
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

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static com.interactionledger.projections.support.VersionedRows.instant;
import static com.interactionledger.projections.support.VersionedRows.utc;

/**
 * The SQL of the complaint read model, in one place: what the projection writes and what the queries read. The
 * same statements run on PostgreSQL and on H2 in PostgreSQL mode. A complaint's description, the customer's own
 * words, is stored sealed under the customer's key ({@link ReadModelSeal}) and opened when read.
 */
@Component
public class ComplaintTables extends ReadModelTables {

    static final String OPEN_STATES = Arrays.stream(ComplaintState.values()).filter(ComplaintState::isOpen)
            .map(state -> "'" + state.name() + "'").collect(Collectors.joining(", "));

    static final String DESCRIPTION = "complaint_summary.description";

    /** The columns of a complaint's row, its key first and its version last. */
    private static final List<String> SUMMARY_COLUMNS = List.of("complaint_id", "customer_id", "sessions", "channel",
            "product", "sub_product", "category", "sub_category", "description", "amount_in_dispute",
            "dispute_currency", "jurisdiction", "regime", "state", "received_at", "acknowledged_at", "handler_id",
            "team", "holding_response_at", "extension_tier", "resolved_at", "first_resolved_at", "outcome",
            "redress_amount", "redress_currency", "redress_non_monetary", "summary_resolution", "referred_to",
            "reopened", "first_final_due_at", "ever_breached", "source_system", "source_record_id", "source_channel",
            "sent_to_company_on", "company_response", "source_timely", "source_disputed", "company", "version");

    /**
     * Every column of a complaint's row, as a batch of events keeps it in memory (read once for all the batch's
     * complaints, changed by each event, written back once: an imported complaint's five events are one insert).
     */
    private static final KeyedRows.Table<Map<String, Object>> SUMMARIES = VersionedRows.columns("complaint_summary",
            SUMMARY_COLUMNS);

    private static final String INDEX_SESSION = "INSERT INTO complaint_session_index (session_id, customer_id,"
            + " channel, started_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING";

    private final ReadModelSeal seal;
    private final ReadModelBatches batches;

    public ComplaintTables(JdbcTemplate jdbc, ReadModelSeal seal, ReadModelBatches batches) {
        super(jdbc, ComplaintsProjection.PROCESSING_GROUP, "complaint_clock", "complaint_summary",
                "complaint_session_index");
        this.seal = seal;
        this.batches = batches;
    }

    // ---- writes (the projection) ----

    record Standing(ComplaintState state, long version, Instant acknowledgedAt, Instant firstResolvedAt,
                    int reopened) {
    }

    void indexSession(String sessionId, String customerId, Channel channel, Instant startedAt) {
        batches.current().write(INDEX_SESSION, sessionId, customerId, channel.name(), utc(startedAt));
    }

    void insertComplaint(ComplaintLodged lodged, long sequence) {
        Money amount = lodged.amountInDispute();
        Map<String, Object> row = new LinkedHashMap<>();
        SUMMARY_COLUMNS.forEach(column -> row.put(column, null));
        row.put("complaint_id", lodged.complaintId().value());
        row.put("customer_id", lodged.customerId().value());
        row.put("sessions", lodged.sessions().stream().map(SessionId::value).collect(Collectors.joining(",")));
        row.put("channel", lodged.channel().name());
        row.put("product", lodged.product());
        row.put("sub_product", lodged.subProduct());
        row.put("category", lodged.category());
        row.put("sub_category", lodged.subCategory());
        row.put("description", seal.seal(lodged.customerId().value(), DESCRIPTION, lodged.description()));
        row.put("amount_in_dispute", amount == null ? null : amount.amount().toPlainString());
        row.put("dispute_currency", amount == null ? null : amount.currency());
        row.put("jurisdiction", lodged.jurisdiction().name());
        row.put("regime", lodged.regime().name());
        row.put("state", ComplaintState.RECEIVED.name());
        row.put("received_at", utc(lodged.occurredAt()));
        row.put("extension_tier", 0);
        row.put("reopened", 0);
        row.put("ever_breached", false);
        row.put("version", sequence);
        summaries().create(row);
    }

    /** Where the complaint stands, from its row in the batch (read with the batch's other complaints). */
    Optional<Standing> standing(ComplaintId complaint) {
        return summaries().find(complaint.value()).map(row -> new Standing(
                ComplaintState.valueOf((String) row.get("state")), VersionedRows.version(row),
                VersionedRows.instantOf(row.get("acknowledged_at")),
                VersionedRows.instantOf(row.get("first_resolved_at")), ((Number) row.get("reopened")).intValue()));
    }

    /** Applies the event's changes to the complaint's row in the batch, written back with the batch. */
    void updateComplaint(ComplaintId complaint, long sequence, Map<String, Object> changes) {
        KeyedRows<Map<String, Object>> rows = summaries();
        rows.find(complaint.value()).filter(row -> VersionedRows.version(row) < sequence).ifPresent(row -> {
            VersionedRows.apply(row, sequence, changes);
            rows.changed(row);
        });
    }

    @Override
    public void writeBatch() {
        batches.writeCurrentNow();
    }

    private KeyedRows<Map<String, Object>> summaries() {
        return batches.current().keyed(SUMMARIES,
                payload -> payload instanceof ComplaintEvent event ? event.complaintId().value() : null);
    }

    /** New clocks replace the old; a clock whose due date did not change keeps its warning and breach marks. */
    void replaceClocks(ComplaintClocksSet event) {
        String complaint = event.complaintId().value();
        Map<String, Instant[]> marks = new HashMap<>();
        jdbc.query("SELECT clock_type, due_at, warned_at, breached_at FROM complaint_clock WHERE complaint_id = ?",
                (ResultSet rs) -> {
                    marks.put(rs.getString(1) + "@" + instant(rs, "due_at"),
                            new Instant[]{instant(rs, "warned_at"), instant(rs, "breached_at")});
                }, complaint);
        jdbc.update("DELETE FROM complaint_clock WHERE complaint_id = ?", complaint);
        for (RegulatoryClock clock : event.clocks()) {
            Instant[] kept = marks.getOrDefault(clock.type().name() + "@" + clock.dueAt(), new Instant[2]);
            jdbc.update("INSERT INTO complaint_clock (complaint_id, clock_type, due_date, due_at, paused, breachable,"
                            + " provisional, basis, warned_at, breached_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    complaint, clock.type().name(), clock.dueDate(), utc(clock.dueAt()), clock.paused(),
                    clock.breachable(), clock.provisional(), clock.basis(), utc(kept[0]), utc(kept[1]));
        }
    }

    void markClock(ComplaintId complaint, ClockType clock, Instant dueAt, String column, Instant at) {
        jdbc.update("UPDATE complaint_clock SET " + column + " = ? WHERE complaint_id = ? AND clock_type = ?"
                + " AND due_at = ?", utc(at), complaint.value(), clock.name(), utc(dueAt));
    }

    @Override
    public void forget(String customerId, Collection<String> streams) {
        deleteWhereIn("complaint_clock", "complaint_id", streams);
        deleteCustomer(customerId, "complaint_summary");
        deleteWhereIn("complaint_session_index", "session_id", streams);
    }

    // ---- reads (the queries) ----

    Optional<ComplaintView> find(ComplaintId complaint, Instant at) {
        return withClocks(jdbc.query("SELECT * FROM complaint_summary WHERE complaint_id = ?",
                summaries(seal.opener()), complaint.value()), at).stream().findFirst();
    }

    /** Up to {@code fetch} complaints of the query, newest received first. */
    List<ComplaintView> list(ListComplaints query, int fetch) {
        Where where = where(query.filter());
        if (query.clocks() == ListComplaints.ClockSituation.OVERDUE) {
            where.and("s.state IN (" + OPEN_STATES + ")"
                    + " AND EXISTS (SELECT 1 FROM complaint_clock k WHERE k.complaint_id = s.complaint_id AND k.breachable"
                    + " AND (k.breached_at IS NOT NULL OR (k.due_at <= ? AND NOT k.paused))"
                    + " AND NOT (k.clock_type = 'CFPB_RESPONSE' AND s.holding_response_at IS NOT NULL))",
                    utc(query.at()));
        } else if (query.clocks() == ListComplaints.ClockSituation.DUE_SOON) {
            where.and("s.state IN (" + OPEN_STATES + ")"
                    + " AND EXISTS (SELECT 1 FROM complaint_clock k WHERE k.complaint_id = s.complaint_id AND k.breachable"
                    + " AND NOT k.paused AND k.breached_at IS NULL AND k.due_at > ? AND k.due_at <= ?"
                    + " AND NOT (k.clock_type = 'CFPB_RESPONSE' AND s.holding_response_at IS NOT NULL))",
                    utc(query.at()), utc(query.at().plus(query.dueWithin())));
        }
        if (query.after() != null) {
            where.and("(s.received_at, s.complaint_id) < (?, ?)", utc(query.after().receivedAt()),
                    query.after().complaintId().value());
        }
        return jdbc.query("SELECT s.* FROM complaint_summary s WHERE " + where
                + " ORDER BY s.received_at DESC, s.complaint_id DESC LIMIT ?", summaries(seal.opener()),
                where.args(fetch));
    }

    /** The rows the statistics are computed from. */
    record FigureRow(String product, String category, String channel, String jurisdiction, Instant receivedAt,
                     Instant firstResolvedAt, Instant firstFinalDueAt, String outcome, BigDecimal redressAmount,
                     String redressCurrency, boolean everBreached, String companyResponse, String sourceChannel,
                     Boolean sourceTimely) {
    }

    List<FigureRow> figureRows(ComplaintFilter filter) {
        Where where = where(filter);
        return jdbc.query("SELECT product, category, channel, jurisdiction, received_at, first_resolved_at,"
                        + " first_final_due_at, outcome, redress_amount, redress_currency, ever_breached,"
                        + " company_response, source_channel, source_timely FROM complaint_summary s WHERE " + where,
                (rs, row) -> new FigureRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        instant(rs, "received_at"), instant(rs, "first_resolved_at"), instant(rs, "first_final_due_at"),
                        rs.getString(8), decimal(rs.getString(9)), rs.getString(10), rs.getBoolean(11),
                        rs.getString(12), rs.getString(13), (Boolean) rs.getObject(14)),
                where.args());
    }

    /** A customer's complaints received in a window, in order of receipt (then id). */
    record CustomerComplaints(String customerId, List<ComplaintId> complaintIds, List<Instant> receivedAt) {
    }

    /**
     * Up to {@code fetch} customers with at least {@code minimum} complaints received in [from, to), with those
     * complaints, ordered by each one's first complaint in the window (its receipt, then its id) and starting after
     * {@code after}. One statement: the window selects the rows read (it is bounded like a figure's), the limit the
     * customers answered.
     */
    List<CustomerComplaints> repeatComplainants(Instant from, Instant to, int minimum, ComplaintCursor after,
                                                int fetch) {
        Where firsts = new Where("nth = 1 AND complaints >= ?", minimum);
        if (after != null) {
            firsts.and("(received_at, complaint_id) > (?, ?)", utc(after.receivedAt()), after.complaintId().value());
        }
        // The window's bounds twice: once to find the page's customers, once to read their complaints.
        List<Object> args = new ArrayList<>(List.of(utc(from), utc(to)));
        args.addAll(Arrays.asList(firsts.args(fetch, utc(from), utc(to))));
        Map<String, CustomerComplaints> byCustomer = new LinkedHashMap<>();
        jdbc.query("SELECT c.customer_id, c.complaint_id, c.received_at FROM complaint_summary c JOIN ("
                        + " SELECT customer_id, received_at, complaint_id FROM ("
                        + "  SELECT customer_id, received_at, complaint_id,"
                        + "   COUNT(*) OVER (PARTITION BY customer_id) AS complaints,"
                        + "   ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY received_at, complaint_id) AS nth"
                        + "  FROM complaint_summary WHERE received_at >= ? AND received_at < ?"
                        + "  AND " + PrivacyTables.notRestricted("customer_id")
                        + " ) w WHERE " + firsts + " ORDER BY received_at, complaint_id LIMIT ?"
                        + ") f ON f.customer_id = c.customer_id WHERE c.received_at >= ? AND c.received_at < ?"
                        + " ORDER BY f.received_at, f.complaint_id, c.received_at, c.complaint_id",
                (ResultSet rs) -> {
                    CustomerComplaints customer = byCustomer.computeIfAbsent(rs.getString(1),
                            id -> new CustomerComplaints(id, new ArrayList<>(), new ArrayList<>()));
                    customer.complaintIds().add(new ComplaintId(rs.getString(2)));
                    customer.receivedAt().add(instant(rs, "received_at"));
                }, args.toArray());
        return new ArrayList<>(byCustomer.values());
    }

    /** Sessions started and complaints received per channel in [from, to). */
    Map<Channel, long[]> sessionsAndComplaintsByChannel(Instant from, Instant to) {
        Map<Channel, long[]> counts = new java.util.EnumMap<>(Channel.class);
        jdbc.query("SELECT channel, COUNT(*) FROM complaint_session_index WHERE started_at >= ? AND started_at < ?"
                + " AND " + PrivacyTables.notRestricted("customer_id") + " GROUP BY channel", (ResultSet rs) -> {
                    counts.computeIfAbsent(Channel.valueOf(rs.getString(1)), key -> new long[2])[0] = rs.getLong(2);
                }, utc(from), utc(to));
        jdbc.query("SELECT channel, COUNT(*) FROM complaint_summary WHERE received_at >= ? AND received_at < ?"
                + " AND " + PrivacyTables.notRestricted("customer_id") + " GROUP BY channel", (ResultSet rs) -> {
                    counts.computeIfAbsent(Channel.valueOf(rs.getString(1)), key -> new long[2])[1] = rs.getLong(2);
                }, utc(from), utc(to));
        return counts;
    }

    /** The rows of a list or of the figures: never a restricted customer's (agents and analysts read these). */
    private static Where where(ComplaintFilter filter) {
        Where where = new Where(PrivacyTables.notRestricted("s.customer_id"))
                .andIfPresent("s.customer_id = ?", filter.customerId(), CustomerId::value)
                .andIfPresent("s.state = ?", filter.state(), Enum::name);
        if (filter.openOnly()) {
            where.and("s.state IN (" + OPEN_STATES + ")");
        }
        return where.andIfPresent("s.jurisdiction = ?", filter.jurisdiction(), Enum::name)
                .andIfPresent("s.product = ?", filter.product())
                .andIfPresent("s.category = ?", filter.category())
                .andIfPresent("s.channel = ?", filter.channel(), Enum::name)
                .andIfPresent("s.received_at >= ?", filter.receivedFrom(), VersionedRows::utc)
                .andIfPresent("s.received_at < ?", filter.receivedTo(), VersionedRows::utc);
    }

    /** The same complaints, each with its clocks and their status at {@code at} (one query for all of them). */
    List<ComplaintView> withClocks(List<ComplaintView> complaints, Instant at) {
        if (complaints.isEmpty()) {
            return complaints;
        }
        Map<String, List<Object[]>> clocks = new HashMap<>();
        jdbc.query("SELECT * FROM complaint_clock WHERE complaint_id IN ("
                        + Placeholders.of(complaints.size()) + ")",
                (ResultSet rs) -> {
                    clocks.computeIfAbsent(rs.getString("complaint_id"), key -> new ArrayList<>()).add(new Object[]{
                            ClockType.valueOf(rs.getString("clock_type")), rs.getObject("due_date", LocalDate.class),
                            instant(rs, "due_at"), rs.getBoolean("paused"), rs.getBoolean("breachable"),
                            rs.getString("basis"), instant(rs, "warned_at"), instant(rs, "breached_at"),
                            rs.getBoolean("provisional")});
                },
                complaints.stream().map(view -> view.complaintId().value()).toArray());
        return complaints.stream().map(view -> {
            List<ClockView> views = clocks.getOrDefault(view.complaintId().value(), List.of()).stream()
                    .sorted(Comparator.comparing(clock -> (ClockType) clock[0]))
                    .map(clock -> new ClockView((ClockType) clock[0], (LocalDate) clock[1], (Instant) clock[2],
                            ClockStatuses.status(view, (ClockType) clock[0], (Instant) clock[2], (boolean) clock[3],
                                    (boolean) clock[4], (Instant) clock[7], at),
                            (boolean) clock[8], (String) clock[5], (Instant) clock[6], (Instant) clock[7]))
                    .toList();
            return new ComplaintView(view.complaintId(), view.customerId(), view.sessions(), view.channel(),
                    view.product(), view.subProduct(), view.category(), view.subCategory(), view.description(),
                    view.amountInDispute(), view.jurisdiction(), view.regime(), view.state(), view.receivedAt(),
                    view.acknowledgedAt(), view.handlerId(), view.team(), view.holdingResponseAt(),
                    view.extensionTier(), view.resolvedAt(), view.outcome(), view.redress(), view.summaryResolution(),
                    view.referredTo(), view.reopened(), view.version(), views);
        }).toList();
    }

    /** Complaint rows as views, their descriptions opened by {@code opener} (one per answer). */
    private static RowMapper<ComplaintView> summaries(ReadModelSeal.Opener opener) {
        return (rs, row) -> summary(rs, opener);
    }

    private static ComplaintView summary(ResultSet rs, ReadModelSeal.Opener opener) throws SQLException {
        String sessions = rs.getString("sessions");
        BigDecimal disputed = decimal(rs.getString("amount_in_dispute"));
        BigDecimal redressAmount = decimal(rs.getString("redress_amount"));
        String outcome = rs.getString("outcome");
        String referredTo = rs.getString("referred_to");
        return new ComplaintView(
                new ComplaintId(rs.getString("complaint_id")),
                new CustomerId(rs.getString("customer_id")),
                sessions == null || sessions.isEmpty() ? List.of()
                        : Arrays.stream(sessions.split(",")).map(SessionId::new).toList(),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("product"),
                rs.getString("sub_product"),
                rs.getString("category"),
                rs.getString("sub_category"),
                opener.open(DESCRIPTION, rs.getString("description")),
                disputed == null ? null : new Money(disputed, rs.getString("dispute_currency")),
                Jurisdiction.valueOf(rs.getString("jurisdiction")),
                ServiceRegime.valueOf(rs.getString("regime")),
                ComplaintState.valueOf(rs.getString("state")),
                instant(rs, "received_at"),
                instant(rs, "acknowledged_at"),
                rs.getString("handler_id"),
                rs.getString("team"),
                instant(rs, "holding_response_at"),
                rs.getInt("extension_tier"),
                instant(rs, "resolved_at"),
                outcome == null ? null : ComplaintOutcome.valueOf(outcome),
                outcome == null ? null : new Redress(
                        redressAmount == null ? null : new Money(redressAmount, rs.getString("redress_currency")),
                        rs.getString("redress_non_monetary")),
                rs.getObject("summary_resolution", Boolean.class),
                referredTo == null ? null : ReferralBody.valueOf(referredTo),
                rs.getInt("reopened"),
                rs.getLong("version"),
                List.of());
    }

    private static BigDecimal decimal(String stored) {
        return stored == null ? null : new BigDecimal(stored);
    }
}

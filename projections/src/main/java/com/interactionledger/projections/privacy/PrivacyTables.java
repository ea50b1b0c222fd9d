package com.interactionledger.projections.privacy;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.CustomerScoped;
import com.interactionledger.contracts.complaint.ComplaintEvent;
import com.interactionledger.contracts.complaint.ComplaintId;
import com.interactionledger.contracts.complaint.Jurisdiction;
import com.interactionledger.ledger.stored.Placeholders;
import com.interactionledger.projections.support.KeyedRows;
import com.interactionledger.projections.support.ReadModelBatches;
import com.interactionledger.projections.support.ReadModelTables;
import com.interactionledger.projections.support.VersionedRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.interactionledger.projections.support.VersionedRows.instant;
import static com.interactionledger.projections.support.VersionedRows.utc;

/**
 * The SQL of the privacy read model. Each row remembers the global position of the last event applied to it (the
 * processor is sequenced per customer, so a customer's events come in ledger order): a redelivered or replayed event
 * changes nothing.
 */
@Component
public class PrivacyTables extends ReadModelTables {

    /**
     * A condition on a row naming its customer in {@code column}: true unless processing of that customer's data is
     * restricted. Read models that serve agents and analysts leave restricted customers out with it. The column stands
     * outside the subquery, so an unqualified name is the caller's own (inside a correlated subquery it was read as the
     * subquery's {@code customer_id}: restricting one customer emptied every figure — RestrictionAndRetentionTest).
     */
    public static String notRestricted(String column) {
        return "(" + column + " IS NULL OR " + column
                + " NOT IN (SELECT pr.customer_id FROM privacy_customer pr WHERE pr.restricted))";
    }

    private static final KeyedRows.Table<Map<String, Object>> CUSTOMERS = VersionedRows.columns("privacy_customer",
            List.of("customer_id", "restricted", "restricted_since", "erased_at", "last_session_at",
                    "last_complaint_at", "version"));

    /** Each complaint's jurisdiction and last activity: a complaint's retention period depends on its regulator. */
    private static final KeyedRows.Table<Map<String, Object>> COMPLAINTS = VersionedRows.columns("privacy_complaint",
            List.of("complaint_id", "customer_id", "jurisdiction", "last_at", "version"));

    private final ReadModelBatches batches;

    public PrivacyTables(JdbcTemplate jdbc, ReadModelBatches batches) {
        super(jdbc, PrivacyProjection.PROCESSING_GROUP, "privacy_legal_hold", "privacy_complaint",
                "privacy_customer");
        this.batches = batches;
    }

    /**
     * Applies the event at {@code position} to the customer's row (in the batch, written with it): {@code changes}
     * by column (none: the row only records that it saw the event). False when the row has seen this position
     * already (the caller then changes nothing).
     */
    boolean apply(String customerId, long position, Map<String, Object> changes) {
        Map<String, Object> row = row(customerId);
        if (VersionedRows.version(row) >= position) {
            return false;
        }
        VersionedRows.apply(row, position, changes);
        customers().changed(row);
        return true;
    }

    /** Moves the customer's last activity in {@code column} forward to {@code at} (never back). */
    void lastActive(String customerId, long position, String column, Instant at) {
        Instant current = VersionedRows.instantOf(row(customerId).get(column));
        Map<String, Object> changes = new HashMap<>();
        if (current == null || current.isBefore(at)) {
            changes.put(column, at);
        }
        apply(customerId, position, changes);
    }

    private Map<String, Object> row(String customerId) {
        KeyedRows<Map<String, Object>> rows = customers();
        return rows.find(customerId).orElseGet(() -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("customer_id", customerId);
            row.put("restricted", false);
            row.put("restricted_since", null);
            row.put("erased_at", null);
            row.put("last_session_at", null);
            row.put("last_complaint_at", null);
            row.put("version", 0L);
            return rows.create(row);
        });
    }

    private KeyedRows<Map<String, Object>> customers() {
        return batches.current().keyed(CUSTOMERS, payload -> payload instanceof CustomerScoped scoped
                && scoped.customerId() != null ? scoped.customerId().value() : null);
    }

    /**
     * Moves a complaint's last activity forward to {@code at} (never back); its jurisdiction, where the event names
     * it (the lodging), is kept.
     */
    void complaintActive(ComplaintId complaintId, String customerId, Jurisdiction jurisdiction, long position,
                         Instant at) {
        KeyedRows<Map<String, Object>> rows = batches.current().keyed(COMPLAINTS,
                payload -> payload instanceof ComplaintEvent event ? event.complaintId().value() : null);
        Map<String, Object> row = rows.find(complaintId.value()).orElseGet(() -> {
            Map<String, Object> created = new LinkedHashMap<>();
            created.put("complaint_id", complaintId.value());
            created.put("customer_id", customerId);
            created.put("jurisdiction", null);
            created.put("last_at", null);
            created.put("version", 0L);
            return rows.create(created);
        });
        if (VersionedRows.version(row) >= position) {
            return;
        }
        Map<String, Object> changes = new HashMap<>();
        if (jurisdiction != null) {
            changes.put("jurisdiction", jurisdiction.name());
        }
        Instant last = VersionedRows.instantOf(row.get("last_at"));
        if (last == null || last.isBefore(at)) {
            changes.put("last_at", at);
        }
        VersionedRows.apply(row, position, changes);
        rows.changed(row);
    }

    void placeHold(String customerId, String reference, Instant placedAt) {
        jdbc.update("INSERT INTO privacy_legal_hold (customer_id, reference, placed_at) VALUES (?, ?, ?)"
                + " ON CONFLICT DO NOTHING", customerId, reference, utc(placedAt));
    }

    void releaseHold(String customerId, String reference) {
        jdbc.update("DELETE FROM privacy_legal_hold WHERE customer_id = ? AND reference = ?", customerId, reference);
    }

    @Override
    public void forget(String customerId, Collection<String> streams) {
        deleteCustomer(customerId, "privacy_legal_hold", "privacy_complaint", "privacy_customer");
    }

    // ---- reads ----

    /** Of these customers, those whose processing is restricted. */
    public Set<CustomerId> restricted(Collection<CustomerId> customers) {
        if (customers.isEmpty()) {
            return Set.of();
        }
        Set<CustomerId> restricted = new HashSet<>();
        jdbc.query("SELECT customer_id FROM privacy_customer WHERE restricted AND customer_id IN ("
                        + Placeholders.of(customers.size()) + ")",
                (ResultSet rs) -> {
                    restricted.add(new CustomerId(rs.getString(1)));
                }, customers.stream().map(CustomerId::value).toArray());
        return restricted;
    }

    /** A not-erased customer's row, as the retention report needs it. */
    record Activity(String customerId, Instant lastSessionAt, Instant lastComplaintAt, boolean restricted) {
    }

    /**
     * Customers not erased, with some activity, whose last session activity is before {@code sessionsBefore} (or
     * who have none) and each of whose complaints was last active before the cutoff of its jurisdiction
     * ({@code complaintsBefore}, the cutoff of a jurisdiction not named there; {@code unknownBefore}, of a complaint
     * whose jurisdiction is not known); after {@code after} in customer id order, at most {@code limit}.
     */
    List<Activity> inactiveSince(Instant sessionsBefore, Map<Jurisdiction, Instant> complaintsBefore,
                                 Instant otherComplaintsBefore, Instant unknownBefore, String after, int limit) {
        StringBuilder cutoff = new StringBuilder("CASE WHEN pc.jurisdiction IS NULL THEN ?");
        List<Object> args = new ArrayList<>(List.of(utc(sessionsBefore), utc(unknownBefore)));
        complaintsBefore.forEach((jurisdiction, before) -> {
            cutoff.append(" WHEN pc.jurisdiction = ? THEN ?");
            args.add(jurisdiction.name());
            args.add(utc(before));
        });
        cutoff.append(" ELSE ? END");
        args.add(utc(otherComplaintsBefore));
        args.add(after == null ? "" : after);
        args.add(limit);
        return jdbc.query("SELECT customer_id, last_session_at, last_complaint_at, restricted FROM privacy_customer c"
                        + " WHERE erased_at IS NULL"
                        + " AND (last_session_at IS NOT NULL OR last_complaint_at IS NOT NULL)"
                        + " AND (last_session_at IS NULL OR last_session_at < ?)"
                        + " AND NOT EXISTS (SELECT 1 FROM privacy_complaint pc WHERE pc.customer_id = c.customer_id"
                        + " AND pc.last_at >= " + cutoff + ")"
                        + " AND customer_id > ? ORDER BY customer_id LIMIT ?",
                (rs, row) -> new Activity(rs.getString("customer_id"), instant(rs, "last_session_at"),
                        instant(rs, "last_complaint_at"), rs.getBoolean("restricted")),
                args.toArray());
    }

    /** The last complaint activity of these customers per jurisdiction (a null key: a jurisdiction not known). */
    Map<String, Map<Jurisdiction, Instant>> complaintActivity(Collection<String> customers) {
        Map<String, Map<Jurisdiction, Instant>> activity = new HashMap<>();
        if (!customers.isEmpty()) {
            jdbc.query("SELECT customer_id, jurisdiction, MAX(last_at) AS last_at FROM privacy_complaint"
                            + " WHERE customer_id IN (" + Placeholders.of(customers.size()) + ")"
                            + " GROUP BY customer_id, jurisdiction",
                    (ResultSet rs) -> {
                        String jurisdiction = rs.getString("jurisdiction");
                        activity.computeIfAbsent(rs.getString("customer_id"), key -> new HashMap<>())
                                .put(jurisdiction == null ? null : Jurisdiction.valueOf(jurisdiction),
                                        instant(rs, "last_at"));
                    }, customers.toArray());
        }
        return activity;
    }

    /** The legal holds of these customers, by customer, each customer's in reference order. */
    Map<String, List<String>> holdsOf(Collection<String> customers) {
        Map<String, List<String>> holds = new LinkedHashMap<>();
        if (!customers.isEmpty()) {
            jdbc.query("SELECT customer_id, reference FROM privacy_legal_hold WHERE customer_id IN ("
                            + Placeholders.of(customers.size()) + ")"
                            + " ORDER BY customer_id, reference",
                    (ResultSet rs) -> {
                        holds.computeIfAbsent(rs.getString(1), key -> new ArrayList<>()).add(rs.getString(2));
                    }, customers.toArray());
        }
        return holds;
    }
}

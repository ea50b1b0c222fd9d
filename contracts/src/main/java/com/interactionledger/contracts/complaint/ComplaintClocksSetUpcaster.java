package com.interactionledger.contracts.complaint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.interactionledger.contracts.common.NextRevisionUpcaster;

/**
 * Reads {@link ComplaintClocksSet} revision 1 as revision 2. Revision 1 named no calendar ({@code calendar} reads
 * as null: which version was used is not known) and had no {@code provisional} mark; but the one computation that
 * wrote revision 1 appended {@link #COVERAGE_WARNING} to a clock's basis exactly when it needed days beyond the
 * calendar's coverage, so that is what marks an old clock provisional — the same clocks a calendar update must
 * recompute. The stored bytes are never touched.
 */
public final class ComplaintClocksSetUpcaster extends NextRevisionUpcaster {

    /** What revision 1's basis says when a clock needed days its calendar did not cover. */
    public static final String COVERAGE_WARNING = "; WARNING: the ";

    public ComplaintClocksSetUpcaster() {
        super(ComplaintClocksSet.class, 1);
    }

    @Override
    protected ObjectNode upcast(ObjectNode set) {
        // Rebuilt in revision 2's field order, so the upcast JSON reads like a new event's.
        ObjectNode upcast = set.objectNode();
        set.fields().forEachRemaining(field -> {
            if (field.getKey().equals("clocks") && field.getValue().isArray()) {
                ArrayNode clocks = upcast.putArray("clocks");
                field.getValue().forEach(clock -> clocks.add(upcastClock((ObjectNode) clock)));
                upcast.putNull("calendar");
            } else {
                upcast.set(field.getKey(), field.getValue());
            }
        });
        return upcast;
    }

    private static ObjectNode upcastClock(ObjectNode clock) {
        JsonNode basis = clock.get("basis");
        boolean provisional = basis != null && basis.isTextual() && basis.asText().contains(COVERAGE_WARNING);
        ObjectNode upcast = clock.objectNode();
        clock.fields().forEachRemaining(field -> {
            if (field.getKey().equals("basis")) {
                upcast.put("provisional", provisional);
            }
            upcast.set(field.getKey(), field.getValue());
        });
        return upcast;
    }
}

package com.interactionledger.projections.complaints;

import com.interactionledger.contracts.complaint.ClockStatus;
import com.interactionledger.contracts.complaint.ClockType;
import com.interactionledger.contracts.complaint.ComplaintView;

import java.time.Instant;

/**
 * Where a clock stands at an instant, from the recorded facts only: its due date, whether it was stopped, the
 * breach recorded for it, and when its required step happened (a final response; for the CFPB response clock, a
 * holding reply too).
 */
final class ClockStatuses {

    private ClockStatuses() {
    }

    static ClockStatus status(ComplaintView complaint, ClockType type, Instant dueAt, boolean paused,
                              boolean breachable, Instant breachedAt, Instant at) {
        if (!breachable) {
            return ClockStatus.WINDOW;
        }
        if (breachedAt != null) {
            return ClockStatus.BREACHED;
        }
        Instant done = stepDoneAt(complaint, type);
        if (done != null) {
            return dueAt == null || done.isBefore(dueAt) ? ClockStatus.MET : ClockStatus.BREACHED;
        }
        if (paused || dueAt == null || !complaint.state().isOpen()) {
            return ClockStatus.STOPPED;
        }
        return at.isBefore(dueAt) ? ClockStatus.PENDING : ClockStatus.OVERDUE;
    }

    private static Instant stepDoneAt(ComplaintView complaint, ClockType type) {
        if (type == ClockType.CFPB_RESPONSE && complaint.holdingResponseAt() != null) {
            return complaint.resolvedAt() != null && complaint.resolvedAt().isBefore(complaint.holdingResponseAt())
                    ? complaint.resolvedAt() : complaint.holdingResponseAt();
        }
        return complaint.resolvedAt();
    }
}

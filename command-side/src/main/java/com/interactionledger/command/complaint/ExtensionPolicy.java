package com.interactionledger.command.complaint;

import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.complaint.Jurisdiction;
import com.interactionledger.contracts.complaint.RegulatoryClock;
import com.interactionledger.contracts.complaint.ServiceRegime;

import java.time.Instant;

/**
 * When a final deadline may be extended. Reason code: {@link ErrorCode#EXTENSION_NOT_ALLOWED}.
 * <ul>
 *   <li>China NFRA: twice at most (15 -> 30 -> 60 days); the second extension is granted only when a supervisor
 *       other than the one who asked approves it ({@link #needsApproval}).</li>
 *   <li>UK FCA, payment services and e-money only: once (15 -> 35 business days), after a holding reply that
 *       explains the exceptional circumstances. General FCA complaints cannot be extended.</li>
 *   <li>US CFPB: never; the 60-day final response clock already covers complaints in progress.</li>
 * </ul>
 * A deadline that has already passed cannot be extended: an extension is agreed before the clock runs out.
 */
final class ExtensionPolicy {

    private ExtensionPolicy() {
    }

    static void check(Jurisdiction jurisdiction, ServiceRegime regime, int currentTier, boolean holdingResponseSent,
                      RegulatoryClock finalClock, Instant at) {
        int max = DeadlinePolicy.maxExtensionTier(jurisdiction, regime);
        if (currentTier >= max) {
            throw refused(max == 0 ? jurisdiction + " rules do not allow extending this complaint's deadline"
                    : "the deadline was already extended the " + max + " time" + (max == 1 ? "" : "s") + " allowed");
        }
        if (jurisdiction == Jurisdiction.UK_FCA && !holdingResponseSent) {
            throw refused("under DISP 1.6.2AR the bank must first send a holding reply explaining the delay");
        }
        if (finalClock != null && finalClock.dueAt() != null && !at.isBefore(finalClock.dueAt())) {
            throw refused("the deadline already ran out at the end of " + finalClock.dueDate());
        }
    }

    /** Whether the next extension waits for a senior approver: the NFRA's second. */
    static boolean needsApproval(Jurisdiction jurisdiction, int currentTier) {
        return jurisdiction == Jurisdiction.CN_NFRA && currentTier == 1;
    }

    /** Nobody approves their own request: four eyes see a second extension. */
    static void checkApprover(String requestedBy, String approvedBy) {
        if (approvedBy == null || approvedBy.equals(requestedBy)) {
            throw refused("an extension is approved by a supervisor other than " + requestedBy
                    + ", who asked for it");
        }
    }

    static ComplaintRuleViolation refused(String detail) {
        return new ComplaintRuleViolation(ErrorCode.EXTENSION_NOT_ALLOWED, detail);
    }
}

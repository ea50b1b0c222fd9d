package com.interactionledger.command.complaint;

import com.interactionledger.command.lifecycle.Step;
import com.interactionledger.command.lifecycle.Transition;
import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.complaint.ComplaintState;

import java.util.EnumSet;

import static com.interactionledger.contracts.complaint.ComplaintState.AWAITING_CUSTOMER;
import static com.interactionledger.contracts.complaint.ComplaintState.CLOSED;
import static com.interactionledger.contracts.complaint.ComplaintState.DISPUTED;
import static com.interactionledger.contracts.complaint.ComplaintState.IN_PROGRESS;
import static com.interactionledger.contracts.complaint.ComplaintState.RECEIVED;
import static com.interactionledger.contracts.complaint.ComplaintState.REFERRED;
import static com.interactionledger.contracts.complaint.ComplaintState.RESOLUTION_PROPOSED;
import static com.interactionledger.contracts.complaint.ComplaintState.RESOLVED;

/**
 * The legal transitions of a complaint: for every step, the states it may be taken from and where it leads. The
 * aggregate enforces this table and docs/DOMAIN.md prints it (LifecycleTablesTest keeps the two identical).
 */
public enum ComplaintStep implements Step<ComplaintState> {
    ACKNOWLEDGE("AcknowledgeComplaint", "IN_PROGRESS", RECEIVED),
    ASSIGN("AssignComplaint", "stays", RECEIVED, IN_PROGRESS, AWAITING_CUSTOMER, RESOLUTION_PROPOSED, DISPUTED),
    REQUEST_INFORMATION("RequestInformation", "AWAITING_CUSTOMER; clocks stop where the rules allow", IN_PROGRESS),
    RECEIVE_INFORMATION("ReceiveInformation", "IN_PROGRESS; stopped clocks run again", AWAITING_CUSTOMER),
    EXTEND("ExtendComplaintDeadline", "stays; a later final deadline, or one that awaits approval",
            IN_PROGRESS, AWAITING_CUSTOMER, RESOLUTION_PROPOSED),
    APPROVE_EXTENSION("ApproveDeadlineExtension", "stays; the later final deadline", IN_PROGRESS, AWAITING_CUSTOMER,
            RESOLUTION_PROPOSED),
    SEND_HOLDING_RESPONSE("SendHoldingResponse", "stays", RECEIVED, IN_PROGRESS, AWAITING_CUSTOMER,
            RESOLUTION_PROPOSED),
    PROPOSE_RESOLUTION("ProposeResolution", "RESOLUTION_PROPOSED", IN_PROGRESS),
    RESOLVE("ResolveComplaint", "RESOLVED; the clocks stop", RECEIVED, IN_PROGRESS, AWAITING_CUSTOMER,
            RESOLUTION_PROPOSED),
    ACCEPT("AcceptResolution", "CLOSED", RESOLVED),
    DISPUTE("DisputeResolution", "DISPUTED", RESOLVED),
    REFER("ReferComplaint", "REFERRED", IN_PROGRESS, AWAITING_CUSTOMER, RESOLUTION_PROPOSED, RESOLVED, DISPUTED),
    REOPEN("ReopenComplaint", "IN_PROGRESS; the clocks start again from the reopening", RESOLVED, CLOSED, DISPUTED,
            REFERRED),
    RECORD_APPROACHING("RecordDeadlineApproaching", "stays", RECEIVED, IN_PROGRESS, AWAITING_CUSTOMER,
            RESOLUTION_PROPOSED),
    RECORD_BREACH("RecordDeadlineBreach", "stays", RECEIVED, IN_PROGRESS, AWAITING_CUSTOMER, RESOLUTION_PROPOSED),
    RECOMPUTE_CLOCKS("RecomputeComplaintClocks", "stays; provisional clocks worked out again with a calendar that"
            + " covers further", RECEIVED, IN_PROGRESS, AWAITING_CUSTOMER, RESOLUTION_PROPOSED);

    private final Transition<ComplaintState> transition;

    ComplaintStep(String command, String leadsTo, ComplaintState first, ComplaintState... rest) {
        this.transition = new Transition<>(command, leadsTo, EnumSet.of(first, rest));
    }

    @Override
    public Transition<ComplaintState> transition() {
        return transition;
    }

    void requireAllowedFrom(ComplaintState state) {
        if (!allowedFrom(state)) {
            throw new ComplaintRuleViolation(ErrorCode.ILLEGAL_TRANSITION, transition.refusal("complaint", state));
        }
    }
}

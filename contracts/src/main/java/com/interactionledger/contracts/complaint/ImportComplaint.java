package com.interactionledger.contracts.complaint;

import java.util.List;

/**
 * Brings one complaint from another register into the ledger, whole: lodged as the source received it, what the
 * source says of it, then what happened next — each command at its original time, decided by the complaint's own
 * rules as if it were happening now. All of it is appended together or not at all, so a record is never half
 * imported; a complaint id that is already on the ledger is refused, so importing a file again appends nothing.
 *
 * @param lodge  the complaint as received (its {@code occurredAt} is the source's date of receipt)
 * @param source what the source says of it
 * @param then   the commands that follow, in order (resolve, dispute...), for this complaint
 */
public record ImportComplaint(LodgeComplaint lodge, ComplaintSourceRecorded source, List<ComplaintCommand> then)
        implements ComplaintCommand {

    public ImportComplaint {
        then = List.copyOf(then);
    }

    @Override
    public ComplaintId complaintId() {
        return lodge.complaintId();
    }
}

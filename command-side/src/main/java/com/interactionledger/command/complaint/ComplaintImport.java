package com.interactionledger.command.complaint;

import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.complaint.ComplaintCommand;
import com.interactionledger.contracts.complaint.ComplaintId;
import com.interactionledger.contracts.complaint.ImportComplaint;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Brings a complaint from another register in, whole (docs/IMPORTING.md): lodged as the complaint's constructor
 * lodges any complaint, what the source says recorded beside it, then each later command handled by the
 * complaint's own handler, at its original time — so the rules that hold for a complaint today hold for one from
 * 2019, and a history that breaks them is refused whole. One unit of work: every event of the record is stored
 * together or none is.
 */
@Component
class ComplaintImport {

    private final Repository<Complaint> complaints;
    private final ComplaintCalendars calendars;

    ComplaintImport(Repository<Complaint> complaints, ComplaintCalendars calendars) {
        this.complaints = complaints;
        this.calendars = calendars;
    }

    @CommandHandler
    public ComplaintId handle(ImportComplaint command) throws Exception {
        ComplaintId id = command.complaintId();
        if (!id.equals(command.source().complaintId()) || !command.lodge().customerId().equals(
                command.source().customerId()) || command.then().stream().map(ComplaintCommand::complaintId)
                .anyMatch(other -> !other.equals(id))) {
            throw new ComplaintRuleViolation(ErrorCode.VALIDATION_FAILED,
                    "an imported complaint's parts must all name complaint " + id + " and its customer");
        }
        if (!command.source().occurredAt().equals(command.lodge().occurredAt())) {
            throw new ComplaintRuleViolation(ErrorCode.VALIDATION_FAILED,
                    "what the source says of complaint " + id + " is recorded at its receipt");
        }
        Aggregate<Complaint> complaint = complaints.newInstance(() -> new Complaint(command.lodge(), calendars));
        complaint.execute(lodged -> AggregateLifecycle.apply(command.source()));
        for (ComplaintCommand next : command.then()) {
            complaint.handle(GenericCommandMessage.asCommandMessage(next));
        }
        return id;
    }
}

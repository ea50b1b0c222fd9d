package com.interactionledger.command.privacy;

import com.interactionledger.ledger.append.RuleViolation;
import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.privacy.ApplyRetention;
import com.interactionledger.contracts.privacy.ApproveErasure;
import com.interactionledger.contracts.privacy.CustomerErased;
import com.interactionledger.contracts.privacy.CustomerErasureRequested;
import com.interactionledger.contracts.privacy.CustomerRestricted;
import com.interactionledger.contracts.privacy.CustomerRestrictionLifted;
import com.interactionledger.contracts.privacy.EraseCustomer;
import com.interactionledger.contracts.privacy.LegalHoldPlaced;
import com.interactionledger.contracts.privacy.LegalHoldReleased;
import com.interactionledger.contracts.privacy.LiftRestriction;
import com.interactionledger.contracts.privacy.PlaceLegalHold;
import com.interactionledger.contracts.privacy.PrivacyCommand;
import com.interactionledger.contracts.privacy.PrivacyEvent;
import com.interactionledger.contracts.privacy.ReleaseLegalHold;
import com.interactionledger.contracts.privacy.RestrictCustomer;
import com.interactionledger.contracts.privacy.RetentionPeriodExpired;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.LinkedHashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * What has been decided about one customer's personal data: restricted or not, the legal holds standing, erasure
 * asked for, erased or not. Its rules: an erased customer stays erased (nothing else can be decided for them);
 * erasure takes two people — one administrator asks, another approves, nobody approves their own request — and waits
 * until every legal hold is released; the retention rules erase on their own, past every period and under no hold.
 * The key itself is destroyed by the append path, in the transaction that stores
 * {@link CustomerErased}, so the decision and its effect cannot part.
 */
@Aggregate(cache = "customerPrivacyCache")
public class CustomerPrivacy {

    @AggregateIdentifier
    private String recordId;
    private boolean erased;
    private boolean restricted;
    /** The erasure one administrator asked for, which waits for another's approval. */
    private CustomerErasureRequested erasureAsked;
    private final Set<String> holds = new LinkedHashSet<>();

    /** For Axon: the record is made by whichever decision comes first. */
    protected CustomerPrivacy() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(EraseCustomer command) {
        stillPresent(command);
        noHoldStands(command);
        if (erasureAsked != null) {
            throw new RuleViolation(ErrorCode.PRIVACY_TRANSITION, "erasure of customer " + command.customerId()
                    + " was asked for by " + erasureAsked.requestedBy() + " and awaits another administrator");
        }
        apply(new CustomerErasureRequested(command.customerId(), command.legalBasis(), command.decidedBy(),
                command.occurredAt()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ApproveErasure command) {
        stillPresent(command);
        if (erasureAsked == null) {
            throw new RuleViolation(ErrorCode.PRIVACY_TRANSITION, "no erasure of customer " + command.customerId()
                    + " awaits approval");
        }
        if (erasureAsked.requestedBy().equals(command.decidedBy())) {
            throw new RuleViolation(ErrorCode.PRIVACY_TRANSITION, "erasure takes two people: "
                    + command.decidedBy() + " asked for it, another administrator approves it");
        }
        noHoldStands(command); // a hold placed since the request still stops it
        apply(new CustomerErased(command.customerId(), erasureAsked.legalBasis(), command.decidedBy(),
                command.occurredAt()));
    }

    /**
     * The retention rules erase without a second person: the rule, configured by the bank, is the decision, and the
     * event names it. A legal hold stops it as it stops any erasure; an erasure awaiting approval is overtaken.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ApplyRetention command) {
        stillPresent(command);
        noHoldStands(command);
        apply(new RetentionPeriodExpired(command.customerId(), command.rule(), command.dueSince(),
                command.decidedBy(), command.occurredAt()));
        apply(new CustomerErased(command.customerId(), RETENTION_BASIS + command.rule(), command.decidedBy(),
                command.occurredAt()));
    }

    /** The legal basis of an erasure by the retention rules, followed by the rule. */
    public static final String RETENTION_BASIS = "retention period expired: ";

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RestrictCustomer command) {
        stillPresent(command);
        if (restricted) {
            throw new RuleViolation(ErrorCode.PRIVACY_TRANSITION, "customer " + command.customerId()
                    + " is already restricted");
        }
        apply(new CustomerRestricted(command.customerId(), command.legalBasis(), command.decidedBy(),
                command.occurredAt()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(LiftRestriction command) {
        stillPresent(command);
        if (!restricted) {
            throw new RuleViolation(ErrorCode.PRIVACY_TRANSITION, "customer " + command.customerId()
                    + " is not restricted");
        }
        apply(new CustomerRestrictionLifted(command.customerId(), command.legalBasis(), command.decidedBy(),
                command.occurredAt()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(PlaceLegalHold command) {
        stillPresent(command);
        if (holds.contains(command.reference())) {
            throw new RuleViolation(ErrorCode.PRIVACY_TRANSITION, "legal hold " + command.reference()
                    + " already stands");
        }
        apply(new LegalHoldPlaced(command.customerId(), command.reference(), command.decidedBy(),
                command.occurredAt()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ReleaseLegalHold command) {
        if (!holds.contains(command.reference())) {
            throw new RuleViolation(ErrorCode.PRIVACY_TRANSITION, "no legal hold " + command.reference()
                    + " stands for customer " + command.customerId());
        }
        apply(new LegalHoldReleased(command.customerId(), command.reference(), command.decidedBy(),
                command.occurredAt()));
    }

    private void noHoldStands(PrivacyCommand command) {
        if (!holds.isEmpty()) {
            throw new RuleViolation(ErrorCode.LEGAL_HOLD, "customer " + command.customerId()
                    + " is under legal hold " + holds + "; release every hold before erasing");
        }
    }

    private void stillPresent(PrivacyCommand command) {
        if (erased) {
            throw new RuleViolation(ErrorCode.CUSTOMER_ERASED, "customer " + command.customerId()
                    + " was erased; nothing more can be decided about their data");
        }
    }

    @EventSourcingHandler
    void on(PrivacyEvent event) {
        recordId = PrivacyCommand.recordIdOf(event.customerId());
        if (event instanceof CustomerErasureRequested asked) {
            erasureAsked = asked;
        } else if (event instanceof CustomerErased) {
            erased = true;
            erasureAsked = null;
        } else if (event instanceof CustomerRestricted) {
            restricted = true;
        } else if (event instanceof CustomerRestrictionLifted) {
            restricted = false;
        } else if (event instanceof LegalHoldPlaced placed) {
            holds.add(placed.reference());
        } else if (event instanceof LegalHoldReleased released) {
            holds.remove(released.reference());
        }
    }
}

package com.interactionledger.command.audit;

import com.interactionledger.ledger.append.RuleViolation;
import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.complaint.ComplaintCommand;
import com.interactionledger.contracts.knowledge.KnowledgeCommand;
import com.interactionledger.contracts.privacy.CustomerErasedException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;

/** The error code a refused command is recorded with: the same code the HTTP API answers it with. */
final class RefusalCodes {

    private RefusalCodes() {
    }

    static ErrorCode of(Throwable cause, Object command) {
        if (cause instanceof RuleViolation violation) {
            return violation.code();
        } else if (cause instanceof AggregateNotFoundException || cause instanceof IncompatibleAggregateException) {
            return command instanceof ComplaintCommand ? ErrorCode.COMPLAINT_NOT_FOUND
                    : command instanceof KnowledgeCommand ? ErrorCode.ARTICLE_NOT_FOUND : ErrorCode.SESSION_NOT_FOUND;
        } else if (cause instanceof AggregateStreamCreationException) {
            return command instanceof ComplaintCommand ? ErrorCode.COMPLAINT_ALREADY_EXISTS
                    : command instanceof KnowledgeCommand ? ErrorCode.ARTICLE_ALREADY_EXISTS
                    : ErrorCode.SESSION_ALREADY_EXISTS;
        } else if (cause instanceof CustomerErasedException) {
            return ErrorCode.CUSTOMER_ERASED;
        } else if (cause instanceof ConcurrencyException || cause instanceof ConflictingModificationException) {
            return ErrorCode.CONCURRENT_MODIFICATION;
        }
        return ErrorCode.INTERNAL_ERROR;
    }
}

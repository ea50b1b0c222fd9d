package com.interactionledger.contracts.privacy;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.LedgerCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A decision about a customer's personal data, taken by an administrator. All of them go to the customer's privacy
 * record, one stream per customer named {@code privacy-<customer id>} (sessions and complaints have ids of their own,
 * so the prefix keeps the streams apart).
 */
public interface PrivacyCommand extends LedgerCommand {

    CustomerId customerId();

    @TargetAggregateIdentifier
    default String privacyRecordId() {
        return recordIdOf(customerId());
    }

    @Override
    default String targetId() {
        return privacyRecordId();
    }

    static String recordIdOf(CustomerId customerId) {
        return "privacy-" + customerId.value();
    }
}

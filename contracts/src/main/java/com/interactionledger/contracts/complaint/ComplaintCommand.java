package com.interactionledger.contracts.complaint;

import com.interactionledger.contracts.common.LedgerCommand;

/** Every command of the complaint lifecycle names the complaint it creates or changes. */
public interface ComplaintCommand extends LedgerCommand {

    ComplaintId complaintId();

    @Override
    default String targetId() {
        return complaintId().value();
    }
}

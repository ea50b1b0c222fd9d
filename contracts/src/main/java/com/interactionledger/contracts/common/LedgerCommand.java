package com.interactionledger.contracts.common;

/** Every command names the aggregate (a session, a complaint) it creates or changes. */
public interface LedgerCommand {

    /** The id of the session, complaint... the command creates or changes. */
    String targetId();
}

package com.interactionledger.contracts.knowledge;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.CustomerScoped;

import java.time.Instant;

/**
 * Every event of a knowledge-base article's timeline of versions. An article is about a product, not about a
 * customer: these events belong to no data subject ({@link #customerId()} is null), hold no personal data, are never
 * sealed nor erased, and travel on the ledger's topic keyed by their own stream, so one article's versions stay in
 * order. {@code occurredAt} is when the knowledge-base system told the ledger (stamped at the edge); when a version
 * is in force is its own {@code effectiveFrom}, which the knowledge-base system sets and may lie ahead.
 */
public interface KnowledgeEvent extends CustomerScoped {

    ArticleId articleId();

    /** The number of the version this event is about: the one published or revised to, or the last one, withdrawn. */
    int versionNumber();

    /** From when this version is in force (or, for a withdrawal, from when none is). */
    Instant effectiveFrom();

    Instant occurredAt();

    @Override
    default CustomerId customerId() {
        return null;
    }
}

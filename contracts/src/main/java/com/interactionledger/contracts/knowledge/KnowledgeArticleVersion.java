package com.interactionledger.contracts.knowledge;

import java.time.Instant;

/** An event that puts a version of an article in force: its publication or a revision. */
public interface KnowledgeArticleVersion extends KnowledgeEvent {

    ArticleVersion version();

    @Override
    default int versionNumber() {
        return version().number();
    }

    @Override
    default Instant effectiveFrom() {
        return version().effectiveFrom();
    }
}
